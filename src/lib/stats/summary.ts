/**
 * Progress figures from the running totals (see `db/totals.ts`). Pure: rows in, numbers out; the
 * attempt log itself is never read for them.
 */
import type { DayTotal } from './types';

export interface SectionStats {
	bankId: string;
	section: string;
	attempts: number;
	correct: number;
	/** Mean score 0..1 (partial credit counts). */
	meanScore: number;
}

export interface Summary {
	attempts: number;
	correct: number;
	itemsSeen: number;
	meanScore: number;
	/** Weakest first. */
	sections: SectionStats[];
	/**
	 * Consecutive days with at least one answer, ending today, or yesterday when today has no
	 * answer yet (the streak is not broken until the day is over).
	 */
	streakDays: number;
	/** Whether today already counts toward the streak. */
	answeredToday: boolean;
}

/** Days in a row with answers, ending `today` or (if today has none yet) the day before. */
export function streak(active: Iterable<number>, today: number): { days: number; today: boolean } {
	const days = new Set(active);
	const answeredToday = days.has(today);
	let n = 0;
	for (let d = answeredToday ? today : today - 1; days.has(d); d--) n++;
	return { days: n, today: answeredToday };
}

/** The streak from the latest run of answer days (see `db/totals.ts` `DayRun`). */
export function streakOfRun(
	run: { start: number; last: number } | undefined,
	today: number
): { days: number; today: boolean } {
	if (!run || run.last < today - 1 || run.last > today) return { days: 0, today: false };
	return { days: run.last - run.start + 1, today: run.last === today };
}

/**
 * `sections` are the all-time rows (one per section), `run` the streak (`streak` or
 * `streakOfRun`), `itemsSeen` the items answered.
 */
export function summarize(
	sections: readonly DayTotal[],
	run: { days: number; today: boolean },
	itemsSeen: number
): Summary {
	let attempts = 0;
	let correct = 0;
	let scoreSum = 0;
	for (const s of sections) {
		attempts += s.attempts;
		correct += s.correct;
		scoreSum += s.scoreSum;
	}
	const { days, today: answeredToday } = run;
	return {
		attempts,
		correct,
		itemsSeen,
		meanScore: attempts ? scoreSum / attempts : 0,
		sections: sections
			.filter((s) => s.attempts > 0)
			.map((s) => ({
				bankId: s.bankId,
				section: s.section,
				attempts: s.attempts,
				correct: s.correct,
				meanScore: s.scoreSum / s.attempts
			}))
			.sort((a, b) => a.meanScore - b.meanScore || a.section.localeCompare(b.section)),
		streakDays: days,
		answeredToday
	};
}
