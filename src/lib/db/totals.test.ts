import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { newRun } from '../content/practice-run';
import { rng } from '../random';
import { createDb, type AttemptRecord, type CodeDrillDb, type Mode } from './db';
import { attemptsRepo, drillRepo, examsRepo, practiceRepo, statsRepo } from './repositories';
import {
	extendRun,
	latestRun,
	localDay,
	rebuildTotals,
	removeFromTotals,
	tablesOf,
	timeBin
} from './totals';
import type { CardRecord } from '../srs/types';
import { declareVersions } from '../../../tests/factories/schema';

const UTC = () => 0;
const DAY = 86_400_000;

function freshDb(name = 'totals', indexedDB = new IDBFactory()): CodeDrillDb {
	return createDb(name, { indexedDB, IDBKeyRange });
}

function attempt(o: Partial<AttemptRecord> = {}): Omit<AttemptRecord, 'id'> {
	return {
		itemId: 'cpc-em-0001',
		bankId: 'cpc',
		section: 'em',
		itemType: 'single-best-answer',
		mode: 'practice',
		sessionId: 's1',
		response: { choice: 'B' },
		score: 1,
		correct: true,
		durationMs: 45_000,
		at: 20_000 * DAY + 3_600_000,
		...o
	};
}

/** Every total, sorted, so two databases compare as plain data. */
async function dump(db: CodeDrillDb) {
	const s = statsRepo(db);
	return {
		days: (await s.daysFrom(0)).sort((a, b) => a.key.localeCompare(b.key)),
		daily: await s.dailyFrom(0),
		items: (await s.items()).sort((a, b) => a.itemId.localeCompare(b.itemId)),
		codes: (await s.codes()).sort((a, b) => a.code.localeCompare(b.code)),
		examples: await s.mistakeExamples()
	};
}

/** A seeded history: items, sections, modes, days, scores, mistakes and key codes vary. */
function history(seed: number, n: number): Omit<AttemptRecord, 'id'>[] {
	const rnd = rng(seed);
	const sections = [
		['cpc', 'em'],
		['cpc', 'radiology'],
		['diagnosis', 'icd10cm']
	] as const;
	const modes: Mode[] = ['practice', 'drill', 'exam'];
	return Array.from({ length: n }, (_, i) => {
		const [bankId, section] = sections[Math.floor(rnd() * 3)]!;
		const correct = rnd() < 0.6;
		const code = `E11.${Math.floor(rnd() * 4)}`;
		return attempt({
			itemId: `${section}-${Math.floor(rnd() * 6)}`,
			bankId,
			section,
			mode: modes[Math.floor(rnd() * 3)]!,
			correct,
			score: correct ? 1 : Math.floor(rnd() * 3) / 4,
			durationMs: Math.floor(rnd() * 400_000),
			at: 20_000 * DAY + i * 3_000_000,
			keyCodes: { [code]: correct },
			mistakes: correct ? [] : [{ kind: 'specificity', given: 'E11.8', expected: code }]
		});
	});
}

