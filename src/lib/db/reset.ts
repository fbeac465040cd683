/**
 * Reset: deletes the learner's progress on one bank, or everything, each in one transaction so a
 * failure part way leaves the database as it was. The counts the confirmation names are read
 * through the same indexes the delete uses, so what the dialog says is what goes.
 */
import { Dexie } from 'dexie';
import type { PracticeRun } from '../content/practice-run';
import type { SessionData } from '../srs/session';
import type { CodeDrillDb } from './db';
import { localOffset, rebuildTotals, TOTALS_TABLES, type OffsetOf } from './totals';

/** What resetting one bank deletes. */
export interface BankCounts {
	attempts: number;
	cards: number;
	reviews: number;
	flags: number;
	reports: number;
}

/** What resetting everything deletes. */
export interface AllCounts extends BankCounts {
	exams: number;
	banks: number;
}

/** The settings rows a per-bank reset drops (same keys as in repositories.ts). */
const PRACTICE_KEY = 'practice-run';
const SESSION_KEY = 'drill-session';

/** Every attempt of the bank, whatever its section: a range over the `[bankId+section]` index. */
function bankAttempts(db: CodeDrillDb, bankId: string) {
	return db.attempts
		.where('[bankId+section]')
		.between([bankId, Dexie.minKey], [bankId, Dexie.maxKey], true, true);
}

/**
 * The bank's flags and reports. Neither table has a `bankId` index (adding one is a schema
 * version); both hold a few rows per item the learner marked, never the history, so a filter is
 * cheap.
 */
const ofBank = (bankId: string) => (r: { bankId: string }) => r.bankId === bankId;

/** Whether the day's drill queue names any of these items. Pure. */
export function sessionUses(s: SessionData, ids: ReadonlySet<string>): boolean {
	return (
		s.order.some((id) => ids.has(id)) ||
		s.learning.some((l) => ids.has(l.id)) ||
		(s.undo ?? []).some((u) => ids.has(u.itemId))
	);
}

async function cardIds(db: CodeDrillDb, bankId: string): Promise<string[]> {
	return (await db.cards.where('bankId').equals(bankId).primaryKeys()) as string[];
}

export async function countBank(db: CodeDrillDb, bankId: string): Promise<BankCounts> {
	return db.transaction(
		'r',
		[db.attempts, db.cards, db.reviews, db.flags, db.reports],
		async () => {
			const ids = await cardIds(db, bankId);
			const [attempts, reviews, flags, reports] = await Promise.all([
				bankAttempts(db, bankId).count(),
				ids.length ? db.reviews.where('itemId').anyOf(ids).count() : 0,
				db.flags.filter(ofBank(bankId)).count(),
				db.reports.filter(ofBank(bankId)).count()
			]);
			return { attempts, cards: ids.length, reviews, flags, reports };
		}
	);
}

/**
 * Deletes the bank's answers, drill cards and their review logs, flags and reports, then makes
 * the running totals right by summing them again from the attempts left (one pass over the log:
 * see bench/RESULTS.md for what that costs at 300,000 attempts). Mock exams are kept: a sitting
 * may span banks, and its result is a record. The open practice run of the bank, and the day's
 * drill queue if it holds any of the bank's cards (its undo steps name their deleted reviews), are
 * dropped; the drill then builds a new queue from the cards that are left.
 */
export async function resetBank(
	db: CodeDrillDb,
	bankId: string,
	offsetOf: OffsetOf = localOffset
): Promise<BankCounts> {
	const scope = [
		db.attempts,
		db.cards,
		db.reviews,
		db.flags,
		db.reports,
		...TOTALS_TABLES.map((t) => db.table(t))
	];
	return db.transaction('rw', scope, async (tx) => {
		const ids = await cardIds(db, bankId);
		const [attempts, reviews, flags, reports] = await Promise.all([
			bankAttempts(db, bankId).delete(),
			ids.length ? db.reviews.where('itemId').anyOf(ids).delete() : 0,
			db.flags.filter(ofBank(bankId)).delete(),
			db.reports.filter(ofBank(bankId)).delete()
		]);
		await db.cards.bulkDelete(ids);
		const run = (await db.settings.get(PRACTICE_KEY))?.value as PracticeRun | undefined;
		if (run?.bankId === bankId) await db.settings.delete(PRACTICE_KEY);
		const session = (await db.settings.get(SESSION_KEY))?.value as SessionData | undefined;
		if (session && sessionUses(session, new Set(ids))) await db.settings.delete(SESSION_KEY);
		await rebuildTotals(tx, offsetOf);
		return { attempts, cards: ids.length, reviews, flags, reports };
	});
}

export async function countAll(db: CodeDrillDb): Promise<AllCounts> {
	const t = [db.attempts, db.cards, db.reviews, db.flags, db.reports, db.exams, db.banks];
	return db.transaction('r', t, async () => {
		const [attempts, cards, reviews, flags, reports, exams, banks] = await Promise.all(
			t.map((table) => table.count())
		);
		return { attempts, cards, reviews, flags, reports, exams, banks } as AllCounts;
	});
}

/** Empties every table: answers, cards, reviews, exams, flags, reports, imported banks, settings. */
export async function resetAll(db: CodeDrillDb): Promise<void> {
	await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
}

/** An imported bank as the reset list names it (its items stay out of memory). */
export interface ImportedBank {
	id: string;
	title: string;
}

/** The reset's reads and writes, as the UI reaches them through `storage.reset`. */
export function resetRepo(db: CodeDrillDb, offsetOf: OffsetOf = localOffset) {
	return {
		countBank: (bankId: string) => countBank(db, bankId),
		resetBank: (bankId: string) => resetBank(db, bankId, offsetOf),
		countAll: () => countAll(db),
		resetAll: () => resetAll(db),
		/** The learner's imported banks; a handful, read one at a time so no two are held at once. */
		async importedBanks(): Promise<ImportedBank[]> {
			const out: ImportedBank[] = [];
			await db.banks.each((b) => out.push({ id: b.id, title: b.title }));
			return out;
		}
	};
}

export type ResetRepo = ReturnType<typeof resetRepo>;
