import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, DB_VERSION } from './db';
import { MOVED_2026_12 } from '../content/moves';
import { checkBanks } from '../../../scripts/lib/banks';
import { declareVersions } from '../../../tests/factories/schema';

/** A database as version 1 of the app wrote it: the same tables, no upgrade run yet. */
async function versionOne(indexedDB: IDBFactory) {
	const old = new Dexie('upgrade', { indexedDB, IDBKeyRange });
	declareVersions(old, 1);
	const row = (itemId: string, bankId: string, section: string, at: number) => ({
		itemId,
		bankId,
		section,
		itemType: 'single-best-answer',
		mode: 'practice',
		sessionId: 's',
		response: 'A',
		score: 1,
		correct: true,
		durationMs: 1,
		at
	});
	await old
		.table('attempts')
		.bulkAdd([
			row('cpc-billing-0801', 'cpc', 'billing', 1),
			row('cpc-surgery-0001', 'cpc', 'surgery', 2),
			row('cpc-em-0001', 'cpc', 'em', 3),
			row('cpc-billing-0801', 'cpc', 'billing', 4)
		]);
	await old.table('cards').bulkAdd([
		{ itemId: 'cpc-privacy-0801', bankId: 'cpc', section: 'privacy', due: 5 },
		{ itemId: 'cpc-em-0001', bankId: 'cpc', section: 'em', due: 6 }
	]);
	old.close();
}

describe('database upgrade for the December 2026 bank split', () => {
	it('re-files the history of moved items under their new bank and section, and no other', async () => {
		const indexedDB = new IDBFactory();
		await versionOne(indexedDB);
		const db = createDb('upgrade', { indexedDB, IDBKeyRange });
		const attempts = await db.attempts.orderBy('at').toArray();
		expect(attempts.map((a) => [a.itemId, a.bankId, a.section])).toEqual([
			['cpc-billing-0801', 'billing', 'billing'],
			['cpc-surgery-0001', 'cpc', 'musculoskeletal'],
			['cpc-em-0001', 'cpc', 'em'],
			['cpc-billing-0801', 'billing', 'billing']
		]);
		// The per-section index finds them where the practice picker now looks.
		expect(await db.attempts.where('[bankId+section]').equals(['billing', 'billing']).count()).toBe(
			2
		);
		const cards = await db.cards.toArray();
		expect(cards.map((c) => [c.itemId, c.bankId, c.section])).toEqual([
			['cpc-em-0001', 'cpc', 'em'],
			['cpc-privacy-0801', 'him', 'privacy']
		]);
		db.close();
	});

	it('names, for every moved item, the bank and section the shipped banks hold it in', () => {
		const { banks } = checkBanks();
		const where = new Map(banks.flatMap((b) => b.items.map((i) => [i.id, [b.id, i.section]])));
		for (const [id, to] of Object.entries(MOVED_2026_12)) expect(where.get(id), id).toEqual(to);
	});
});

describe('database upgrade to version 4', () => {
	it('keeps every table and record of version 3, and adds an empty reports table', async () => {
		const indexedDB = new IDBFactory();
		const old = new Dexie('v3', { indexedDB, IDBKeyRange });
		declareVersions(old, 3);
		// One record in every table of version 3, in the shapes the app writes.
		const rows: Record<string, object[]> = {
			attempts: [
				{ itemId: 'a', bankId: 'cpc', section: 'em', mode: 'drill', sessionId: 's', at: 1 }
			],
			cards: [{ itemId: 'a', bankId: 'cpc', section: 'em', due: 5, state: 2 }],
			reviews: [{ itemId: 'a', rating: 3, state: 0, reviewedAt: 1, day: 0, before: null }],
			exams: [{ id: 'e', preset: 'CPC', itemIds: ['a'], startedAt: 1, openSince: 1 }],
			banks: [{ id: 'mine', title: 'Mine', importedAt: 1, data: { items: [] } }],
			settings: [{ key: 'srs', value: { newPerDay: 7 } }],
			dayTotals: [{ key: '0|cpc|em', day: 0, answers: 1 }],
			dailyTotals: [{ day: 0, answers: 1 }],
			itemTotals: [{ itemId: 'a', bankId: 'cpc', section: 'em', lastAt: 1 }],
			codeTotals: [{ code: 'J18.9', answers: 1 }],
			flags: [{ itemId: 'a', bankId: 'cpc', section: 'em', at: 1 }]
		};
		for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
		const before: Record<string, unknown[]> = {};
		for (const table of Object.keys(rows)) before[table] = await old.table(table).toArray();
		old.close();

		const db = createDb('v3', { indexedDB, IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		for (const table of Object.keys(rows))
			expect(await db.table(table).toArray(), table).toEqual(before[table]);
		expect(await db.reports.count()).toBe(0);
		await db.reports.add({
			id: 'r1',
			itemId: 'a',
			bankId: 'cpc',
			kind: 'key',
			text: 'B, not A',
			at: 2
		});
		expect(await db.reports.where('itemId').equals('a').count()).toBe(1);
		db.close();
	});
});
