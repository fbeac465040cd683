import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnerDay } from './day';
import {
	dateOfDay,
	dayLabel,
	dayOfDate,
	examDateProblem,
	examPlan,
	planFromSettings,
	planSentence,
	RAMP_DAYS,
	unseenAtDayStart,
	type ExamPlan,
	type PlanSettings
} from './plan';
import { DEFAULT_SRS } from './settings';

// Sunday 22 Nov 2026, 10:00 UTC, in a UTC zone with the day rolling over at 04:00.
const T0 = Date.UTC(2026, 10, 22, 10, 0);
const TODAY = learnerDay(T0, 4, 0);

const SETTINGS: PlanSettings = {
	newPerDay: 15,
	maxNewPerDay: 50,
	retention: 0.9,
	maxRetention: 0.95,
	reviewDays: 7
};

function plan(daysLeft: number, unseen: number, s: Partial<PlanSettings> = {}): ExamPlan {
	const p = examPlan({
		examDay: TODAY + daysLeft,
		today: TODAY,
		unseen,
		settings: { ...SETTINGS, ...s }
	});
	if (!p) throw new Error('no plan');
	return p;
}

describe('exam dates and learner days', () => {
	it('numbers a calendar date as the learner day that starts on it, in any zone', () => {
		expect(dayOfDate('2026-11-22')).toBe(TODAY);
		// New York (300 minutes west): 10:00 local on the 22nd, and 03:59 local on the 23rd.
		expect(learnerDay(Date.UTC(2026, 10, 22, 15, 0), 4, 300)).toBe(dayOfDate('2026-11-22'));
		expect(learnerDay(Date.UTC(2026, 10, 23, 8, 59), 4, 300)).toBe(dayOfDate('2026-11-22'));
		expect(learnerDay(Date.UTC(2026, 10, 23, 9, 0), 4, 300)).toBe(dayOfDate('2026-11-23'));
		expect(dateOfDay(TODAY + 40)).toBe('2027-01-01');
		expect(dayOfDate(dateOfDay(TODAY + 97))).toBe(TODAY + 97);
	});

	it('rejects what is not a whole, real date', () => {
		for (const bad of ['2027-02-30', '2027-13-01', '27-03-14', '2027-3-14', '', 'soon']) {
			expect(dayOfDate(bad), bad).toBeUndefined();
		}
	});

	it('says why a date cannot be the exam date', () => {
		expect(examDateProblem('', TODAY)).toBeUndefined();
		expect(examDateProblem('2026-11-22', TODAY)).toBeUndefined();
		expect(examDateProblem('2026-11-21', TODAY)).toMatch(/has passed/);
		expect(examDateProblem('2026-02-30', TODAY)).toMatch(/whole date/);
		expect(examDateProblem('', TODAY, true)).toMatch(/whole date/);
	});

	it('writes a day as US English, with the year only when it is not this one', () => {
		expect(dayLabel(TODAY + 9, TODAY)).toBe('December 1');
		expect(dayLabel(TODAY + 40, TODAY)).toBe('January 1, 2027');
		expect(dayLabel(TODAY + 28, TODAY, true)).toBe('Sunday, December 20');
	});
});

