/**
 * The backup file: everything the learner made, in one versioned JSON document (gzipped when
 * downloaded). The running totals are not in it: they are sums of the attempt log, rebuilt after
 * an import (`rebuildTotals`), so a file can never carry totals that disagree with its log.
 */
import type {
	AttemptRecord,
	BankRecord,
	CardRecord,
	ExamRecord,
	FlagRecord,
	ReportRecord,
	ReviewRecord,
	SettingRecord
} from '../db/db';
import { DAY_RUN_KEY, MISTAKE_EXAMPLES_KEY } from '../db/totals';

export const BACKUP_APP = 'codedrill';
/** The layout of the file itself; a newer one is refused with "update the app first". */
export const BACKUP_FORMAT = 1;

/** The tables a backup holds, in the order they are written. */
export const BACKUP_TABLES = [
	'cards',
	'reviews',
	'attempts',
	'exams',
	'settings',
	'banks',
	'flags',
	'reports'
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupTables {
	cards: CardRecord[];
	reviews: ReviewRecord[];
	attempts: AttemptRecord[];
	exams: ExamRecord[];
	settings: SettingRecord[];
	banks: BankRecord[];
	flags: FlagRecord[];
	reports: ReportRecord[];
}

export interface Backup {
	app: typeof BACKUP_APP;
	format: number;
	/** The Dexie schema version (`DB_VERSION`) of the app that wrote it. */
	schema: number;
	exportedAt: number;
	tables: BackupTables;
}

export type BackupCounts = Record<BackupTable, number>;

/** Settings rows derived from the attempt log: rebuilt on import, never exported. */
export const DERIVED_SETTINGS: readonly string[] = [DAY_RUN_KEY, MISTAKE_EXAMPLES_KEY];

/** When the learner last downloaded a backup (epoch ms), for the reminder. */
export const LAST_BACKUP_KEY = 'last-backup';

/**
 * The largest backup (uncompressed) this app reads: two years of heavy use (300,000 attempts
 * and as many review logs) is about 150 MB, so this leaves room and still refuses a file that
 * would exhaust a laptop's memory.
 */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024;

export function countsOf(tables: BackupTables): BackupCounts {
	return Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as BackupCounts;
}

export function emptyTables(): BackupTables {
	return {
		cards: [],
		reviews: [],
		attempts: [],
		exams: [],
		settings: [],
		banks: [],
		flags: [],
		reports: []
	};
}

/** `codedrill-backup-2026-12-02.json.gz`, with the learner's local date. */
export function backupFileName(now: number): string {
	const d = new Date(now);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `codedrill-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json.gz`;
}
