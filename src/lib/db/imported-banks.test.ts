import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { cardsBank, parseCards } from '../content/import-cards';
import { createDb } from './db';
import { importedBanksRepo } from './imported-banks';

function freshDb() {
	return createDb('test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

const deck = (name: string) => cardsBank(parseCards('a\tb\nc\td').cards, name, 'deck.txt');

describe('imported banks repository', () => {
	it('stores banks and reads them back, oldest import first', async () => {
		const repo = importedBanksRepo(freshDb());
		await repo.add([deck('Second')], 2_000);
		await repo.add([deck('First')], 1_000);
		const all = await repo.all();
		expect(all.map((b) => [b.bank.id, b.importedAt])).toEqual([
			['my-first', 1_000],
			['my-second', 2_000]
		]);
		expect(all[0]!.bank).toEqual(deck('First'));
	});

	it('refuses a bank whose id is stored, writing none of the batch', async () => {
		const repo = importedBanksRepo(freshDb());
		await repo.add([deck('Cardio')], 1_000);
		await expect(repo.add([deck('Fresh'), deck('Cardio')], 2_000)).rejects.toThrow(
			'A bank with the id "my-cardio" ("Cardio") is already imported; remove it first.'
		);
		expect((await repo.all()).map((b) => b.bank.id)).toEqual(['my-cardio']);
	});

	it('removes a bank and leaves the answers to its items', async () => {
		const db = freshDb();
		const repo = importedBanksRepo(db);
		await repo.add([deck('Cardio'), deck('Renal')], 1_000);
		await db.attempts.add({
			itemId: 'my-cardio-0001',
			bankId: 'my-cardio',
			section: 'cards',
			itemType: 'flashcard',
			mode: 'practice',
			sessionId: 's',
			response: 'good',
			score: 1,
			correct: true,
			durationMs: 1,
			at: 5
		});
		await repo.remove('my-cardio');
		expect((await repo.all()).map((b) => b.bank.id)).toEqual(['my-renal']);
		expect(await db.attempts.count()).toBe(1);
	});

	it('skips a damaged record instead of failing the list', async () => {
		const db = freshDb();
		await db.banks.put({ id: 'bad', title: 'Bad', importedAt: 1, data: { nope: true } });
		await importedBanksRepo(db).add([deck('Good')], 2);
		expect((await importedBanksRepo(db).all()).map((b) => b.bank.id)).toEqual(['my-good']);
	});
});
