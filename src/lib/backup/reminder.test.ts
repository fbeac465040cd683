import { describe, expect, it } from 'vitest';
import { reminderOf, reminderText } from './reminder';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);

describe('backup reminder', () => {
	it('reminds after a week with new answers, and says how long and how many', () => {
		const r = reminderOf({
			now: NOW,
			lastBackup: NOW - 9 * DAY,
			firstAnswerAt: 1,
			answersSince: 120
		});
		expect(r).toEqual({ never: false, days: 9, answers: 120 });
		expect(reminderText(r!)).toBe(
			'Your last backup was 9 days ago; you have answered 120 questions since.'
		);
	});

	it('stays quiet within the week, or with no answers since', () => {
		expect(
			reminderOf({ now: NOW, lastBackup: NOW - 6 * DAY, firstAnswerAt: 1, answersSince: 50 })
		).toBeUndefined();
		expect(
			reminderOf({ now: NOW, lastBackup: NOW - 30 * DAY, firstAnswerAt: 1, answersSince: 0 })
		).toBeUndefined();
	});

	it('with no backup ever, counts from the first answer', () => {
		expect(
			reminderOf({
				now: NOW,
				lastBackup: undefined,
				firstAnswerAt: NOW - 3 * DAY,
				answersSince: 40
			})
		).toBeUndefined();
		const r = reminderOf({
			now: NOW,
			lastBackup: undefined,
			firstAnswerAt: NOW - 8 * DAY,
			answersSince: 1
		});
		expect(r).toEqual({ never: true, days: 8, answers: 1 });
		expect(reminderText(r!)).toBe(
			'You have not backed up yet; you have answered 1 question on this computer.'
		);
		expect(
			reminderOf({ now: NOW, lastBackup: undefined, firstAnswerAt: undefined, answersSince: 0 })
		).toBeUndefined();
	});
});
