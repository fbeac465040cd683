import { describe, expect, it } from 'vitest';
import { DEFAULT_SRS, isCalendarDate, srsSettings } from './settings';

describe('exam plan settings', () => {
	it('keeps a real exam date and drops anything else', () => {
		expect(srsSettings({ examDate: '2027-03-14' }).examDate).toBe('2027-03-14');
		for (const bad of ['2027-02-29', '2027-3-14', '14/03/2027', '', 20270314, null]) {
			expect(srsSettings({ examDate: bad }), String(bad)).not.toHaveProperty('examDate');
		}
		// A past date is the learner's to change: it is kept, and the plan ignores it.
		expect(srsSettings({ examDate: '1999-12-31' }).examDate).toBe('1999-12-31');
	});

	it('bounds the plan settings like the others', () => {
		expect(srsSettings({ maxNewPerDay: 9999, maxRetention: 0.2, reviewDays: -3 })).toEqual({
			...DEFAULT_SRS,
			maxNewPerDay: 500,
			maxRetention: 0.7,
			reviewDays: 0
		});
		expect(srsSettings({ maxNewPerDay: 12.6, reviewDays: 'x' })).toMatchObject({
			maxNewPerDay: 13,
			reviewDays: DEFAULT_SRS.reviewDays
		});
	});

	it('knows a leap day', () => {
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2027-02-29')).toBe(false);
	});
});
