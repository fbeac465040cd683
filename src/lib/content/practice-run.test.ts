import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { indexById } from './bank';
import {
	FLAGGED_KEY,
	isListRunOf,
	isOpen,
	isRunOf,
	itemsRunHref,
	listKey,
	listTitle,
	missedIds,
	LIST_TITLE,
	newRun,
	parseItemIds,
	resume,
	runHref,
	splitKnown,
	tallyText,
	type PracticeRun
} from './practice-run';

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

describe('item-list runs', () => {
	const list = { key: listKey(['c', 'a']), title: 'Misses from CPC mock exam' };
	const listRun = (o: Partial<PracticeRun> = {}) =>
		newRun({ sessionId: 's2', bankId: '', section: '', itemIds: ['c', 'a'], now: 5, list, ...o });

	it('reads ids from a link: trimmed, blanks and repeats dropped, order kept', () => {
		expect(parseItemIds(' b, a,,b ,c ')).toEqual(['b', 'a', 'c']);
		expect(parseItemIds(null)).toEqual([]);
		expect(parseItemIds('')).toEqual([]);
	});

	it('keeps the ids the index knows and names the ones it drops', () => {
		expect(splitKnown(['x', 'a', 'y', 'b'], new Set(['a', 'b']))).toEqual({
			kept: ['a', 'b'],
			dropped: ['x', 'y']
		});
	});

	it('gives a link title one short line, or a plain default', () => {
		expect(listTitle('  Misses\nfrom   practice ')).toBe('Misses from practice');
		expect(listTitle(null)).toBe(LIST_TITLE);
		expect(listTitle('   ')).toBe(LIST_TITLE);
		const long = listTitle('word '.repeat(40));
		expect(long.length).toBe(80);
		expect(long.endsWith('word…')).toBe(true);
	});

	it('is resumed by its own list only, never by a section link', () => {
		const r = listRun();
		expect(r.list).toEqual(list);
		expect(isListRunOf(r, listKey(['c', 'a']))).toBe(true);
		expect(isListRunOf(r, listKey(['a', 'c']))).toBe(false);
		expect(isListRunOf(run(), listKey(['c', 'a', 'd', 'b']))).toBe(false);
		expect(isRunOf(r, '', '')).toBe(false);
		expect(isRunOf(run(), 'cpc', 'mixed')).toBe(true);
	});

	it('links to a new run, and back to a saved one of each kind', () => {
		const start = itemsRunHref(['c', 'a'], 'Misses & more');
		expect(start).toBe('/practice/run?items=c%2Ca&title=Misses%20%26%20more&new=1');
		const params = new URL(start, 'http://x').searchParams;
		expect(parseItemIds(params.get('items'))).toEqual(['c', 'a']);
		expect(listTitle(params.get('title'))).toBe('Misses & more');
		expect(runHref(listRun())).toBe(
			'/practice/run?items=c%2Ca&title=Misses%20from%20CPC%20mock%20exam'
		);
		expect(runHref(listRun({ list: { key: FLAGGED_KEY, title: 'Flagged items' } }))).toBe(
			'/practice/run?set=flagged'
		);
		expect(runHref(run({ section: 'em' }))).toBe('/practice/run?bank=cpc&section=em');
	});
});

describe('missedIds', () => {
	const a = (itemId: string, correct: boolean, itemType = 'single-best-answer') => ({
		itemId,
		correct,
		itemType
	});

	it('lists the items whose last answer was wrong, in answer order, flashcards left out', () => {
		const attempts = [
			a('b', false),
			a('a', false),
			a('f', false, 'flashcard'),
			a('c', true),
			a('a', true),
			a('d', false, 'code-entry'),
			a('c', false)
		];
		expect(missedIds(attempts)).toEqual(['b', 'd', 'c']);
		expect(missedIds([])).toEqual([]);
	});
});
