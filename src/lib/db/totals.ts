/**
 * Running totals beside the attempt log. Every write that adds (or undoes) an attempt calls
 * `addToTotals` / `removeFromTotals` inside its own transaction, so the totals and the log can
 * never disagree; home and stats then read a few hundred rows, not the log (300,000 attempts
 * after two years). `rebuildTotals` recomputes them from the log, once, in the version 3 upgrade
 * and after an import.
 */
import type { Table } from 'dexie';
import {
	TIME_BINS_S,
	type CodeTotal,
	type DayTotal,
	type ItemTotal,
	type MistakeExample,
	type MistakeKind
} from '../stats/types';
import type { AttemptRecord } from './db';

const DAY = 86_400_000;

/** The learner's zone offset at an instant (`Date#getTimezoneOffset` minutes); tests pin it. */
export type OffsetOf = (at: number) => number;
export const localOffset: OffsetOf = (at) => new Date(at).getTimezoneOffset();

/** Local calendar day of `at`: days since 1970-01-01 in a zone `offsetMinutes` west of UTC. */
export function localDay(at: number, offsetMinutes: number): number {
	return Math.floor((at - offsetMinutes * 60_000) / DAY);
}

/** Which of the `TIME_BINS_S` bins an answer time falls in. */
export function timeBin(ms: number): number {
	const s = ms / 1000;
	const i = TIME_BINS_S.findIndex((upper) => s < upper);
	return i === -1 ? TIME_BINS_S.length : i;
}

/** How many items a code total remembers for "drill these". */
export const CODE_ITEMS = 20;
/** The settings row that keeps the newest example of each mistake kind. */
export const MISTAKE_EXAMPLES_KEY = 'mistake-examples';

type Attempt = Omit<AttemptRecord, 'id'>;

/**
 * The `day` of a section's all-time row: every answer is summed twice, into its day's row and
 * into this one, so all-time figures read one row per section. Below every real day, so a range
 * of days from 0 never includes it.
 */
export const ALL_TIME = -1;

export function dayKey(day: number, bankId: string, section: string): string {
	return `${day}|${bankId}|${section}`;
}

function emptyDay(day: number, a: Attempt): DayTotal {
	return {
		key: dayKey(day, a.bankId, a.section),
		day,
		bankId: a.bankId,
		section: a.section,
		attempts: 0,
		correct: 0,
		scoreSum: 0,
		timeMs: 0,
		practice: 0,
		drill: 0,
		exam: 0,
		timeBins: Array<number>(TIME_BINS_S.length + 1).fill(0),
		mistakes: {}
	};
}

function emptyDaily(day: number): DayTotal {
	return emptyDay(day, { bankId: EVERY_SECTION, section: EVERY_SECTION } as Attempt);
}

/** Adds (`sign` 1) or takes away (-1) one attempt from its day row. Pure apart from `row`. */
export function foldDay(row: DayTotal, a: Attempt, sign: 1 | -1): DayTotal {
	row.attempts += sign;
	if (a.correct) row.correct += sign;
	row.scoreSum += sign * a.score;
	row.timeMs += sign * a.durationMs;
	row[a.mode] += sign;
	row.timeBins[timeBin(a.durationMs)]! += sign;
	for (const m of a.mistakes ?? []) row.mistakes[m.kind] = (row.mistakes[m.kind] ?? 0) + sign;
	return row;
}

/** Adds one attempt (newer than every one already summed) to its item row. */
export function foldItem(row: ItemTotal | undefined, a: Attempt): ItemTotal {
	const r = row ?? {
		itemId: a.itemId,
		bankId: a.bankId,
		section: a.section,
		attempts: 0,
		correct: 0,
		scoreSum: 0,
		firstAt: a.at,
		lastAt: a.at,
		lastScore: a.score,
		lastCorrect: a.correct
	};
	r.attempts++;
	if (a.correct) r.correct++;
	r.scoreSum += a.score;
	r.firstAt = Math.min(r.firstAt, a.at);
	if (a.at >= r.lastAt) {
		r.lastAt = a.at;
		r.lastScore = a.score;
		r.lastCorrect = a.correct;
	}
	// An item moved between banks counts where it is now.
	r.bankId = a.bankId;
	r.section = a.section;
	return r;
}

/** Adds (or takes away) one attempt's key codes to their code rows. */
export function foldCode(
	row: CodeTotal | undefined,
	code: string,
	got: boolean,
	a: Attempt,
	sign: 1 | -1
): CodeTotal {
	const r = row ?? { code, attempts: 0, correct: 0, lastAt: a.at, itemIds: [] };
	r.attempts += sign;
	if (got) r.correct += sign;
	if (sign === 1) {
		r.lastAt = Math.max(r.lastAt, a.at);
		if (!r.itemIds.includes(a.itemId) && r.itemIds.length < CODE_ITEMS) r.itemIds.push(a.itemId);
	}
	return r;
}

