/**
 * The database side of backups: export every table the learner made (read in pages, written as
 * string parts of one Blob, so 300,000 attempts are never held as one object graph or one
 * string), and apply a validated backup (replace, or merge with what is here) in ONE transaction
 * that also rebuilds the running totals: if anything fails, nothing is written.
 */
import type { Table } from 'dexie';
import {
	BACKUP_APP,
	BACKUP_FORMAT,
	BACKUP_TABLES,
	DERIVED_SETTINGS,
	emptyTables,
	LAST_BACKUP_KEY,
	type Backup,
	type BackupCounts,
	type BackupTable,
	type BackupTables
} from '../backup/format';
import { mergeTables, type MergeResult } from '../backup/merge';
import type { ItemType } from '../content/types';
import { srsSettings } from '../srs/settings';
import { DB_VERSION, type CodeDrillDb } from './db';
import { localOffset, rebuildTotals, TOTALS_TABLES, type OffsetOf } from './totals';

/** Rows read per request while exporting. */
const PAGE = 2000;

/** Calls `each` with the table's rows, a page at a time, in primary-key order. */
async function inPages<T>(table: Table<T>, each: (rows: T[]) => void): Promise<void> {
	let page = await table.orderBy(':id').limit(PAGE).toArray();
	while (page.length > 0) {
		each(page);
		if (page.length < PAGE) break;
		// Every backed-up table has a single-field primary key (`id`, `itemId` or `key`).
		const keyPath = table.schema.primKey.keyPath as string;
		const last = (page[page.length - 1] as Record<string, unknown>)[keyPath] as string | number;
		page = await table.where(':id').above(last).limit(PAGE).toArray();
	}
}

export interface Exported {
	/** The JSON text of the backup, in parts (a Blob joins them without one giant string). */
	parts: string[];
	counts: BackupCounts;
}

/**
 * Writes every backed-up table as JSON text parts, inside one read transaction so the file is
 * one consistent moment of the data even if another tab answers meanwhile.
 */
export function exportBackup(db: CodeDrillDb, now: number): Promise<Exported> {
	return db.transaction(
		'r',
		BACKUP_TABLES.map((t) => db.table(t)),
		async () => {
			const parts: string[] = [
				`{"app":"${BACKUP_APP}","format":${BACKUP_FORMAT},"schema":${DB_VERSION},"exportedAt":${now},"tables":{`
			];
			const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as BackupCounts;
			for (const [n, name] of BACKUP_TABLES.entries()) {
				parts.push(`${n ? ',' : ''}"${name}":[`);
				let first = true;
				await inPages(db.table(name), (rows) => {
					const kept =
						name === 'settings'
							? rows.filter((r) => !DERIVED_SETTINGS.includes((r as { key: string }).key))
							: rows;
					if (kept.length === 0) return;
					parts.push((first ? '' : ',') + kept.map((r) => JSON.stringify(r)).join(','));
					first = false;
					counts[name] += kept.length;
				});
				parts.push(']');
			}
			parts.push('}}');
			return { parts, counts };
		}
	);
}

/** Every table a restore writes: the backed-up ones and the totals rebuilt from them. */
function allTables(db: CodeDrillDb): Table[] {
	return [...new Set([...BACKUP_TABLES, ...TOTALS_TABLES])].map((t) => db.table(t));
}

/** Reads the backed-up tables whole (a merge needs both sides side by side). */
async function readAll(db: CodeDrillDb): Promise<BackupTables> {
	const tables = emptyTables();
	for (const name of BACKUP_TABLES) {
		const rows = (await db.table(name).toArray()) as never[];
		tables[name] =
			name === 'settings'
				? rows.filter((r: { key: string }) => !DERIVED_SETTINGS.includes(r.key))
				: rows;
	}
	return tables;
}

async function writeAll(db: CodeDrillDb, tables: BackupTables): Promise<void> {
	for (const name of BACKUP_TABLES) {
		await db.table(name).clear();
		await db.table(name).bulkAdd(tables[name] as never[]);
	}
}

export type ApplyMode = 'replace' | 'merge';

export interface ApplyOptions {
	/** The item type the shipped index knows, for a merged card's scheduler (steps or none). */
	typeOf?: (itemId: string) => ItemType | undefined;
	offsetOf?: OffsetOf;
}

export interface Applied {
	counts: BackupCounts;
	/** Merge only: what the file added to this computer's data. */
	merge?: Omit<MergeResult, 'tables'>;
}

/**
 * Writes a validated backup: 'replace' clears every table and writes the file's data; 'merge'
 * reads the local data, merges the file into it (see backup/merge.ts) and writes the result.
 * Either way the totals are rebuilt from the new log, in the same transaction.
 */
export function applyBackup(
	db: CodeDrillDb,
	backup: Backup,
	mode: ApplyMode,
	options: ApplyOptions = {}
): Promise<Applied> {
	return db.transaction('rw', allTables(db), async (tx) => {
		let tables = backup.tables;
		let merge: Applied['merge'];
		if (mode === 'merge') {
			const local = await readAll(db);
			const stored = local.settings.find((s) => s.key === 'srs')?.value;
			const { tables: merged, ...rest } = mergeTables(local, tables, srsSettings(stored), {
				typeOf: options.typeOf,
				offsetOf: options.offsetOf ?? localOffset
			});
			tables = merged;
			merge = rest;
		}
		await writeAll(db, tables);
		await rebuildTotals(tx, options.offsetOf ?? localOffset);
		const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as Record<
			BackupTable,
			number
		>;
		return { counts, merge };
	});
}

/** What the restore preview and the reminder read: counts by index, never whole tables. */
export function backupRepo(db: CodeDrillDb, offsetOf: OffsetOf = localOffset) {
	return {
		export: (now: number) => exportBackup(db, now),
		apply: (backup: Backup, mode: ApplyMode, options: Omit<ApplyOptions, 'offsetOf'> = {}) =>
			applyBackup(db, backup, mode, { ...options, offsetOf }),
		async counts(): Promise<BackupCounts> {
			const n = await Promise.all(BACKUP_TABLES.map((t) => db.table(t).count()));
			const derived = (await db.settings.bulkGet([...DERIVED_SETTINGS])).filter(Boolean).length;
			const counts = Object.fromEntries(BACKUP_TABLES.map((t, i) => [t, n[i]!])) as BackupCounts;
			counts.settings -= derived;
			return counts;
		},
		/** The imported banks' ids and item ids, which a backup may refer to. */
		async importedBanks(): Promise<{ banks: string[]; items: string[] }> {
			const rows = await db.banks.toArray();
			return {
				banks: rows.map((b) => b.id),
				items: rows.flatMap((b) => {
					const items = (b.data as { items?: { id?: unknown }[] } | null)?.items;
					return Array.isArray(items) ? items.map((i) => String(i.id)) : [];
				})
			};
		},
		async lastBackup(): Promise<number | undefined> {
			const v = (await db.settings.get(LAST_BACKUP_KEY))?.value;
			return typeof v === 'number' ? v : undefined;
		},
		async markBackedUp(at: number): Promise<void> {
			await db.settings.put({ key: LAST_BACKUP_KEY, value: at });
		},
		/** Answers given after `t`: an indexed count on `at`. */
		answersSince(t: number): Promise<number> {
			return db.attempts.where('at').above(t).count();
		},
		/** When the first answer was given, from the `at` index (one key). */
		async firstAnswerAt(): Promise<number | undefined> {
			const [first] = (await db.attempts.orderBy('at').limit(1).keys()) as number[];
			return first;
		}
	};
}

export type BackupRepo = ReturnType<typeof backupRepo>;