describe('running totals', () => {
	it('sum each answer into its day and section, its item and its key codes', async () => {
		const db = freshDb();
		const repo = attemptsRepo(db, UTC);
		const at = 20_000 * DAY + 3_600_000;
		await repo.add(attempt({ at, keyCodes: { 'E11.9': true } }));
		await repo.add(
			attempt({
				at: at + 60_000,
				correct: false,
				score: 0.5,
				durationMs: 200_000,
				mode: 'drill',
				keyCodes: { 'E11.9': false, I10: true },
				mistakes: [{ kind: 'seventh-character', given: 'S52.501D', expected: 'S52.501A' }]
			})
		);
		const t = await dump(db);
		expect(t.days).toEqual([
			{
				key: '20000|cpc|em',
				day: 20_000,
				bankId: 'cpc',
				section: 'em',
				attempts: 2,
				correct: 1,
				scoreSum: 1.5,
				timeMs: 245_000,
				practice: 1,
				drill: 1,
				exam: 0,
				timeBins: [0, 1, 0, 0, 0, 0, 1, 0, 0, 0],
				mistakes: { 'seventh-character': 1 }
			}
		]);
		// The section's all-time row holds the same sums under day -1.
		expect(await statsRepo(db).sections()).toEqual([{ ...t.days[0], key: '-1|cpc|em', day: -1 }]);
		expect(t.items).toEqual([
			{
				itemId: 'cpc-em-0001',
				bankId: 'cpc',
				section: 'em',
				attempts: 2,
				correct: 1,
				scoreSum: 1.5,
				firstAt: at,
				lastAt: at + 60_000,
				lastScore: 0.5,
				lastCorrect: false
			}
		]);
		expect(t.codes.map((c) => [c.code, c.attempts, c.correct, c.itemIds])).toEqual([
			['E11.9', 2, 1, ['cpc-em-0001']],
			['I10', 1, 1, ['cpc-em-0001']]
		]);
		expect(t.examples['seventh-character']).toMatchObject({
			given: 'S52.501D',
			itemId: 'cpc-em-0001',
			at: at + 60_000
		});
	});

	it('put an answer on the local day of the learner, not the UTC day', async () => {
		const db = freshDb();
		// 02:00 UTC on day 20,000 is still day 19,999 in New York (UTC-5, offset +300 minutes).
		const at = 20_000 * DAY + 2 * 3_600_000;
		await attemptsRepo(db, () => 300).add(attempt({ at }));
		expect((await statsRepo(db).daysFrom(0)).map((d) => d.day)).toEqual([19_999]);
		expect(localDay(at, 300)).toBe(19_999);
		expect(localDay(at, 0)).toBe(20_000);
	});

	it('bin answer times by fixed bounds', () => {
		expect([0, 29_999, 30_000, 144_000, 599_999, 600_000, 5e6].map(timeBin)).toEqual([
			0, 0, 1, 4, 8, 9, 9
		]);
	});

	it('written answer by answer equal the totals rebuilt from the whole log', async () => {
		for (const seed of [1, 2, 3]) {
			const db = freshDb(`fold-${seed}`);
			const repo = attemptsRepo(db, UTC);
			for (const a of history(seed, 120)) await repo.add(a);
			const incremental = await dump(db);
			await db.transaction('rw', db.tables, (tx) => rebuildTotals(tx, UTC));
			expect(await dump(db)).toEqual(incremental);
			expect(incremental.days.reduce((n, d) => n + d.attempts, 0)).toBe(120);
			const allTime = await statsRepo(db).sections();
			expect(allTime.reduce((n, d) => n + d.attempts, 0)).toBe(120);
		}
	});

	it('follow practice, drill grades, undo and exam submits, in their own transactions', async () => {
		const db = freshDb();
		const at = 20_000 * DAY;
		const card = (itemId: string, due: number): CardRecord => ({
			itemId,
			bankId: 'cpc',
			section: 'em',
			due,
			stability: 1,
			difficulty: 5,
			elapsedDays: 0,
			scheduledDays: 0,
			learningSteps: 0,
			reps: 1,
			lapses: 0,
			state: 1
		});
		await practiceRepo(db, UTC).record(
			attempt({ at }),
			newRun({ sessionId: 's1', bankId: 'cpc', section: 'em', itemIds: ['a'], now: at })
		);
		const drill = drillRepo(db, UTC);
		const session = { day: 1 } as never;
		await drill.grade('d1', () => ({
			attempt: attempt({ itemId: 'd1', mode: 'drill', at: at + 1000, correct: false, score: 0 }),
			card: card('d1', at + 60_000),
			log: {
				itemId: 'd1',
				rating: 1,
				state: 0,
				reviewedAt: at + 1000,
				day: 1,
				elapsedDays: 0,
				scheduledDays: 0,
				before: null
			},
			session
		}));
		expect((await dump(db)).items.map((i) => i.itemId)).toEqual(['cpc-em-0001', 'd1']);
		await drill.undo('d1', at + 1000, session);
		const afterUndo = await dump(db);
		expect(afterUndo.items.map((i) => i.itemId)).toEqual(['cpc-em-0001']);
		expect(afterUndo.days[0]).toMatchObject({ attempts: 1, drill: 0, practice: 1 });
		expect(await statsRepo(db).sections()).toMatchObject([{ attempts: 1, drill: 0 }]);

		const exams = examsRepo(db, UTC);
		await exams.create({
			id: 'e1',
			preset: 'CPC-mini',
			spec: {} as never,
			seed: 1,
			itemIds: ['x', 'y'],
			areaOf: {},
			answers: {},
			flags: [],
			timeMs: {},
			position: 0,
			startedAt: at,
			deadline: at + 3_600_000
		});
		expect((await exams.inProgress())?.id).toBe('e1');
		await exams.submit('e1', () => [
			attempt({ itemId: 'x', mode: 'exam', at: at + 2000 }),
			attempt({ itemId: 'y', mode: 'exam', at: at + 2000, correct: false, score: 0 })
		]);
		expect(await exams.inProgress()).toBeUndefined();
		const end = await dump(db);
		expect(end.days[0]).toMatchObject({ attempts: 3, correct: 2, practice: 1, exam: 2 });
		expect(end.items.map((i) => i.itemId)).toEqual(['cpc-em-0001', 'x', 'y']);
	});

	it('turn a miss in practice or an exam into a drill card, when asked to', async () => {
		const db = freshDb();
		const at = 20_000 * DAY;
		const relearn = (a: Omit<AttemptRecord, 'id'>, before: CardRecord | null) => ({
			card: {
				...(before ?? ({} as CardRecord)),
				itemId: a.itemId,
				bankId: a.bankId,
				section: a.section,
				due: a.at,
				state: 3
			} as CardRecord,
			log: {
				itemId: a.itemId,
				rating: 1,
				state: before?.state ?? 0,
				reviewedAt: a.at,
				day: 7,
				elapsedDays: 0,
				scheduledDays: 0,
				before,
				source: 'practice' as const
			}
		});
		const repo = practiceRepo(db, UTC);
		const run = newRun({ sessionId: 's1', bankId: 'cpc', section: 'em', itemIds: ['a'], now: at });
		await repo.record(attempt({ itemId: 'ok', at }), run, relearn);
		await repo.record(attempt({ itemId: 'miss', at, correct: false, score: 0 }), run, relearn);
		await repo.record(
			attempt({ itemId: 'card', itemType: 'flashcard', at, correct: false, score: 0 }),
			run,
			relearn
		);
		expect((await db.cards.toArray()).map((c) => c.itemId)).toEqual(['miss']);
		const [log] = await db.reviews.toArray();
		expect(log).toMatchObject({ itemId: 'miss', source: 'practice', attemptId: 2 });
		// A miss's review does not use up one of the drill's new-item places that day.
		expect(await drillRepo(db).newOn(7)).toBe(0);
	});
});

