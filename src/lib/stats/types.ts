/**
 * The running totals the database keeps beside the attempt log, written in the same transaction
 * as each answer (see `db/totals.ts`), so home and stats read a few hundred small rows instead of
 * 300,000 attempts. Pure shapes: no Dexie, no Svelte.
 */

/** What kind of mistake a wrong code was, judged against the key (see `grading/mistakes.ts`). */
export const MISTAKE_KINDS = [
	'sequencing',
	'modifier',
	'units',
	'seventh-character',
	'laterality',
	'specificity',
	'header',
	'other-category',
	'other-chapter',
	'invalid',
	'missing',
	'extra'
] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

/** One wrong code of one answer, and the key code it was judged against. */
export interface Mistake {
	kind: MistakeKind;
	/** The code the learner gave (absent for a missed code). */
	given?: string;
	/** The key's code it was compared with (absent for an extra code). */
	expected?: string;
}

/**
 * Upper bounds (seconds, exclusive) of the answer-time bins; the last bin has no upper bound.
 * Fixed, so totals written today still read the same after a target exam's pace changes.
 */
export const TIME_BINS_S = [30, 60, 90, 120, 150, 180, 240, 300, 600] as const;

/** Answers of one local calendar day in one bank section. */
export interface DayTotal {
	/** `${day}|${bankId}|${section}` */
	key: string;
	/** Local calendar day: days since 1970-01-01 in the learner's zone at the time of the answer. */
	day: number;
	bankId: string;
	section: string;
	attempts: number;
	correct: number;
	/** Sum of scores (0..1 each; partial credit counts). */
	scoreSum: number;
	/** Sum of answer times. */
	timeMs: number;
	/** Answers per mode. */
	practice: number;
	drill: number;
	exam: number;
	/** Answer counts per time bin: `TIME_BINS_S.length + 1` entries. */
	timeBins: number[];
	/** Wrong codes per kind. */
	mistakes: Partial<Record<MistakeKind, number>>;
}

/** Every answer to one item, summed: one row per item ever answered (bounded by the banks). */
export interface ItemTotal {
	itemId: string;
	bankId: string;
	section: string;
	attempts: number;
	correct: number;
	scoreSum: number;
	firstAt: number;
	lastAt: number;
	/** The newest answer's score and correctness. */
	lastScore: number;
	lastCorrect: boolean;
}

/** Answers to items whose key holds one code, summed (one row per code ever met). */
export interface CodeTotal {
	code: string;
	attempts: number;
	/** Answers where this key code was given right. */
	correct: number;
	lastAt: number;
	/** Items that carry this code (the first 20 met), for "drill these". */
	itemIds: string[];
}

/** The newest example of each mistake kind, for the stats page. */
export interface MistakeExample extends Mistake {
	itemId: string;
	at: number;
}
