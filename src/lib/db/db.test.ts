import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from './db';
import { MOVED_2026_12 } from '../content/moves';
import { checkBanks } from '../../../scripts/lib/banks';

/** A database as version 1 of the app wrote it: the same tables, no upgrade run yet. */
async function versionOne(indexedDB: IDBFactory) {
	const old = new Dexie('upgrade', { indexedDB, IDBKeyRange });
	old.version(1).stores({
		attempts: '++id, itemId, sessionId, mode, at, [bankId+section]',
		cards: 'itemId, due, section, bankId',
		reviews: '++id, itemId, reviewedAt, day',
		exams: 'id, startedAt, submittedAt',
		banks: 'id',
		settings: 'key'
	});
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