describe('database upgrade to version 3', () => {
	it('keeps every record of version 2, starts the totals from the log and indexes the open exam', async () => {
		const indexedDB = new IDBFactory();
		const old = new Dexie('v2', { indexedDB, IDBKeyRange });
		declareVersions(old, 2);
		const log = history(9, 50);
		await old.table('attempts').bulkAdd(log);
		const exam = (id: string, startedAt: number, closed: object) => ({
			id,
			preset: 'CPC',
			itemIds: [],
			startedAt,
			deadline: startedAt + 1,
			...closed
		});
		await old
			.table('exams')
			.bulkAdd([
				exam('done', 1, { submittedAt: 2 }),
				exam('gone', 3, { abandonedAt: 4 }),
				exam('open', 5, {})
			]);
		await old.table('settings').put({ key: 'srs', value: { newPerDay: 7 } });
		const before = {
			attempts: await old.table('attempts').toArray(),
			exams: await old.table('exams').toArray(),
			settings: await old.table('settings').toArray()
		};
		old.close();

		const db = createDb('v2', { indexedDB, IDBKeyRange });
		expect(await db.attempts.toArray()).toEqual(before.attempts);
		expect(await db.settings.get('srs')).toEqual(before.settings[0]);
		const exams = await db.exams.toArray();
		expect(exams.map((e) => ({ ...e, openSince: undefined }))).toEqual(
			before.exams.map((e) => ({ ...e, openSince: undefined }))
		);
		expect(exams.map((e) => e.openSince)).toEqual([undefined, undefined, 5]);
		expect((await examsRepo(db).inProgress())?.id).toBe('open');

		// The totals equal those written answer by answer into a new database.
		const fresh = freshDb('fresh', indexedDB);
		for (const a of log) await attemptsRepo(fresh).add(a);
		expect(await dump(db)).toEqual(await dump(fresh));
		expect(tablesOf(db).dayTotals).toBeDefined();
	});
});

describe('the run of answer days (the streak)', () => {
	const at = (day: number) => day * DAY + 10 * 3_600_000;

	it('grows day by day, restarts after a gap, and is what a rebuild finds', async () => {
		const db = freshDb();
		const repo = attemptsRepo(db, UTC);
		for (const day of [100, 101, 101, 102, 105, 106]) await repo.add(attempt({ at: at(day) }));
		expect(await statsRepo(db).dayRun()).toEqual({ start: 105, last: 106 });
		await db.transaction('rw', db.tables, (tx) => rebuildTotals(tx, UTC));
		expect(await statsRepo(db).dayRun()).toEqual({ start: 105, last: 106 });
	});

	it('is found whole by a rebuild when the log is out of time order (an import)', async () => {
		const db = freshDb();
		for (const day of [7, 5, 6, 2])
			await db.attempts.add(attempt({ at: at(day) }) as AttemptRecord);
		await db.transaction('rw', db.tables, (tx) => rebuildTotals(tx, UTC));
		expect(await statsRepo(db).dayRun()).toEqual({ start: 5, last: 7 });
		expect(latestRun([3, 1, 2, 9])).toEqual({ start: 9, last: 9 });
		expect(latestRun([])).toBeUndefined();
	});

	it('loses a day whose only answer is undone, and keeps it while another answer remains', async () => {
		const db = freshDb();
		const repo = attemptsRepo(db, UTC);
		await repo.add(attempt({ at: at(10) }));
		await repo.add(attempt({ at: at(11), itemId: 'other' }));
		const t = tablesOf(db);
		const undo = async (itemId: string) =>
			db.transaction('rw', db.tables, async () => {
				const a = await db.attempts.where('itemId').equals(itemId).last();
				await db.attempts.delete(a!.id!);
				await removeFromTotals(t, a!, UTC);
			});
		await repo.add(attempt({ at: at(12), itemId: 'x' }));
		await repo.add(attempt({ at: at(12) + 1000, itemId: 'y' }));
		await undo('y');
		expect(await statsRepo(db).dayRun()).toEqual({ start: 10, last: 12 });
		await undo('x');
		expect(await statsRepo(db).dayRun()).toEqual({ start: 10, last: 11 });
		expect(extendRun({ start: 10, last: 11 }, 9)).toEqual({ start: 9, last: 11 });
		expect(extendRun({ start: 10, last: 11 }, 5)).toEqual({ start: 10, last: 11 });
	});
});
