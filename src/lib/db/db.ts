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

export interface ExamRecord {
	id: string;
	preset: string;
	seed: number;
	itemIds: string[];
	answers: Record<string, unknown>;
	flags: string[];
	startedAt: number;
	deadline: number;
	submittedAt?: number;
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
