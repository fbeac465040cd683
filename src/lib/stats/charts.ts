/**
 * Shapes the running totals into what the stats page charts and tabulates. Pure: totals, `now`
 * and the zone offset in, plain rows out (no Dexie, no Svelte, no Date objects for the charts:
 * the components turn day numbers into dates). Days are local calendar days as in `db/totals.ts`.
 */
import type { ExamResult } from '../db/db';
import type { PassRule } from '../exam/presets';
import { localDay } from '../db/totals';
import { TIME_BINS_S, type CodeTotal, type DayTotal } from './types';

export const DAY_MS = 86_400_000;

/** A bank section, named the way the totals name it. */
export interface SectionKey {
	bankId: string;
	section: string;
}

export const sectionKey = (s: SectionKey): string => `${s.bankId}/${s.section}`;

/** Local day of the Monday that starts the week holding `day` (day 0, 1970-01-01, a Thursday). */
export function weekOf(day: number): number {
	return day - ((((day + 3) % 7) + 7) % 7);
}

/** How many weeks the accuracy chart covers, and how many sections it draws at most. */
export const ACCURACY_WEEKS = 12;
export const ACCURACY_SECTIONS = 5;

export interface WeekPoint {
	/** The week's Monday (local day). */
	week: number;
	attempts: number;
	correct: number;
	/** correct / attempts; undefined for a week without answers (a gap in the line). */
	accuracy: number | undefined;
}

export interface SectionWeeks extends SectionKey {
	attempts: number;
	weeks: WeekPoint[];
}

/**
 * Weekly accuracy of the sections answered most in the last `weeks` weeks (this week included),
 * most answered first; every section gets every week, so lines and table rows line up.
 */
export function accuracyByWeek(
	days: readonly DayTotal[],
	now: number,
	offset: number,
	weeks = ACCURACY_WEEKS,
	limit = ACCURACY_SECTIONS
): SectionWeeks[] {
	const last = weekOf(localDay(now, offset));
	const first = last - 7 * (weeks - 1);
	const bySection = new Map<
		string,
		{ key: SectionKey; attempts: number; weeks: Map<number, [number, number]> }
	>();
	for (const d of days) {
		const week = weekOf(d.day);
		if (week < first || week > last || d.attempts <= 0) continue;
		const k = sectionKey(d);
		const s = bySection.get(k) ?? {
			key: { bankId: d.bankId, section: d.section },
			attempts: 0,
			weeks: new Map()
		};
		s.attempts += d.attempts;
		const w = s.weeks.get(week) ?? [0, 0];
		w[0] += d.attempts;
		w[1] += d.correct;
		s.weeks.set(week, w);
		bySection.set(k, s);
	}
	return [...bySection.values()]
		.sort((a, b) => b.attempts - a.attempts || sectionKey(a.key).localeCompare(sectionKey(b.key)))
		.slice(0, limit)
		.map((s) => ({
			...s.key,
			attempts: s.attempts,
			weeks: Array.from({ length: weeks }, (_, n) => {
				const week = first + 7 * n;
				const [attempts, correct] = s.weeks.get(week) ?? [0, 0];
				return { week, attempts, correct, accuracy: attempts ? correct / attempts : undefined };
			})
		}));
}

/** Days the heat map covers: a year, ending today. */
export const HEAT_DAYS = 365;

export interface HeatDay {
	day: number;
	/** Drill answers that day. */
	count: number;
	/** 0 (none) to 4 (the busiest days), for the cell color. */
	level: number;
}

export interface HeatMonth {
	/** First local day of the month (or of the range, for the first month). */
	firstDay: number;
	/** `YYYY-MM` */
	month: string;
	activeDays: number;
	answers: number;
}

export interface Heat {
	days: HeatDay[];
	months: HeatMonth[];
	/** The most drill answers on one day. */
	max: number;
	activeDays: number;
	total: number;
}

/**
 * Drill answers per local day over the last `HEAT_DAYS` days (today last), each with a color
 * level in quarters of the busiest day, and the same figures per calendar month for the table.
 */
export function heatMap(
	days: readonly DayTotal[],
	now: number,
	offset: number,
	span = HEAT_DAYS
): Heat {
	const today = localDay(now, offset);
	const first = today - span + 1;
	const counts = new Map<number, number>();
	for (const d of days)
		if (d.day >= first && d.day <= today && d.drill > 0)
			counts.set(d.day, (counts.get(d.day) ?? 0) + d.drill);
	const max = Math.max(0, ...counts.values());
	const list: HeatDay[] = [];
	const months: HeatMonth[] = [];
	for (let day = first; day <= today; day++) {
		const count = counts.get(day) ?? 0;
		list.push({ day, count, level: count === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4)) });
		const month = new Date(day * DAY_MS).toISOString().slice(0, 7);
		let m = months[months.length - 1];
		if (m?.month !== month) months.push((m = { firstDay: day, month, activeDays: 0, answers: 0 }));
		if (count) {
			m.activeDays++;
			m.answers += count;
		}
	}
	return {
		days: list,
		months,
		max,
		activeDays: counts.size,
		total: list.reduce((s, d) => s + d.count, 0)
	};
}