/** The tables the totals live in: `db.<name>` inside a transaction, or `tx.table(name)`. */
export interface TotalsTables {
	attempts: Table<AttemptRecord, number>;
	dayTotals: Table<DayTotal, string>;
	dailyTotals: Table<DayTotal, number>;
	itemTotals: Table<ItemTotal, string>;
	codeTotals: Table<CodeTotal, string>;
	settings: Table<{ key: string; value: unknown }, string>;
}

/** The table names a transaction that writes attempts must also hold. */
export const TOTALS_TABLES = [
	'dayTotals',
	'dailyTotals',
	'itemTotals',
	'codeTotals',
	'settings'
] as const;

/** The bank and section of a `dailyTotals` row, which sums every section of its day. */
export const EVERY_SECTION = '*';

/**
 * The latest run of consecutive local days with answers (every day from `start` to `last` has
 * one), kept in a settings row so the home page's streak is one read, not a walk back through
 * two years of days.
 */
export interface DayRun {
	start: number;
	last: number;
}
export const DAY_RUN_KEY = 'day-run';

/** The run once day `d` has an answer. Pure. Answers arrive in time order, so `d` is near `last`. */
export function extendRun(run: DayRun | undefined, d: number): DayRun {
	if (!run || d > run.last + 1) return { start: d, last: d };
	if (d === run.last + 1) return { start: run.start, last: d };
	if (d === run.start - 1) return { start: d, last: run.last };
	// Inside the run, or an older day cut off from it by a gap: the latest run is unchanged.
	return run;
}

/** The run ending at the newest of `days` (a rebuild, where answers come in any order). */
export function latestRun(days: Iterable<number>): DayRun | undefined {
	const set = new Set(days);
	if (set.size === 0) return undefined;
	const last = Math.max(...set);
	let start = last;
	while (set.has(start - 1)) start--;
	return { start, last };
}

/** Totals being summed in memory: the rows met so far, by key. */
interface Fold {
	days: Map<string, DayTotal>;
	daily: Map<number, DayTotal>;
	items: Map<string, ItemTotal | undefined>;
	codes: Map<string, CodeTotal | undefined>;
	examples: Partial<Record<MistakeKind, MistakeExample>>;
	examplesChanged: boolean;
	run: DayRun | undefined;
}

function emptyFold(): Fold {
	return {
		days: new Map(),
		daily: new Map(),
		items: new Map(),
		codes: new Map(),
		examples: {},
		examplesChanged: false,
		run: undefined
	};
}

/** Sums attempts into `f`; rows missing from `f` start empty. */
function foldInto(f: Fold, attempts: readonly Attempt[], offsetOf: OffsetOf): void {
	for (const a of attempts) {
		const today = localDay(a.at, offsetOf(a.at));
		f.run = extendRun(f.run, today);
		for (const day of [today, ALL_TIME]) {
			const key = dayKey(day, a.bankId, a.section);
			f.days.set(key, foldDay(f.days.get(key) ?? emptyDay(day, a), a, 1));
		}
		f.daily.set(today, foldDay(f.daily.get(today) ?? emptyDaily(today), a, 1));
		f.items.set(a.itemId, foldItem(f.items.get(a.itemId), a));
		for (const [code, got] of Object.entries(a.keyCodes ?? {}))
			f.codes.set(code, foldCode(f.codes.get(code), code, got, a, 1));
		for (const m of a.mistakes ?? []) {
			const had = f.examples[m.kind];
			if (!had || had.at <= a.at) {
				f.examples[m.kind] = { ...m, itemId: a.itemId, at: a.at };
				f.examplesChanged = true;
			}
		}
	}
}

async function writeFold(t: TotalsTables, f: Fold): Promise<void> {
	await Promise.all([
		t.dayTotals.bulkPut([...f.days.values()]),
		t.dailyTotals.bulkPut([...f.daily.values()]),
		t.itemTotals.bulkPut([...f.items.values()].filter((r): r is ItemTotal => r !== undefined)),
		t.codeTotals.bulkPut([...f.codes.values()].filter((r): r is CodeTotal => r !== undefined)),
		f.examplesChanged
			? t.settings.put({ key: MISTAKE_EXAMPLES_KEY, value: f.examples })
			: undefined,
		f.run ? t.settings.put({ key: DAY_RUN_KEY, value: f.run }) : undefined
	]);
}

