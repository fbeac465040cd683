import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { miniTexts } from '../../../tests/factories/codebook';
import { parseCodeBook } from './data';
import { SearchIndex } from './search';
import { packBook, snapshotKey, type Snapshot } from './snapshot';
import { readSnapshot, writeSnapshot } from './snapshot-store';

function snapshotOf(version: string, year: 2026 | 2027): Snapshot {
	const data = parseCodeBook(miniTexts(), year);
	return {
		key: snapshotKey(version, year),
		book: packBook(data),
		index: new SearchIndex(data).snapshot()
	};
}

describe('the snapshot store', () => {
	it('reads back what it wrote, under the same key only', async () => {
		const idb = new IDBFactory();
		const snap = snapshotOf('v1', 2027);
		await writeSnapshot(snap, idb);
		expect(await readSnapshot(snap.key, idb)).toEqual(snap);
		expect(await readSnapshot(snapshotKey('v2', 2027), idb)).toBeUndefined();
	});

	it("keeps one record per year: new data replaces the year's old record", async () => {
		const idb = new IDBFactory();
		await writeSnapshot(snapshotOf('v1', 2027), idb);
		await writeSnapshot(snapshotOf('v1', 2026), idb);
		await writeSnapshot(snapshotOf('v2', 2027), idb);
		expect(await readSnapshot(snapshotKey('v1', 2027), idb)).toBeUndefined();
		expect(await readSnapshot(snapshotKey('v2', 2027), idb)).toBeDefined();
		expect(await readSnapshot(snapshotKey('v1', 2026), idb)).toBeDefined();
	});

	it('is empty in a fresh database', async () => {
		expect(await readSnapshot(snapshotKey('v1', 2027), new IDBFactory())).toBeUndefined();
	});
});
