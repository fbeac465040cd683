/**
 * The one Dexie module: the schema, its versions and the record types. Nothing else in the app
 * calls `new Dexie` or declares a table; pages reach the data through `repositories.ts`.
 *
 * Schema changes are new `version(n)` blocks with an upgrade function, plus a test that opens a
 * database written by version n-1.
 */
import { Dexie, type DBCore, type EntityTable, type Transaction } from 'dexie';
import type { ItemType } from '../content/types';
import type { CardRecord, ReviewRecord } from '../srs/types.ts';
import type { Preset } from '../exam/presets';
import type { ItemResponse } from '../grading/item';
import type { ScoredItem } from '../exam/scored';
import { MOVED_2026_12 } from '../content/moves';
import type { CodeTotal, DayTotal, ItemTotal, Mistake } from '../stats/types';
import { rebuildTotals } from './totals';

export type Mode = 'practice' | 'drill' | 'exam';

/** One answer, in any mode, written the moment it is given. */
export interface AttemptRecord {
	id?: number;
	itemId: string;
	bankId: string;
	section: string;
	itemType: ItemType;
	mode: Mode;
	/** Groups the attempts of one sitting (a practice run, a drill day, an exam). */
	sessionId: string;
	/**
	 * What the learner answered, as an ItemResponse (items/registry.ts): every mode writes that
	 * one shape. Records written before it (December 2026) hold a bare letter, an array of typed
	 * codes or a flashcard rating; read any record through `readResponse(item, stored)`.
	 */
	response: unknown;
	/** 0..1; partial credit for code entry. */
	score: number;
	correct: boolean;
	durationMs: number;
	/** Epoch milliseconds. */
	at: number;
	/** The wrong codes of this answer and what kind of mistake each was (code answers only). */
	mistakes?: Mistake[];
	/** Each code of the item's key, and whether this answer got it right, for per-code totals. */
	keyCodes?: Record<string, boolean>;
}

/** An item the learner flagged to come back to. */
export interface FlagRecord {
	itemId: string;
	bankId: string;
	section: string;
	at: number;
}

export type { CardRecord, ReviewRecord } from '../srs/types.ts';

/** One mock exam, written as it is sat: every answer, flag and second spent, then the result. */
export interface ExamRecord {
	id: string;
	/** Preset id: `CPC`, `CPC-mini`, `custom`. */
	preset: string;
	/** The preset as it was when the exam started, so a later data change cannot alter a report. */
	spec: Preset;
	seed: number;
	itemIds: string[];
	/** Blueprint area of each item. */
	areaOf: Record<string, string>;
	answers: Record<string, ItemResponse>;
	flags: string[];
	/** Time spent on each item, for time per section in the report. */
	timeMs: Record<string, number>;
	/** The item on screen, so a resumed exam opens where the learner was. */
	position: number;
	startedAt: number;
	/**
	 * Equal to `startedAt` while the exam is open, deleted when it is submitted or abandoned:
	 * indexed (version 3), so finding the open exam never scans the exams table.
	 */
	openSince?: number;
	deadline: number;
	/**
	 * The exam length and the exam time already used (see `exam/timing.ts`): a system clock set
	 * back cannot give time back. Plain fields, no index, so no new schema version; missing on
	 * exams started before them (the length is then deadline - startedAt).
	 */
	lengthMs?: number;
	usedMs?: number;
	pausedAt?: number;
	submittedAt?: number;
	/**
	 * Set when the learner abandons the exam: it is then closed, never scored, writes no attempts
	 * and stays out of the score chart. A plain field, not an index, so no new schema version.
	 */
	abandonedAt?: number;
	/** Submitted by the clock, not the learner. */
	autoSubmitted?: boolean;
	/** Set on submit, for the history list and chart. */
	result?: ExamResult;
	/**
	 * Set on submit: each item's key, version and score as scored, so the report stays a record
	 * when a later build fixes a key or drops the item. A plain field (no index, no new version);
	 * exams submitted before it existed have none and are scored against the current bank.
	 */
	scored?: Record<string, ScoredItem>;
}

export interface ExamResult {
	points: number;
	possible: number;
	fraction: number;
	/** The figure the pass rule judges: a percentage or a scaled score. */
	reported: number;
	passed: boolean;
}

/** A bank imported by the learner (the shipped banks are static files, not stored here). */
export interface BankRecord {
	id: string;
	title: string;
	importedAt: number;
	data: unknown;
}