/** Days the due forecast covers, today first. */
export const FORECAST_DAYS = 30;

export interface ForecastDay {
	day: number;
	/** Cards due that day; today's count includes every overdue card. */
	due: number;
}

/**
 * Cards due per local day for the next `span` days, from the due dates in [now, end of the last
 * day) and the number already overdue at `now` (they count towards today).
 */
export function forecast(
	dues: readonly number[],
	overdue: number,
	now: number,
	offset: number,
	span = FORECAST_DAYS
): ForecastDay[] {
	const today = localDay(now, offset);
	const list = Array.from({ length: span }, (_, n) => ({ day: today + n, due: 0 }));
	list[0]!.due += overdue;
	for (const at of dues) {
		const n = localDay(at, offset) - today;
		if (n >= 0 && n < span) list[n]!.due++;
	}
	return list;
}

/** The end of the forecast window: midnight after its last local day (for the due-index range). */
export function forecastEnd(now: number, offset: number, span = FORECAST_DAYS): number {
	return (localDay(now, offset) + span) * DAY_MS + offset * 60_000;
}

/** Seconds one exam question may take: the exam's minutes over its items (CPC: 144 s). */
export function paceSeconds(minutes: number, items: number): number {
	return (minutes * 60) / items;
}

export interface PaceBin {
	/** Lower and upper bound in seconds (upper undefined: the open last bin). */
	from: number;
	to: number | undefined;
	/** "1 min–1.5 min" */
	label: string;
	/** "1–1.5m": short enough for an axis tick. */
	short: string;
	count: number;
	/** Where the bin sits against the pace: wholly faster, wholly slower, or across it. */
	side: 'within' | 'across' | 'over';
}

export interface Pace {
	pace: number;
	bins: PaceBin[];
	total: number;
	/** Mean seconds per answer (0 without answers). */
	meanSeconds: number;
	/** Answers in bins wholly within the pace, and the bins' upper edge (seconds). */
	within: number;
	withinEdge: number;
	/** Answers in bins wholly slower than the pace, and the bins' lower edge (seconds). */
	over: number;
	overEdge: number;
}

/** A bin bound in words: seconds under two minutes, else minutes. */
export function duration(s: number): string {
	if (s < 120) return `${s} s`;
	const m = s / 60;
	return `${Number.isInteger(m) ? m : m.toFixed(1)} min`;
}

/** A bin bound for an axis tick: "30s", "1.5m". */
function compact(s: number): string {
	return s < 60 ? `${s}s` : `${s / 60}m`;
}

/**
 * Answer times from the day totals' bins (`TIME_BINS_S`) against the exam's pace. The bins are
 * fixed, so the pace usually falls inside one: the shares count only bins wholly on one side and
 * say where their edge is, rather than guess how the straddling bin splits.
 */
export function paceShare(days: readonly DayTotal[], pace: number): Pace {
	const counts = Array<number>(TIME_BINS_S.length + 1).fill(0);
	let total = 0;
	let timeMs = 0;
	for (const d of days) {
		d.timeBins.forEach((c, n) => (counts[n]! += c));
		total += d.attempts;
		timeMs += d.timeMs;
	}
	const bins: PaceBin[] = counts.map((count, n) => {
		const from = n === 0 ? 0 : TIME_BINS_S[n - 1]!;
		const to = TIME_BINS_S[n];
		const label =
			to === undefined
				? `${duration(from)} or more`
				: n === 0
					? `under ${duration(to)}`
					: `${duration(from)}–${duration(to)}`;
		// Both bounds in minutes share one unit: "1–1.5m".
		const short =
			to === undefined
				? `${compact(from)}+`
				: n === 0
					? `<${compact(to)}`
					: from >= 60
						? `${from / 60}–${compact(to)}`
						: `${compact(from)}–${compact(to)}`;
		const side = to !== undefined && to <= pace ? 'within' : from >= pace ? 'over' : 'across';
		return { from, to, label, short, count, side };
	});
	const within = bins.filter((b) => b.side === 'within');
	const over = bins.filter((b) => b.side === 'over');
	return {
		pace,
		bins,
		total,
		meanSeconds: total ? timeMs / total / 1000 : 0,
		within: within.reduce((s, b) => s + b.count, 0),
		withinEdge: within.length ? within[within.length - 1]!.to! : 0,
		over: over.reduce((s, b) => s + b.count, 0),
		overEdge: over.length ? over[0]!.from : pace
	};
}

/** The figure a pass rule needs, and the range its scores live in. */
export function passMark(rule: PassRule): {
	pass: number;
	min: number;
	max: number;
	unit: '%' | '';
} {
	return rule.kind === 'percent'
		? { pass: rule.percent, min: 0, max: 100, unit: '%' }
		: { pass: rule.pass, min: rule.min, max: rule.max, unit: '' };
}