/** Sums `attempts` into the totals. Call inside the transaction that adds them. */
export async function addToTotals(
	t: TotalsTables,
	attempts: readonly Attempt[],
	offsetOf: OffsetOf = localOffset
): Promise<void> {
	if (attempts.length === 0) return;
	const dayKeys = [
		...new Set(
			attempts.flatMap((a) => [
				dayKey(localDay(a.at, offsetOf(a.at)), a.bankId, a.section),
				dayKey(ALL_TIME, a.bankId, a.section)
			])
		)
	];
	const itemIds = [...new Set(attempts.map((a) => a.itemId))];
	const codeIds = [...new Set(attempts.flatMap((a) => Object.keys(a.keyCodes ?? {})))];
	const dailyKeys = [...new Set(attempts.map((a) => localDay(a.at, offsetOf(a.at))))];
	const [dayRows, dailyRows, itemRows, codeRows, examples, run] = await Promise.all([
		t.dayTotals.bulkGet(dayKeys),
		t.dailyTotals.bulkGet(dailyKeys),
		t.itemTotals.bulkGet(itemIds),
		t.codeTotals.bulkGet(codeIds),
		t.settings.get(MISTAKE_EXAMPLES_KEY),
		t.settings.get(DAY_RUN_KEY)
	]);
	const f = emptyFold();
	dayKeys.forEach((k, n) => dayRows[n] && f.days.set(k, dayRows[n]));
	dailyKeys.forEach((k, n) => dailyRows[n] && f.daily.set(k, dailyRows[n]));
	itemIds.forEach((k, n) => f.items.set(k, itemRows[n]));
	codeIds.forEach((k, n) => f.codes.set(k, codeRows[n]));
	f.examples = { ...((examples?.value ?? {}) as Fold['examples']) };
	f.run = run?.value as DayRun | undefined;
	foldInto(f, attempts, offsetOf);
	await writeFold(t, f);
}

/**
 * Takes one attempt out of the totals (undo). Call inside the transaction that deletes it, after
 * the delete: the item's row is summed again from its remaining attempts (through the `itemId`
 * index, so only that item's answers are read), which puts its newest answer back exactly.
 */
export async function removeFromTotals(
	t: TotalsTables,
	a: Attempt,
	offsetOf: OffsetOf = localOffset
): Promise<void> {
	const today = localDay(a.at, offsetOf(a.at));
	for (const day of [today, ALL_TIME]) {
		const key = dayKey(day, a.bankId, a.section);
		const row = await t.dayTotals.get(key);
		if (!row) continue;
		foldDay(row, a, -1);
		if (row.attempts <= 0) await t.dayTotals.delete(key);
		else await t.dayTotals.put(row);
	}
	const daily = await t.dailyTotals.get(today);
	if (daily) {
		foldDay(daily, a, -1);
		if (daily.attempts <= 0) await t.dailyTotals.delete(today);
		else await t.dailyTotals.put(daily);
	}
	// The day lost its last answer: it leaves the run (which keeps its part after the day).
	const run = (await t.settings.get(DAY_RUN_KEY))?.value as DayRun | undefined;
	if (run && today >= run.start && today <= run.last) {
		if ((await t.dayTotals.where('day').equals(today).count()) === 0) {
			const left = today === run.last ? { ...run, last: today - 1 } : { ...run, start: today + 1 };
			if (left.start > left.last) await t.settings.delete(DAY_RUN_KEY);
			else await t.settings.put({ key: DAY_RUN_KEY, value: left });
		}
	}
	const rest = await t.attempts.where('itemId').equals(a.itemId).sortBy('at');
	if (rest.length === 0) await t.itemTotals.delete(a.itemId);
	else
		await t.itemTotals.put(
			rest.reduce<ItemTotal | undefined>((r, x) => foldItem(r, x), undefined) as ItemTotal
		);
	const codes = Object.entries(a.keyCodes ?? {});
	if (codes.length) {
		const rows = await t.codeTotals.bulkGet(codes.map(([c]) => c));
		await t.codeTotals.bulkPut(codes.map(([c, got], n) => foldCode(rows[n], c, got, a, -1)));
	}
}

/**
 * Recomputes every total from the log (the upgrade to version 3; an import): read in pages of
 * 5,000 through the primary key, so the log is never held whole, summed in memory (the totals
 * are small: a row per day and section, per item, per code) and written once.
 */
export async function rebuildTotals(
	tx: { table(name: string): Table },
	offsetOf: OffsetOf = localOffset
): Promise<void> {
	const t = tablesOf(tx);
	await Promise.all([
		t.dayTotals.clear(),
		t.dailyTotals.clear(),
		t.itemTotals.clear(),
		t.codeTotals.clear()
	]);
	await t.settings.delete(MISTAKE_EXAMPLES_KEY);
	await t.settings.delete(DAY_RUN_KEY);
	const f = emptyFold();
	let after = 0;
	for (;;) {
		const page = await t.attempts.where(':id').above(after).limit(5000).toArray();
		if (page.length === 0) break;
		foldInto(f, page, offsetOf);
		after = page[page.length - 1]!.id!;
	}
	// The log may hold answers out of time order (an import): the run comes from every day.
	f.run = latestRun([...f.days.values()].map((d) => d.day).filter((d) => d !== ALL_TIME));
	await writeFold(t, f);
}

export function tablesOf(tx: { table(name: string): Table }): TotalsTables {
	return {
		attempts: tx.table('attempts'),
		dayTotals: tx.table('dayTotals'),
		dailyTotals: tx.table('dailyTotals'),
		itemTotals: tx.table('itemTotals'),
		codeTotals: tx.table('codeTotals'),
		settings: tx.table('settings')
	};
}
