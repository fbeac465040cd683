/**
 * Where the code-book worker keeps its snapshot (snapshot.ts): a small IndexedDB database of its
 * own, apart from the learner's data (src/lib/db), because it is a cache that can be thrown away
 * at any time and rebuilt from the code-set files. One record per year; a new data version
 * replaces the old record rather than piling up beside it.
 */
import type { Snapshot } from './snapshot';

export const SNAPSHOT_DB = 'codedrill-codebook-index';
const STORE = 'snapshots';

function open(factory: IDBFactory): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = factory.open(SNAPSHOT_DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
		req.onblocked = () => reject(new Error('IndexedDB open blocked'));
	});
}

function done<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** The record's slot: one per year, so FY2026 and FY2027 both stay warm. */
function slot(key: string): string {
	return key.split('/')[1] ?? key;
}

/** The slot of `year`'s record, as `snapshotKey` names it (`<version>/FY<year>/...`). */
export function yearSlot(year: number): string {
	return `FY${year}`;
}

/**
 * The record in `year`'s slot whatever its key, or undefined: lets a worker start reading before
 * it knows the data's version (the manifest is fetched meanwhile); `keyed` then checks the key.
 */
export async function readSlot(
	year: number,
	factory: IDBFactory | undefined = globalThis.indexedDB
): Promise<unknown> {
	if (!factory) return undefined;
	const db = await open(factory);
	try {
		return await done(db.transaction(STORE).objectStore(STORE).get(yearSlot(year)));
	} finally {
		db.close();
	}
}

/** `record` if it is stored under `key`, else undefined (another version or format). */
export function keyed(record: unknown, key: string): unknown {
	return (record as { key?: unknown } | undefined)?.key === key ? record : undefined;
}

/** The snapshot stored under `key`, or undefined (none, another version, or no IndexedDB). */
export async function readSnapshot(
	key: string,
	factory: IDBFactory | undefined = globalThis.indexedDB
): Promise<unknown> {
	if (!factory) return undefined;
	const db = await open(factory);
	try {
		return keyed(await done(db.transaction(STORE).objectStore(STORE).get(slot(key))), key);
	} finally {
		db.close();
	}
}

/** Stores `snapshot`, replacing the year's older one. */
export async function writeSnapshot(
	snapshot: Snapshot,
	factory: IDBFactory | undefined = globalThis.indexedDB
): Promise<void> {
	if (!factory) return;
	const db = await open(factory);
	try {
		const tx = db.transaction(STORE, 'readwrite');
		tx.objectStore(STORE).put(snapshot, slot(snapshot.key));
		await new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write failed'));
		});
	} finally {
		db.close();
	}
}
