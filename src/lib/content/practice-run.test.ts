import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { indexById } from './bank';
import { isOpen, isRunOf, newRun, resume, tallyText, type PracticeRun } from './practice-run';

const items = ['a', 'b', 'c', 'd'].map((id) => makeItem(id, 'em'));

function run(o: Partial<PracticeRun> = {}): PracticeRun {
	return {
		...newRun({
			sessionId: 's1',
			bankId: 'cpc',
			section: 'mixed',
			itemIds: ['c', 'a', 'd', 'b'],
			now: 1_000
		}),
		...o
	};
}

describe('practice run', () => {
	it('starts at the first item with an empty tally', () => {
		const r = run();
		expect(r).toMatchObject({ index: 0, answered: 0, correct: 0, scoreSum: 0, startedAt: 1_000 });
		expect(r.shown).toBeUndefined();
	});

	it('resumes in its own order at its own position', () => {
		const back = resume(run({ index: 2 }), indexById(items));
		expect(back?.queue.map((i) => i.id)).toEqual(['c', 'a', 'd', 'b']);
		expect(back?.index).toBe(2);
		expect(back?.shown).toBeUndefined();
	});

	it('gives back the answer on screen only for the current item', () => {
		const shown = { itemId: 'd', response: 'B' };
		expect(resume(run({ index: 2, shown }), indexById(items))?.shown).toBe('B');
		// Stale: the learner had moved on when it was saved.
		expect(resume(run({ index: 3, shown }), indexById(items))?.shown).toBeUndefined();
	});

	it('skips items the bank no longer has and stays on the same item', () => {
		const back = resume(run({ index: 2 }), indexById(items.filter((i) => i.id !== 'a')));
		expect(back?.queue.map((i) => i.id)).toEqual(['c', 'd', 'b']);
		expect(back?.queue[back.index]?.id).toBe('d');
	});

	it('cannot resume when none of its items is left', () => {
		expect(resume(run(), indexById([]))).toBeUndefined();
	});

	it('is open until the last item is passed, and belongs to one bank and section', () => {
		expect(isOpen(run({ index: 3 }))).toBe(true);
		expect(isOpen(run({ index: 4 }))).toBe(false);
		expect(isOpen(undefined)).toBe(false);
		expect(isRunOf(run(), 'cpc', 'mixed')).toBe(true);
		expect(isRunOf(run(), 'cpc', 'em')).toBe(false);
		expect(isRunOf(run(), 'foundations', 'mixed')).toBe(false);
	});

	it('words its tally the same on the run page and in the picker', () => {
		expect(tallyText(run())).toBe('0 answered · 0 correct');
		expect(tallyText(run({ answered: 4, correct: 3, scoreSum: 3.25 }))).toBe(
			'4 answered · 3 correct · 81% mean score'
		);
	});
});
