/**
 * `npm run bench -- answered [attempts]`: practice start asks which of a bank's items the learner
 * has answered (unanswered items come first). Old: read every attempt of the bank through the
 * `[bankId+section]` index. New (`attemptsRepo.answeredIds`): one look-up per item in the `itemId`
 * index. Node with fake-indexeddb (slower than Chromium's IndexedDB, the same order of work):
 * 250 items, `attempts` answers spread over 200 of them, three runs.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../src/lib/db/db.ts';
import { attemptsRepo } from '../src/lib/db/repositories.ts';

export async function answeredBench(attempts = 100_000): Promise<void> {
	const db = createDb('answered', { indexedDB: new IDBFactory(), IDBKeyRange });
	const items = Array.from({ length: 250 }, (_, i) => `cpc-demo-${1000 + i}`);
	const rows = Array.from({ length: attempts }, (_, n) => ({
		itemId: items[n % 200]!,
		bankId: 'cpc',
		section: 'em',
		itemType: 'single-best-answer' as const,
		mode: 'practice' as const,
		sessionId: 's',
		response: 'A',
		score: 1,
		correct: true,
		durationMs: 1,
		at: n
	}));
	let t = performance.now();
	await db.attempts.bulkAdd(rows);
	console.log(
		`\nPractice start, answered items (${attempts} attempts, filled in ${(performance.now() - t).toFixed(0)} ms)`
	);
	const repo = attemptsRepo(db);
	for (let run = 1; run <= 3; run++) {
		t = performance.now();
		const all = await db.attempts
			.where('[bankId+section]')
			.between(['cpc', ''], ['cpc', '\uffff'])
			.toArray();
		const old = new Set(all.map((r) => r.itemId)).size;
		const before = performance.now() - t;
		t = performance.now();
		const now = (await repo.answeredIds(items)).size;
		const after = performance.now() - t;
		console.log(
			`  run ${run}: old ${before.toFixed(0)} ms (${old} items), new ${after.toFixed(0)} ms (${now} items)`
		);
	}
	db.close();
}
