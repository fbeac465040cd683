/**
 * The app's earlier Dexie schemas, written out as they shipped, for the upgrade tests: a test
 * declares an old version with these and writes records as that version did, then opens the
 * database with `createDb`. Copied, not imported from db.ts, so a change to db.ts cannot also
 * change what "the previous version" means.
 */
import type { Dexie } from 'dexie';

export const V1_STORES = {
	attempts: '++id, itemId, sessionId, mode, at, [bankId+section]',
	cards: 'itemId, due, section, bankId',
	reviews: '++id, itemId, reviewedAt, day',
	exams: 'id, startedAt, submittedAt',
	banks: 'id',
	settings: 'key'
};

export const V3_STORES = {
	exams: 'id, startedAt, submittedAt, openSince',
	dayTotals: 'key, day',
	dailyTotals: 'day',
	itemTotals: 'itemId, [bankId+section], lastAt',
	codeTotals: 'code',
	flags: 'itemId, at'
};

/** Declares versions 1 to `upTo` on `db` as the app shipped them (no upgrade functions). */
export function declareVersions(db: Dexie, upTo: 1 | 2 | 3): void {
	db.version(1).stores(V1_STORES);
	if (upTo >= 2) db.version(2).stores({});
	if (upTo >= 3) db.version(3).stores(V3_STORES);
}
