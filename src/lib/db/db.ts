/**
 * The one Dexie module: the schema, its versions and the record types. Nothing else in the app
 * calls `new Dexie` or declares a table; pages reach the data through `repositories.ts`.
 *
 * Schema changes are new `version(n)` blocks with an upgrade function, plus a test that opens a
 * database written by version n-1.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { ItemType } from '../content/types';
import type { CardRecord, ReviewRecord } from '../srs/types.ts';
import type { Preset } from '../exam/presets';
import type { ItemResponse } from '../grading/item';

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
	/** What the learner answered: a letter, typed codes per list, or a self-grade. */
	response: unknown;
	/** 0..1; partial credit for code entry. */
	score: number;
	correct: boolean;
	durationMs: number;
	/** Epoch milliseconds. */
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
	return db;
}