/** The bits of a stored exam the score chart needs. */
export interface ExamLike {
	id: string;
	spec: { title: string; pass: PassRule };
	submittedAt?: number;
	result?: ExamResult;
}

export interface ExamPoint {
	id: string;
	title: string;
	at: number;
	reported: number;
	/** '%' for a percentage, '' for a scaled score. */
	unit: '%' | '';
	passed: boolean;
}

export interface ExamScores {
	/** Every submitted exam, oldest first, for the table. */
	all: ExamPoint[];
	/**
	 * The exams scored on the newest exam's scale, for the chart: a percentage and a scaled
	 * score (300 of 400) cannot share one axis or one pass line.
	 */
	charted: ExamPoint[];
	mark: ReturnType<typeof passMark> | undefined;
}

export function examScores(exams: readonly ExamLike[]): ExamScores {
	const done = exams
		.filter((e) => e.result && e.submittedAt !== undefined)
		.sort((a, b) => a.submittedAt! - b.submittedAt!);
	const point = (e: ExamLike): ExamPoint => ({
		id: e.id,
		title: e.spec.title,
		at: e.submittedAt!,
		reported: e.result!.reported,
		unit: passMark(e.spec.pass).unit,
		passed: e.result!.passed
	});
	const newest = done[done.length - 1];
	if (!newest) return { all: [], charted: [], mark: undefined };
	const mark = passMark(newest.spec.pass);
	const same = (e: ExamLike) => {
		const m = passMark(e.spec.pass);
		return m.pass === mark.pass && m.max === mark.max && m.unit === mark.unit;
	};
	return { all: done.map(point), charted: done.filter(same).map(point), mark };
}

/** The window and the least answers a section needs to be called weak. */
export const WEAK_WINDOW_DAYS = 28;
export const WEAK_MIN_ANSWERS = 10;
export const WEAK_MIN_CODE_ANSWERS = 3;
export const WEAK_LIMIT = 5;

export interface WeakSection extends SectionKey {
	attempts: number;
	correct: number;
	accuracy: number;
}

/**
 * The sections with the lowest accuracy over the last `WEAK_WINDOW_DAYS` days, among those with
 * at least `WEAK_MIN_ANSWERS` answers (three answers say little), weakest first.
 */
export function weakestSections(
	days: readonly DayTotal[],
	now: number,
	offset: number,
	limit = WEAK_LIMIT
): WeakSection[] {
	const first = localDay(now, offset) - WEAK_WINDOW_DAYS + 1;
	const by = new Map<string, WeakSection>();
	for (const d of days) {
		if (d.day < first) continue;
		const k = sectionKey(d);
		const s = by.get(k) ?? {
			bankId: d.bankId,
			section: d.section,
			attempts: 0,
			correct: 0,
			accuracy: 0
		};
		s.attempts += d.attempts;
		s.correct += d.correct;
		by.set(k, s);
	}
	return [...by.values()]
		.filter((s) => s.attempts >= WEAK_MIN_ANSWERS)
		.map((s) => ({ ...s, accuracy: s.correct / s.attempts }))
		.sort(
			(a, b) =>
				a.accuracy - b.accuracy ||
				b.attempts - a.attempts ||
				sectionKey(a).localeCompare(sectionKey(b))
		)
		.slice(0, limit);
}

export interface WeakCode {
	code: string;
	attempts: number;
	correct: number;
	accuracy: number;
	itemIds: string[];
}

/**
 * The key codes most often missed, among those met at least `WEAK_MIN_CODE_ANSWERS` times and
 * missed at least once, weakest first (then the most answered).
 */
export function weakestCodes(codes: readonly CodeTotal[], limit = WEAK_LIMIT): WeakCode[] {
	return codes
		.filter(
			(c) => c.attempts >= WEAK_MIN_CODE_ANSWERS && c.correct < c.attempts && c.itemIds.length > 0
		)
		.map((c) => ({
			code: c.code,
			attempts: c.attempts,
			correct: c.correct,
			accuracy: c.correct / c.attempts,
			itemIds: c.itemIds
		}))
		.sort(
			(a, b) => a.accuracy - b.accuracy || b.attempts - a.attempts || a.code.localeCompare(b.code)
		)
		.slice(0, limit);
}

/** Where "drill these" goes for a section: a new practice run of that section. */
export function sectionPracticeUrl(s: SectionKey): string {
	return `/practice/run?bank=${encodeURIComponent(s.bankId)}&section=${encodeURIComponent(s.section)}&new=1`;
}

/** Where "drill these" goes for a code: a practice run of the items whose key cites it. */
export function codePracticeUrl(c: Pick<WeakCode, 'code' | 'itemIds'>): string {
	return `/practice/run?items=${c.itemIds.map(encodeURIComponent).join(',')}&title=${encodeURIComponent(c.code)}`;
}