/** What the learner thinks is wrong with an item. */
export const REPORT_KINDS = ['key', 'rationale', 'code', 'wording', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * A learner's report of a problem with an item (version 4): kept, listed in Settings, exported
 * for the bank's author. An open report (no `closedAt`) marks the item as disputed.
 */
export interface ReportRecord {
	/** Random, so reports written on two laptops merge without clashing. */
	id: string;
	itemId: string;
	bankId: string;
	/** The item's version as the learner saw it, so the author knows which text was meant. */
	itemVersion?: string;
	kind: ReportKind;
	text: string;
	at: number;
	/** Set when the learner closes the report (fixed in a later build, or withdrawn). */
	closedAt?: number;
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

export type CodeDrillDb = Dexie & {
	attempts: EntityTable<AttemptRecord, 'id'>;
	cards: EntityTable<CardRecord, 'itemId'>;
	reviews: EntityTable<ReviewRecord, 'id'>;
	exams: EntityTable<ExamRecord, 'id'>;
	banks: EntityTable<BankRecord, 'id'>;
	settings: EntityTable<SettingRecord, 'key'>;
	dayTotals: EntityTable<DayTotal, 'key'>;
	dailyTotals: EntityTable<DayTotal, 'day'>;
	itemTotals: EntityTable<ItemTotal, 'itemId'>;
	codeTotals: EntityTable<CodeTotal, 'code'>;
	flags: EntityTable<FlagRecord, 'itemId'>;
	reports: EntityTable<ReportRecord, 'id'>;
};

export const DB_NAME = 'codedrill';

/** Opens (lazily) the database; tests pass their own `indexedDB` and a unique name. */
export function createDb(
	name = DB_NAME,
	deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
	/** 'relaxed' only for bulk loads (benchmarks): the app keeps the default, flushed commits. */
	durability?: 'relaxed'
): CodeDrillDb {
	const db = new Dexie(
		name,
		durability ? { ...deps, chromeTransactionDurability: durability } : deps
	) as CodeDrillDb;
	db.version(1).stores({
		attempts: '++id, itemId, sessionId, mode, at, [bankId+section]',
		cards: 'itemId, due, section, bankId',
		reviews: '++id, itemId, reviewedAt, day',
		exams: 'id, startedAt, submittedAt',
		banks: 'id',
		settings: 'key'
	});
	// Version 2 changes no index: it re-files the history of the items the December 2026 bank
	// split moved, so per-bank and per-section counts still find them.
	db.version(2)
		.stores({})
		.upgrade((tx) => refile(tx, MOVED_2026_12));
	// Version 3 keeps running totals beside the attempt log (written with every answer, see
	// ./totals), flags, and an index on the open exam. The upgrade reads the log once to start
	// the totals; after that no page reads the whole log.
	db.version(3)
		.stores({
			exams: 'id, startedAt, submittedAt, openSince',
			dayTotals: 'key, day',
			// The same sums over every section, one row a day: a year of the heat map is 365 rows.
			dailyTotals: 'day',
			itemTotals: 'itemId, [bankId+section], lastAt',
			codeTotals: 'code',
			flags: 'itemId, at'
		})
		.upgrade(async (tx) => {
			await rebuildTotals(tx);
			await tx
				.table('exams')
				.toCollection()
				.modify((e: ExamRecord) => {
					if (e.submittedAt === undefined && e.abandonedAt === undefined) e.openSince = e.startedAt;
				});
		});
	// Version 4 adds the learner's reports of problems with items; nothing else changes.
	db.version(4).stores({ reports: 'id, itemId, at' });
	return db;
}

/** The schema version `createDb` opens; backups record it. */
export const DB_VERSION = 4;

/**
 * Points the attempts and cards of moved items at their new bank and section. Reads only the
 * moved items' records, by the `itemId` index and key: a learner may have 300,000 attempts.
 */
export async function refile(
	tx: Transaction,
	moved: Readonly<Record<string, readonly [bank: string, section: string]>>
): Promise<void> {
	const ids = Object.keys(moved);
	if (ids.length === 0) return;
	const move = (r: { itemId: string; bankId: string; section: string }) => {
		const to = moved[r.itemId];
		if (to) [r.bankId, r.section] = to;
	};
	await tx.table('attempts').where('itemId').anyOf(ids).modify(move);
	await tx.table('cards').where(':id').anyOf(ids).modify(move);
}

/** Told when a readwrite transaction starts; what it returns is told when that one ends. */
export interface WriteWatcher {
	started(): (committed: boolean) => void;
}

/**
 * Reports every write transaction of `db` to `watch`, at the one place all of them pass (Dexie's
 * DBCore), so the UI knows when a write is still under way (leaving the page then would lose it)
 * and when one has gone through (a "storage full" warning is then out of date). The same pattern
 * as Dexie's own cache middleware.
 */
export function watchWrites(db: Dexie, watch: WriteWatcher): void {
	db.use({
		stack: 'dbcore',
		name: 'WatchWrites',
		create: (down: DBCore): DBCore => ({
			...down,
			transaction(stores, mode, options) {
				const tx = down.transaction(stores, mode, options);
				if (mode === 'readwrite') {
					const idb = tx as unknown as IDBTransaction;
					const ended = watch.started();
					let done = false;
					const end = (committed: boolean) => () => {
						if (done) return;
						done = true;
						ended(committed);
					};
					idb.addEventListener('complete', end(true));
					// A failed request that is not handled aborts the transaction: 'abort' covers it.
					idb.addEventListener('abort', end(false));
				}
				return tx;
			}
		})
	});
}

/** What this tab hears about the other tabs that share its database. */
export interface OtherTabs {
	/** Opening waits for another tab that holds an older connection and does not let go. */
	blocked(): void;
	/** Another tab opened a newer version (or deleted the database): this tab has let go. */
	replaced(): void;
}

/**
 * Handles Dexie's `blocked` and `versionchange` events. On `versionchange` this connection is
 * closed for good (no silent reopen: this tab's code knows only the old schema, and reopening
 * would upgrade or patch the newer database from old code) and the default handler is skipped.
 */
export function watchOtherTabs(db: Dexie, tabs: OtherTabs): void {
	db.on('blocked', () => tabs.blocked());
	db.on('versionchange', () => {
		db.close({ disableAutoOpen: true });
		tabs.replaced();
		return false;
	});
}
