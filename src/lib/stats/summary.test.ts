import { describe, expect, it } from 'vitest';
import { streak, streakOfRun, summarize } from './summary';
import type { DayTotal } from './types';

const TODAY = 20_500;

function row(o: Partial<DayTotal>): DayTotal {
	const r: DayTotal = {
		key: '',
		day: -1,
		bankId: 'cpc',
		section: 'em',
		attempts: 1,
		correct: 1,
		scoreSum: 1,
		timeMs: 1000,
		practice: 1,
		drill: 0,
		exam: 0,
		timeBins: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
		mistakes: {},
		...o
	};
	return { ...r, key: `${r.day}|${r.bankId}|${r.section}` };
}

describe('summarize', () => {
	it('adds up the sections: answers, correct ones and partial credit', () => {
		const s = summarize(
			[
				row({ attempts: 2, correct: 1, scoreSum: 1.5 }),
				row({ section: 'surgery', scoreSum: 0.5, correct: 0 })
			],
			{ days: 0, today: false },
			2
		);
		expect(s).toMatchObject({ attempts: 3, correct: 1, itemsSeen: 2, meanScore: 2 / 3 });
	});

	it('lists sections weakest first, by mean score', () => {
		const s = summarize(
			[row({ section: 'em' }), row({ section: 'surgery', scoreSum: 0, correct: 0 })],
			{ days: 0, today: false },
			2
		);
		expect(s.sections.map((x) => [x.section, x.attempts, x.meanScore])).toEqual([
			['surgery', 1, 0],
			['em', 1, 1]
		]);
	});

	it('is empty for no answers', () => {
		expect(summarize([], { days: 0, today: false }, 0)).toEqual({
			attempts: 0,
			correct: 0,
			itemsSeen: 0,
			meanScore: 0,
			sections: [],
			streakDays: 0,
			answeredToday: false
		});
	});
});

describe('streak', () => {
	it('counts days in a row ending today', () => {
		expect(streak([TODAY, TODAY - 1, TODAY - 2, TODAY - 4], TODAY)).toEqual({
			days: 3,
			today: true
		});
	});

	it('is not broken before the day is over: it ends yesterday while today has no answer', () => {
		expect(streak([TODAY - 1, TODAY - 2], TODAY)).toEqual({ days: 2, today: false });
		expect(streak([TODAY - 2], TODAY)).toEqual({ days: 0, today: false });
	});

	it('counts a day once however many sections it holds', () => {
		expect(streak([TODAY, TODAY, TODAY - 1, TODAY - 1], TODAY).days).toBe(2);
	});
});

describe('streakOfRun', () => {
	it('reads the streak from the latest run of days, the same as counting the days', () => {
		const days = [TODAY - 1, TODAY - 2, TODAY - 3];
		const run = { start: TODAY - 3, last: TODAY - 1 };
		expect(streakOfRun(run, TODAY)).toEqual(streak(days, TODAY));
		expect(streakOfRun(run, TODAY - 1)).toEqual(streak(days, TODAY - 1));
		expect(streakOfRun(run, TODAY + 1)).toEqual({ days: 0, today: false });
		expect(streakOfRun(undefined, TODAY)).toEqual({ days: 0, today: false });
		// A clock set back before the run's end: no streak is claimed.
		expect(streakOfRun(run, TODAY - 3)).toEqual({ days: 0, today: false });
	});
});