describe('examPlan', () => {
	it('spreads the unseen items over the days before the review-only days', () => {
		// 28 days left, the last 7 for review: 21 days bring new items, 420 / 21 = 20 a day.
		const p = plan(28, 420);
		expect(p.lastNewDay).toBe(TODAY + 20);
		expect(p.newPerDay).toBe(20);
		expect(p.fits).toBe(true);
		expect(p.leftUnseen).toBe(0);
		// Zero days of slack: the last item comes on the last day that brings any.
		expect(p.seenBy).toBe(p.lastNewDay);
	});

	it('never asks for fewer than the everyday new cards, and finishes early then', () => {
		const p = plan(28, 30);
		expect(p.newPerDay).toBe(15);
		expect(p.seenBy).toBe(TODAY + 1);
	});

	it('stops at its bound and says how many would still be new', () => {
		const p = plan(28, 2000);
		expect(p.newPerDay).toBe(50);
		expect(p.fits).toBe(false);
		expect(p.leftUnseen).toBe(2000 - 50 * 21);
		expect(p.seenBy).toBeUndefined();
	});

	it('one item over the bound does not fit', () => {
		expect(plan(28, 50 * 21).fits).toBe(true);
		expect(plan(28, 50 * 21 + 1)).toMatchObject({ fits: false, leftUnseen: 1 });
	});

	it('takes the everyday value when the bound is set below it', () => {
		expect(plan(28, 2000, { maxNewPerDay: 5 }).newPerDay).toBe(15);
		expect(plan(28, 0, { maxNewPerDay: 5 }).newPerDay).toBe(5);
	});

	it('brings nothing new in the review-only days', () => {
		const p = plan(7, 100);
		expect(p.newPerDay).toBe(0);
		expect(p).toMatchObject({ fits: false, leftUnseen: 100 });
		expect(plan(8, 100).newPerDay).toBe(50);
	});

	it('with no review-only days, brings new items up to the day before the exam', () => {
		expect(plan(1, 30, { reviewDays: 0 })).toMatchObject({ newPerDay: 30, seenBy: TODAY });
	});

	it('on exam day, brings nothing new and asks for the highest retention', () => {
		const p = plan(0, 12, { reviewDays: 0 });
		expect(p).toMatchObject({ daysLeft: 0, newPerDay: 0, fits: false, leftUnseen: 12 });
		expect(p.retention).toBe(0.95);
	});

	it('has no plan once the exam has passed', () => {
		expect(
			examPlan({ examDay: TODAY - 1, today: TODAY, unseen: 10, settings: SETTINGS })
		).toBeUndefined();
	});

	it('with nothing unseen, keeps the everyday pace for other items and fits', () => {
		const p = plan(60, 0);
		expect(p).toMatchObject({ newPerDay: 15, fits: true, leftUnseen: 0, seenBy: undefined });
	});

	it('raises the retention over the last month, linearly', () => {
		expect(plan(90, 0).retention).toBe(0.9);
		expect(plan(RAMP_DAYS, 0).retention).toBe(0.9);
		expect(plan(RAMP_DAYS / 2, 0).retention).toBeCloseTo(0.925, 10);
		expect(plan(1, 0).retention).toBeCloseTo(0.95 - 0.05 / RAMP_DAYS, 10);
		// A bound below the everyday retention leaves it where it is.
		expect(plan(1, 0, { retention: 0.97, maxRetention: 0.92 }).retention).toBe(0.97);
	});

	it('reads the date from the settings, and none means no plan', () => {
		const s = { ...DEFAULT_SRS, examDate: '2026-12-20' };
		expect(planFromSettings(s, TODAY, 420)?.daysLeft).toBe(28);
		expect(planFromSettings(DEFAULT_SRS, TODAY, 420)).toBeUndefined();
		expect(planFromSettings({ ...s, examDate: '2026-11-21' }, TODAY, 420)).toBeUndefined();
	});

	it('counts an item first seen today as unseen all day', () => {
		const pool = ['a', 'b', 'c', 'd'];
		const today = [
			{ itemId: 'b', before: null },
			{ itemId: 'b', before: {} },
			{ itemId: 'a', before: {} },
			{ itemId: 'x', before: null }
		];
		// a was seen before today, b first today: b, c and d count.
		expect(unseenAtDayStart(pool, new Set(['a', 'b', 'x']), today)).toBe(3);
		expect(unseenAtDayStart(pool, new Set(['a', 'b', 'x']), [])).toBe(2);
	});
});

