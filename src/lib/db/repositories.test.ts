import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, type AttemptRecord } from './db';
import { classifyStorageError } from './errors';
import { newRun } from '../content/practice-run';
import { attemptsRepo, practiceRepo, settingsRepo } from './repositories';

function freshDb() {
	return createDb('test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

function attempt(o: Partial<AttemptRecord> = {}): Omit<AttemptRecord, 'id'> {
	return {
		itemId: 'cpc-em-0001',
		bankId: 'cpc',
		section: 'em',
		itemType: 'single-best-answer',
		mode: 'practice',
		sessionId: 's1',
		response: 'B',
		score: 1,
		correct: true,
		durationMs: 1200,
		at: 1_000,
		...o
	};
}

describe('attempts repository', () => {
	it('writes every answer and reads them back in time order', async () => {
		const repo = attemptsRepo(freshDb());
		await repo.add(attempt({ at: 3_000, itemId: 'c' }));
		await repo.add(attempt({ at: 1_000, itemId: 'a' }));
		await repo.add(attempt({ at: 2_000, itemId: 'b', response: { icd10cm: 'E11.9' } }));
		expect((await repo.all()).map((a) => a.itemId)).toEqual(['a', 'b', 'c']);
		expect((await repo.recent(2)).map((a) => a.itemId)).toEqual(['c', 'b']);
		expect(await repo.count()).toBe(3);
		expect((await repo.all())[1]?.response).toEqual({ icd10cm: 'E11.9' });
	});

	it('survives reopening the database (a reload)', async () => {
		const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
		const first = createDb('reload', deps);
		await attemptsRepo(first).add(attempt());
		first.close();
		const again = createDb('reload', deps);
		expect(await attemptsRepo(again).count()).toBe(1);
	});

	it('knows which of the items asked about were answered, and groups a session', async () => {
		const repo = attemptsRepo(freshDb());
		await repo.add(attempt({ itemId: 'x', bankId: 'cpc', section: 'em', sessionId: 's1' }));
		await repo.add(attempt({ itemId: 'y', bankId: 'cpc', section: 'surgery', sessionId: 's2' }));
		await repo.add(
			attempt({ itemId: 'z', bankId: 'foundations', section: 'terminology', sessionId: 's2' })
		);
		// x answered twice, y once, w never; z answered but not asked about.
		await repo.add(attempt({ itemId: 'x', bankId: 'cpc', section: 'em', sessionId: 's3' }));
		expect([...(await repo.answeredIds(['w', 'x', 'y']))].sort()).toEqual(['x', 'y']);
		expect(await repo.answeredIds([])).toEqual(new Set());
		expect((await repo.forSession('s2')).map((a) => a.itemId)).toEqual(['y', 'z']);
	});
});

describe('attempts of one item', () => {
	it('reads the newest answers to that item only, up to the limit', async () => {
		const repo = attemptsRepo(freshDb());
		for (let i = 1; i <= 5; i++)
			await repo.add(attempt({ itemId: 'x', at: i * 1_000, score: i / 5 }));
		await repo.add(attempt({ itemId: 'y', at: 9_000 }));
		const rows = await repo.forItem('x', 3);
		expect(rows.map((r) => r.at)).toEqual([5_000, 4_000, 3_000]);
		expect(await repo.forItem('nope', 3)).toEqual([]);
	});
});

describe('settings repository', () => {
	it('returns the fallback until a value is set', async () => {
		const repo = settingsRepo(freshDb());
		expect(await repo.get('retention', 0.9)).toBe(0.9);
		await repo.set('retention', 0.85);
		expect(await repo.get('retention', 0.9)).toBe(0.85);
	});
});

describe('practice repository', () => {
	const run = (o = {}) => ({
		...newRun({ sessionId: 's1', bankId: 'cpc', section: 'mixed', itemIds: ['a', 'b'], now: 1 }),
		...o
	});

	it('keeps the open run across a reopened database (a reload or a closed tab)', async () => {
		const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
		const first = createDb('practice', deps);
		expect(await practiceRepo(first).run()).toBeUndefined();
		await practiceRepo(first).save(run({ index: 1 }));
		first.close();
		expect(await practiceRepo(createDb('practice', deps)).run()).toMatchObject({
			index: 1,
			itemIds: ['a', 'b']
		});
	});

	it('writes the answer and the new tally together', async () => {
		const db = freshDb();
		const tally = run({
			answered: 1,
			correct: 1,
			scoreSum: 1,
			shown: { itemId: 'a', response: 'B' }
		});
		const id = await practiceRepo(db).record(attempt({ itemId: 'a' }), tally);
		expect((await attemptsRepo(db).all()).map((a) => [a.id, a.itemId])).toEqual([[id, 'a']]);
		expect(await practiceRepo(db).run()).toEqual(tally);
	});

	it('writes neither when the attempt cannot be stored', async () => {
		const db = freshDb();
		await practiceRepo(db).save(run());
		// A duplicate primary key makes the attempt write fail inside the transaction.
		const id = await attemptsRepo(db).add(attempt());
		await expect(
			practiceRepo(db).record({ ...attempt(), id } as never, run({ answered: 1 }))
		).rejects.toThrow();
		expect((await practiceRepo(db).run())?.answered).toBe(0);
	});
});

describe('classifyStorageError', () => {
	it('recognizes a full disk even when Dexie wraps it in an AbortError', () => {
		const wrapped = { name: 'AbortError', inner: { name: 'QuotaExceededError' } };
		expect(classifyStorageError(wrapped).kind).toBe('full');
		expect(classifyStorageError({ name: 'QuotaExceededError' }).kind).toBe('full');
	});

	it('recognizes a browser without IndexedDB', () => {
		expect(classifyStorageError({ name: 'MissingAPIError' }).kind).toBe('unavailable');
	});

	it('reports anything else in plain words, keeping the library message as a detail', () => {
		const error = classifyStorageError(new Error('boom'));
		expect(error.kind).toBe('other');
		expect(error.title).toBe('Your answer could not be saved.');
		expect(error.message).not.toContain('boom');
		expect(error.detail).toBe('Error: boom');
	});

	it('reports a version, schema or upgrade error as progress that cannot be opened', () => {
		for (const name of ['VersionError', 'UpgradeError', 'SchemaError']) {
			const error = classifyStorageError({
				name,
				message: 'Not yet support for changing primary key'
			});
			expect(error.kind).toBe('unopenable');
			expect(error.title).toBe('Your progress cannot be opened.');
			expect(error.message).not.toMatch(/answer|primary key/i);
		}
		// A read or write after such an open failure carries it as the inner error.
		const closed = { name: 'DatabaseClosedError', inner: { name: 'UpgradeError' } };
		expect(classifyStorageError(closed).kind).toBe('unopenable');
	});
});
