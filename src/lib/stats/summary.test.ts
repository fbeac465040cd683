import { describe, expect, it } from 'vitest';
import { summarize, type AttemptLike } from './summary';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 15, 0);

function attempt(o: Partial<AttemptLike>): AttemptLike {
	return { itemId: 'a', bankId: 'cpc', section: 'em', score: 1, correct: true, at: NOW, ...o };
}

describe('summarize', () => {
	it('counts answers, correct ones, items and partial credit', () => {
		const s = summarize(
			[
				attempt({}),
				attempt({ itemId: 'b', score: 0.5, correct: false }),
				attempt({ itemId: 'a', score: 0, correct: false })
			],
			NOW
		);
		expect(s).toMatchObject({ attempts: 3, correct: 1, itemsSeen: 2, meanScore: 0.5 });
	});

	it('lists sections weakest first', () => {
		const s = summarize(
			[attempt({ section: 'em' }), attempt({ section: 'surgery', score: 0, correct: false })],
			NOW
		);
		expect(s.sections.map((x) => [x.section, x.attempts, x.meanScore])).toEqual([
			['surgery', 1, 0],
			['em', 1, 1]
		]);
	});

	it('counts a streak of consecutive days ending today, in the learner zone', () => {
		const days = [0, 1, 2, 4].map((d) => attempt({ at: NOW - d * DAY }));
		expect(summarize(days, NOW).streakDays).toBe(3);
		expect(summarize([attempt({ at: NOW - DAY })], NOW).streakDays).toBe(0);
		// 23:30 local the day before, at UTC-5 (offset +300), is not today.
		const lateYesterday = Date.UTC(2026, 10, 22, 4, 30);
		expect(summarize([attempt({ at: lateYesterday })], NOW, 300).streakDays).toBe(0);
		expect(summarize([attempt({ at: lateYesterday })], NOW, 0).streakDays).toBe(1);
	});

	it('is empty for no attempts', () => {
		expect(summarize([], NOW)).toEqual({
			attempts: 0,
			correct: 0,
			itemsSeen: 0,
			meanScore: 0,
			sections: [],
			streakDays: 0
		});
	});
});