/** Plan settings as fast-check draws them, over the ranges the sanitiser allows. */
const settingsArb = fc.record({
	newPerDay: fc.integer({ min: 0, max: 60 }),
	maxNewPerDay: fc.integer({ min: 0, max: 200 }),
	retention: fc.integer({ min: 70, max: 99 }).map((n) => n / 100),
	maxRetention: fc.integer({ min: 70, max: 99 }).map((n) => n / 100),
	reviewDays: fc.integer({ min: 0, max: 14 })
});

describe('following the plan day by day', () => {
	it('sees every item by the day it said when it fits; else leaves what it said', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 150 }),
				fc.integer({ min: 0, max: 3000 }),
				settingsArb,
				(daysLeft, unseen0, s) => {
					const examDay = TODAY + daysLeft;
					const first = examPlan({ examDay, today: TODAY, unseen: unseen0, settings: s })!;
					const top = Math.max(s.retention, s.maxRetention);
					let unseen = unseen0;
					let lastRetention = 0;
					let finished: number | undefined;
					for (let day = TODAY; day <= examDay; day++) {
						const p = examPlan({ examDay, today: day, unseen, settings: s })!;
						expect(p.retention).toBeGreaterThanOrEqual(s.retention);
						expect(p.retention).toBeLessThanOrEqual(top + 1e-12);
						expect(p.retention).toBeGreaterThanOrEqual(lastRetention);
						lastRetention = p.retention;
						if (day > p.lastNewDay) expect(p.newPerDay).toBe(0);
						expect(p.newPerDay).toBeLessThanOrEqual(Math.max(s.newPerDay, s.maxNewPerDay));
						// The drill introduces the day's new items, or what is left of them.
						unseen -= Math.min(unseen, p.newPerDay);
						if (unseen0 > 0 && unseen === 0 && finished === undefined) finished = day;
					}
					expect(lastRetention).toBe(top);
					if (first.fits) {
						expect(unseen).toBe(0);
						if (unseen0 > 0) {
							expect(finished).toBe(first.seenBy);
							expect(finished!).toBeLessThanOrEqual(first.lastNewDay);
						}
					} else {
						expect(unseen).toBe(first.leftUnseen);
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('makes up a skipped day on the days left', () => {
		// 28 days, 420 items: 20 a day. Skipping the first day leaves 420 over 20 days: 21 a day.
		const examDay = TODAY + 28;
		const next = examPlan({ examDay, today: TODAY + 1, unseen: 420, settings: SETTINGS })!;
		expect(next.newPerDay).toBe(21);
		expect(next.seenBy).toBe(TODAY + 20);
	});
});

describe('planSentence', () => {
	it('says when every item will have been seen', () => {
		expect(planSentence(plan(28, 420), 'CPC')).toBe(
			'At 20 new a day you will have seen every CPC item by December 12, 8 days before your exam.'
		);
		expect(planSentence(plan(28, 10), 'CPC')).toBe(
			'At 15 new a day you will have seen every CPC item today, 28 days before your exam.'
		);
	});

	it('says how many would still be new when it does not fit', () => {
		expect(planSentence(plan(28, 1051), 'CPC')).toBe(
			'At 50 new a day, 1 CPC item would still be new on exam day.'
		);
		expect(planSentence(plan(28, 1170), 'CCA')).toBe(
			'At 50 new a day, 120 CCA items would still be new on exam day.'
		);
	});

	it('covers the review-only days, exam day and nothing unseen', () => {
		expect(planSentence(plan(3, 40), 'CPC')).toBe(
			'The last 7 days before your exam are for review only, so 40 CPC items would still be new on exam day.'
		);
		expect(planSentence(plan(0, 40), 'CPC')).toBe(
			'Your CPC exam is today: the drill shows reviews only. Good luck!'
		);
		expect(planSentence(plan(1, 0), 'CPC')).toBe(
			'You have seen every CPC item. Your exam is in 1 day: keep up your reviews.'
		);
	});
});
