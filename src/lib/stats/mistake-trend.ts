/**
 * The learner's most common kinds of mistake over time, from the day totals (one small row per
 * day and section; never the attempt log). Pure: `today` is passed in.
 */
import { MISTAKE_KINDS, type DayTotal, type MistakeKind } from './types';

/** Each kind in plain words, with one line on what it means. */
export const KIND_TEXT: Record<MistakeKind, { name: string; explain: string }> = {
	sequencing: {
		name: 'Order',
		explain: 'The right code, but not listed first where the key lists it first.'
	},
	modifier: {
		name: 'Modifier',
		explain: 'The right procedure code with a missing, extra or wrong modifier.'
	},
	units: { name: 'Units', explain: 'The right procedure code with the wrong number of units.' },
	'seventh-character': {
		name: '7th character',
		explain: 'The right code apart from its 7th character (encounter, stage or the like).'
	},
	laterality: {
		name: 'Side',
		explain: 'Right, left or both mixed up: the code for the other side.'
	},
	specificity: {
		name: 'Specificity',
		explain: 'The right category, but another code in it.'
	},
	header: {
		name: 'Incomplete code',
		explain: 'A heading, not a complete code: the key goes on to more characters.'
	},
	'other-category': {
		name: 'Other category',
		explain: 'A code from the right chapter (or PCS body system) but the wrong category.'
	},
	'other-chapter': {
		name: 'Other chapter',
		explain: 'A code from another chapter of ICD-10-CM, or another part of ICD-10-PCS.'
	},
	invalid: { name: 'Not a code', explain: 'Something that is not a code in the code set.' },
	missing: { name: 'Missed code', explain: 'A code the key has that the answer left out.' },
	extra: { name: 'Extra code', explain: 'A code the answer gave that the key does not call for.' }
};

export type Period = 'week' | 'month';

export interface TrendBucket {
	/** Local day number (days since 1970-01-01) of the period's first day. */
	start: number;
	/** `Nov 23` (week starting Monday, November 23) or `Nov 2026`. */
	label: string;
	/** Wrong codes of every kind in the period. */
	total: number;
	counts: Record<MistakeKind, number>;
}

export interface KindTotal {
	kind: MistakeKind;
	count: number;
	/** Of all wrong codes in the whole range, 0..1. */
	share: number;
}

export interface MistakeTrend {
	/** Oldest first, every period of the range even when it has no mistakes. */
	buckets: TrendBucket[];
	/** Kinds met in the range, most common first (ties in `MISTAKE_KINDS` order). */
	kinds: KindTotal[];
	total: number;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const DAY = 86_400_000;

/** Day 0 (1970-01-01) was a Thursday: three days after a Monday. */
function weekStart(day: number): number {
	return day - ((((day + 3) % 7) + 7) % 7);
}

function monthOf(day: number): { year: number; month: number } {
	const d = new Date(day * DAY);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

function monthStart(year: number, month: number): number {
	return Math.round(Date.UTC(year, month, 1) / DAY);
}

/** The first days of the `count` periods that end with the one holding `today`, oldest first. */
export function periodStarts(period: Period, today: number, count: number): number[] {
	if (period === 'week') {
		const last = weekStart(today);
		return Array.from({ length: count }, (_, i) => last - 7 * (count - 1 - i));
	}
	const { year, month } = monthOf(today);
	return Array.from({ length: count }, (_, i) => monthStart(year, month - (count - 1 - i)));
}

function label(period: Period, start: number): string {
	const d = new Date(start * DAY);
	const month = MONTHS[d.getUTCMonth()]!;
	return period === 'week' ? `${month} ${d.getUTCDate()}` : `${month} ${d.getUTCFullYear()}`;
}

function zeros(): Record<MistakeKind, number> {
	return Object.fromEntries(MISTAKE_KINDS.map((k) => [k, 0])) as Record<MistakeKind, number>;
}

export function mistakeTrend(
	days: readonly DayTotal[],
	period: Period,
	today: number,
	count: number
): MistakeTrend {
	const starts = periodStarts(period, today, count);
	const buckets: TrendBucket[] = starts.map((start) => ({
		start,
		label: label(period, start),
		total: 0,
		counts: zeros()
	}));
	const all = zeros();
	for (const row of days) {
		if (row.day < (starts[0] ?? 0) || row.day > today) continue;
		// The last period that starts on or before the row's day.
		let i = buckets.length - 1;
		while (i > 0 && buckets[i]!.start > row.day) i--;
		const bucket = buckets[i]!;
		for (const kind of MISTAKE_KINDS) {
			const n = row.mistakes[kind] ?? 0;
			bucket.counts[kind] += n;
			bucket.total += n;
			all[kind] += n;
		}
	}
	const total = MISTAKE_KINDS.reduce((s, k) => s + all[k], 0);
	const kinds = MISTAKE_KINDS.filter((k) => all[k] > 0)
		.map((kind) => ({ kind, count: all[kind], share: all[kind] / total }))
		.sort(
			(a, b) => b.count - a.count || MISTAKE_KINDS.indexOf(a.kind) - MISTAKE_KINDS.indexOf(b.kind)
		);
	return { buckets, kinds, total };
}

/** The chart's series: the `top` most common kinds, and the rest summed as `other`. */
export function chartRows(
	trend: MistakeTrend,
	top: number
): { keys: MistakeKind[]; rows: Array<Record<string, number | string>> } {
	const keys = trend.kinds.slice(0, top).map((k) => k.kind);
	const rows = trend.buckets.map((b) => {
		const row: Record<string, number | string> = { label: b.label };
		let shown = 0;
		for (const k of keys) {
			row[k] = b.counts[k];
			shown += b.counts[k];
		}
		row.other = b.total - shown;
		return row;
	});
	return { keys, rows };
}
