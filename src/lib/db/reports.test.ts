import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb } from './db';
import {
	REPORT_TEXT_MAX,
	ReportError,
	reportProblem,
	reportsRepo,
	type NewReport
} from './reports';

function setup() {
	const db = createDb('reports', { indexedDB: new IDBFactory(), IDBKeyRange });
	let n = 0;
	return { db, repo: reportsRepo(db, () => `r${++n}`) };
}

function report(o: Partial<NewReport> = {}): NewReport {
	return {
		itemId: 'cpc-em-0001',
		bankId: 'cpc',
		itemVersion: 'v1',
		kind: 'key',
		text: 'B is right: the note documents moderate MDM.',
		...o
	};
}

describe('reports repository', () => {
	it('saves a report with its id, time and trimmed text, and lists newest first', async () => {
		const { repo } = setup();
		const first = await repo.add(report({ text: '  The key is B.  ' }), 1_000);
		expect(first).toEqual({
			id: 'r1',
			itemId: 'cpc-em-0001',
			bankId: 'cpc',
			itemVersion: 'v1',
			kind: 'key',
			text: 'The key is B.',
			at: 1_000
		});
		await repo.add(report({ itemId: 'x', kind: 'wording' }), 3_000);
		await repo.add(report({ itemId: 'y', kind: 'other' }), 2_000);
		expect((await repo.all()).map((r) => r.id)).toEqual(['r2', 'r3', 'r1']);
	});

	it('finds the open reports of one item only, newest first', async () => {
		const { repo } = setup();
		await repo.add(report(), 1_000);
		await repo.add(report({ kind: 'code' }), 2_000);
		await repo.add(report({ itemId: 'other' }), 3_000);
		expect((await repo.openFor('cpc-em-0001')).map((r) => r.kind)).toEqual(['code', 'key']);
		await repo.close('r2', 4_000);
		expect((await repo.openFor('cpc-em-0001')).map((r) => r.id)).toEqual(['r1']);
		expect(await repo.openFor('nothing')).toEqual([]);
	});

	it('closes, reopens and deletes, and counts the open ones', async () => {
		const { repo } = setup();
		await repo.add(report(), 1_000);
		await repo.add(report({ itemId: 'b' }), 2_000);
		expect(await repo.countOpen()).toBe(2);
		expect((await repo.close('r1', 5_000))?.closedAt).toBe(5_000);
		// Closing twice keeps the first closing time.
		expect((await repo.close('r1', 9_000))?.closedAt).toBe(5_000);
		expect(await repo.countOpen()).toBe(1);
		const back = await repo.reopen('r1');
		expect(back && 'closedAt' in back).toBe(false);
		expect(await repo.countOpen()).toBe(2);
		await repo.delete('r2');
		expect((await repo.all()).map((r) => r.id)).toEqual(['r1']);
		expect(await repo.close('r2', 1)).toBeUndefined();
		expect(await repo.reopen('r2')).toBeUndefined();
	});

	it('rejects bad input with a clear message and writes nothing', async () => {
		const { repo } = setup();
		const bad: [Partial<NewReport>, RegExp][] = [
			[{ text: '   ' }, /Write a short explanation/],
			[{ text: 'x'.repeat(REPORT_TEXT_MAX + 1) }, /1001 characters; at most 1000/],
			[{ kind: 'typo' as never }, /Choose what you think is wrong/],
			[{ itemId: '' }, /names no item/]
		];
		for (const [o, message] of bad) {
			await expect(repo.add(report(o), 1)).rejects.toThrow(message);
			await expect(repo.add(report(o), 1)).rejects.toBeInstanceOf(ReportError);
		}
		expect(await repo.all()).toEqual([]);
		// Exactly the cap is fine, and surrounding spaces do not count against it.
		expect(reportProblem(report({ text: ` ${'x'.repeat(REPORT_TEXT_MAX)} ` }))).toBeUndefined();
	});

	it('uses random ids by default', async () => {
		const db = createDb('ids', { indexedDB: new IDBFactory(), IDBKeyRange });
		const repo = reportsRepo(db);
		const a = await repo.add(report(), 1);
		const b = await repo.add(report(), 2);
		expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(a.id).not.toBe(b.id);
	});
});
