/**
 * When to remind the learner to back up: the last backup is more than a week old (or there has
 * never been one and the first answer is more than a week old) and there are answers since.
 * Pure: the figures and `now` come in.
 */
const DAY = 86_400_000;
export const REMIND_AFTER_DAYS = 7;

export interface ReminderFacts {
	now: number;
	lastBackup: number | undefined;
	firstAnswerAt: number | undefined;
	/** Answers after the last backup (after the first answer, counted from 0, when never). */
	answersSince: number;
}

export type Reminder = { never: boolean; days: number; answers: number };

export function reminderOf(f: ReminderFacts): Reminder | undefined {
	const since = f.lastBackup ?? f.firstAnswerAt;
	if (since === undefined || f.answersSince === 0) return undefined;
	const days = Math.floor((f.now - since) / DAY);
	if (days < REMIND_AFTER_DAYS) return undefined;
	return { never: f.lastBackup === undefined, days, answers: f.answersSince };
}

export function reminderText(r: Reminder): string {
	const answers = `${r.answers.toLocaleString('en-US')} question${r.answers === 1 ? '' : 's'}`;
	return r.never
		? `You have not backed up yet; you have answered ${answers} on this computer.`
		: `Your last backup was ${r.days} days ago; you have answered ${answers} since.`;
}
