import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newRun } from '../content/practice-run';
import { rng } from '../random';
import type { SessionData } from '../srs/session';
import type { CardRecord } from '../srs/types';
import { createDb, type AttemptRecord, type CodeDrillDb, type ReportKind } from './db';
import { reportsRepo } from './reports';
import {
	attemptsRepo,
	drillRepo,
	examsRepo,
	flagsRepo,
	practiceRepo,
	settingsRepo,
	statsRepo
} from './repositories';
import { countAll, countBank, resetAll, resetBank, sessionUses } from './reset';

const UTC = () => 0;
const DAY = 86_400_000;

function freshDb(name: string): CodeDrillDb {
	return createDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** One thing the learner did, in the order it was done. */
type Event =
	| { kind: 'answer'; attempt: Omit<AttemptRecord, 'id'> }
	| { kind: 'grade'; attempt: Omit<AttemptRecord, 'id'>; card: CardRecord; rating: number }
	| { kind: 'flag'; itemId: string; bankId: string; section: string; at: number }
	| { kind: 'report'; itemId: string; bankId: string; report: ReportKind; at: number };

const SECTIONS = [
	['cpc', 'em'],
	['cpc', 'radiology'],
	['diagnosis', 'icd10cm'],
	['diagnosis', 'injury']
] as const;

/**
 * A seeded history over two banks: practice answers, drill grades (cards and review logs),
 * flags and reports, interleaved in time. Codes and mistake kinds are shared between the banks,
 * so the code totals and the newest mistake examples mix both.
 */
function history(seed: number, n: number): Event[] {
	const rnd = rng(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
	const flagged = new Set<string>();
	return Array.from({ length: n }, (_, i): Event => {
		const [bankId, section] = pick(SECTIONS);
		const itemId = `${bankId}-${section}-${Math.floor(rnd() * 5)}`;
		const at = 20_000 * DAY + i * 5_000_000;
		const correct = rnd() < 0.6;
		const code = pick(['E11.9', 'E11.65', 'I10', 'S52.501A']);
		const roll = rnd();
		const attempt: Omit<AttemptRecord, 'id'> = {
			itemId,
			bankId,
			section,
			itemType: 'code-entry',
			mode: roll < 0.5 ? 'practice' : 'drill',
			sessionId: `s${Math.floor(i / 10)}`,
			response: { icd10cm: [code] },
			score: correct ? 1 : 0.5,
			correct,
			durationMs: Math.floor(rnd() * 300_000),
			at,
			keyCodes: { [code]: correct },
			mistakes: correct ? [] : [{ kind: 'specificity', given: 'E11.8', expected: code }]
		};
		if (roll < 0.5) return { kind: 'answer', attempt };
		if (roll < 0.85) {
			const card: CardRecord = {
				itemId,
				bankId,
				section,
				due: at + (correct ? 3 : 1) * DAY,
				stability: correct ? 3 : 0.5,
				difficulty: 5,
				elapsedDays: 0,
				scheduledDays: correct ? 3 : 1,
				learningSteps: 0,
				reps: i,
				lapses: correct ? 0 : 1,
				state: 2,
				lastReview: at
			};
			return { kind: 'grade', attempt, card, rating: correct ? 3 : 1 };
		}
		if (roll < 0.93 && !flagged.has(itemId)) {
			flagged.add(itemId);
			return { kind: 'flag', itemId, bankId, section, at };
		}
		return { kind: 'report', itemId, bankId, report: pick(['key', 'code', 'wording']), at };
	});
}

async function play(db: CodeDrillDb, events: readonly Event[]): Promise<void> {
	const drill = drillRepo(db, UTC);
	const attempts = attemptsRepo(db, UTC);
	let n = 0;
	const reports = reportsRepo(db, () => `r${++n}`);
	for (const e of events) {
		if (e.kind === 'answer') await attempts.add(e.attempt);
		else if (e.kind === 'grade')
			await drill.grade(e.attempt.itemId, (before) => ({
				attempt: e.attempt,
				card: e.card,
				log: {
					itemId: e.attempt.itemId,
					rating: e.rating,
					state: before?.state ?? 0,
					reviewedAt: e.attempt.at,
					day: Math.floor(e.attempt.at / DAY),
					elapsedDays: 0,
					scheduledDays: e.card.scheduledDays,
					before
				},
				session: { day: 1, order: [], pos: 0, learning: [] }
			}));
		else if (e.kind === 'flag') await flagsRepo(db).toggle({ ...e, at: e.at });
		else
			await reports.add(
				{ itemId: e.itemId, bankId: e.bankId, kind: e.report, text: `About ${e.itemId}` },
				e.at
			);
	}
}

/**
 * Every record and total, as plain data. Auto-increment ids (and the review log's link to its
 * attempt id) differ between two databases that did not write the same rows; report ids are the
 * test's counter, which also differs, so reports compare by content.
 */
async function dump(db: CodeDrillDb) {
	const s = statsRepo(db);
	const noId = <T extends { id?: unknown }>({ id: _, ...rest }: T) => rest;
	return {
		attempts: (await db.attempts.toArray()).map(noId),
		cards: await db.cards.toArray(),
		reviews: (await db.reviews.toArray()).map(({ id: _, attemptId: __, ...r }) => r),
		flags: await db.flags.toArray(),
		reports: (await db.reports.orderBy('at').toArray()).map(noId),
		days: await s.daysFrom(0),
		sections: await s.sections(),
		daily: await s.dailyFrom(0),
		items: await s.items(),
		codes: await s.codes(),
		examples: await s.mistakeExamples(),
		run: await s.dayRun()
	};
}

describe('reset one bank', () => {
	it('leaves the other bank exactly as if it had been the only one (records and totals)', async () => {
		for (const seed of [1, 2]) {
			const events = history(seed, 120);
			const both = freshDb(`both-${seed}`);
			const onlyDiagnosis = freshDb(`only-${seed}`);
			await play(both, events);
			await play(
				onlyDiagnosis,
				events.filter(
					(e) => (e.kind === 'answer' || e.kind === 'grade' ? e.attempt : e).bankId === 'diagnosis'
				)
			);
			const before = await countBank(both, 'cpc');
			// The history really has every kind of record of both banks.
			expect(Object.values(before).every((n) => n > 0)).toBe(true);
			expect((await countBank(both, 'diagnosis')).attempts).toBeGreaterThan(0);

			expect(await resetBank(both, 'cpc', UTC)).toEqual(before);
			expect(await countBank(both, 'cpc')).toEqual({
				attempts: 0,
				cards: 0,
				reviews: 0,
				flags: 0,
				reports: 0
			});
			expect(await dump(both)).toEqual(await dump(onlyDiagnosis));
		}
		// fake-indexeddb writes a few hundred transactions a second: ~4 s for both seeds.
	}, 30_000);

	it('counts what it deletes through the indexes: sections, cards and their review logs', async () => {
		const db = freshDb('counts');
		const events = history(7, 80);
		await play(db, events);
		const cpc = events.filter(
			(e) => (e.kind === 'answer' || e.kind === 'grade' ? e.attempt : e).bankId === 'cpc'
		);
		const carded = new Set(cpc.flatMap((e) => (e.kind === 'grade' ? [e.attempt.itemId] : [])));
		expect(await countBank(db, 'cpc')).toEqual({
			attempts: cpc.filter((e) => e.kind === 'answer' || e.kind === 'grade').length,
			cards: carded.size,
			reviews: cpc.filter((e) => e.kind === 'grade').length,
			flags: cpc.filter((e) => e.kind === 'flag').length,
			reports: cpc.filter((e) => e.kind === 'report').length
		});
		expect(await countBank(db, 'no-such-bank')).toEqual({
			attempts: 0,
			cards: 0,
			reviews: 0,
			flags: 0,
			reports: 0
		});
	});

	it('keeps mock exams, drops the bank practice run and a drill queue that holds its cards', async () => {
		const db = freshDb('keeps');
		await play(db, history(4, 40));
		await examsRepo(db, UTC).create({
			id: 'e1',
			preset: 'CPC',
			spec: {} as never,
			seed: 1,
			itemIds: ['cpc-em-0'],
			areaOf: {},
			answers: {},
			flags: [],
			timeMs: {},
			position: 0,
			startedAt: 5,
			deadline: 10
		});
		const settings = settingsRepo(db);
		const practice = practiceRepo(db, UTC);
		const run = newRun({ sessionId: 'p', bankId: 'cpc', section: 'em', itemIds: ['a'], now: 1 });
		await practice.save(run);
		const carded = (await db.cards.where('bankId').equals('cpc').first())!.itemId;
		const session: SessionData = { day: 1, order: ['new-item', carded], pos: 0, learning: [] };
		await drillRepo(db).saveSession(session);
		await settings.set('srs', { retention: 0.9 });

		// A bank with no cards in the queue and no open run: both stay.
		await resetBank(db, 'other', UTC);
		expect(await practice.run()).toEqual(run);
		expect(await drillRepo(db).session()).toEqual(session);

		await resetBank(db, 'cpc', UTC);
		expect(await examsRepo(db).get('e1')).toBeDefined();
		expect(await practice.run()).toBeUndefined();
		expect(await drillRepo(db).session()).toBeUndefined();
		expect(await settings.get('srs', undefined)).toEqual({ retention: 0.9 });
	});

	it('knows when a drill queue names an item', () => {
		const ids = new Set(['x']);
		const s: SessionData = { day: 1, order: ['a'], pos: 0, learning: [] };
		expect(sessionUses(s, ids)).toBe(false);
		expect(sessionUses({ ...s, order: ['a', 'x'] }, ids)).toBe(true);
		expect(sessionUses({ ...s, learning: [{ id: 'x', due: 1 }] }, ids)).toBe(true);
		expect(sessionUses({ ...s, undo: [{ itemId: 'x', at: 1 } as never] }, ids)).toBe(true);
	});
});

describe('reset everything', () => {
	it('counts and then empties every table', async () => {
		const db = freshDb('all');
		await play(db, history(5, 60));
		await db.banks.put({ id: 'mine', title: 'Mine', importedAt: 1, data: {} });
		await settingsRepo(db).set('srs', { retention: 0.9 });
		const counts = await countAll(db);
		expect(counts.banks).toBe(1);
		expect(counts.attempts).toBe(60 - counts.flags - counts.reports);
		await resetAll(db);
		expect(await countAll(db)).toEqual({
			attempts: 0,
			cards: 0,
			reviews: 0,
			flags: 0,
			reports: 0,
			exams: 0,
			banks: 0
		});
		for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
	});
});
