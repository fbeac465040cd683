/**
 * Property tests over random histories written through the real repositories: a backup gives
 * back every table in an empty database, and two laptops that share a start merge into the
 * union of their logs, with every card equal to a replay of its merged review log.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptKey, reviewKey } from '../backup/merge';
import { readBackup } from '../backup/validate';
import type { ItemType } from '../content/types';
import { newRun } from '../content/practice-run';
import type { Preset } from '../exam/presets';
import { missRelearner, relearnMiss } from '../srs/misses';
import { cardKind, makeFsrs, Rating, review } from '../srs/scheduler';
import { DEFAULT_SRS } from '../srs/settings';
import { applyBackup, exportBackup } from './backup';
import { createDb, type AttemptRecord, type CardRecord, type CodeDrillDb } from './db';
import { drillRepo, examsRepo, flagsRepo, practiceRepo } from './repositories';

const DAY = 86_400_000;
const utc = () => 0;
const START = Date.UTC(2026, 5, 1, 8);
const NOW = Date.UTC(2026, 11, 2);
const ITEMS = ['cpc-em-0001', 'cpc-em-0002', 'cpc-em-0003', 'cpc-em-0004', 'cpc-fc-0001'];
const typeOf = (itemId: string): ItemType =>
	itemId.includes('-fc-') ? 'flashcard' : 'single-best-answer';
const ctx = { now: NOW, knownBanks: new Set(['cpc']), knownItems: new Set(ITEMS) };

type Step = {
	kind: 'drill' | 'miss' | 'exam' | 'flag';
	item: number;
	correct: boolean;
	gap: number;
};

const step = fc.record({
	kind: fc.constantFrom('drill', 'drill', 'miss', 'exam', 'flag'),
	item: fc.nat(ITEMS.length - 1),
	correct: fc.boolean(),
	// Minutes to the step: from a minute to about four days, so cards fall due between steps.
	gap: fc.integer({ min: 1, max: 6000 })
}) as fc.Arbitrary<Step>;

let dbs = 0;
const freshDb = () => createDb(`history-${++dbs}`, { indexedDB: new IDBFactory(), IDBKeyRange });

function attemptOf(itemId: string, mode: AttemptRecord['mode'], correct: boolean, at: number) {
	return {
		itemId,
		bankId: 'cpc',
		section: 'em',
		itemType: typeOf(itemId),
		mode,
		sessionId: `${mode}-${Math.floor(at / DAY)}`,
		response: correct ? 'B' : 'C',
		score: correct ? 1 : 0,
		correct,
		durationMs: 8000,
		at
	};
}

/** Plays the steps from `t` on, on `laptop` (which names its sessions and exams); ends at. */
async function play(db: CodeDrillDb, steps: Step[], t: number, laptop: string): Promise<number> {
	const relearn = missRelearner(DEFAULT_SRS, utc, 'practice');
	for (const s of steps) {
		t += s.gap * 60_000;
		const itemId = ITEMS[s.item]!;
		const meta = { itemId, bankId: 'cpc', section: 'em' };
		if (s.kind === 'drill') {
			await drillRepo(db, utc).grade(itemId, (before) => {
				const r = review(
					makeFsrs(DEFAULT_SRS, cardKind(typeOf(itemId))),
					before,
					meta,
					s.correct ? Rating.Good : Rating.Again,
					t,
					Math.floor(t / DAY)
				);
				return {
					attempt: attemptOf(itemId, 'drill', s.correct, t),
					card: r.card,
					log: r.log,
					session: { day: Math.floor(t / DAY), order: [itemId], pos: 1, learning: [] }
				};
			});
		} else if (s.kind === 'miss') {
			const run = newRun({
				sessionId: `p-${laptop}`,
				bankId: 'cpc',
				section: 'em',
				itemIds: ITEMS,
				now: t
			});
			await practiceRepo(db, utc).record(attemptOf(itemId, 'practice', s.correct, t), run, relearn);
		} else if (s.kind === 'exam') {
			const id = `exam-${laptop}-${t.toString(36)}`;
			const exams = examsRepo(db, utc);
			await exams.create({
				id,
				preset: 'custom',
				spec: { id: 'custom' } as Preset,
				seed: 7,
				itemIds: [itemId],
				areaOf: { [itemId]: 'em' },
				answers: { [itemId]: { choice: s.correct ? 'B' : 'C' } },
				flags: [],
				timeMs: { [itemId]: 8000 },
				position: 0,
				startedAt: t,
				deadline: t + 3_600_000
			});
			await exams.submit(
				id,
				(exam) => {
					exam.submittedAt = t + 1000;
					return [attemptOf(itemId, 'exam', s.correct, t + 1000)];
				},
				missRelearner(DEFAULT_SRS, utc, 'exam')
			);
		} else {
			await flagsRepo(db).toggle({ ...meta, at: t });
		}
	}
	return t;
}

async function snapshot(db: CodeDrillDb): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const t of db.tables) out[t.name] = await t.toArray();
	return out;
}

async function backupOf(db: CodeDrillDb) {
	const read = readBackup((await exportBackup(db, NOW)).parts.join(''), ctx);
	if (!read.ok) throw new Error(read.message);
	return read.backup;
}

/** The card a replay of `itemId`'s review log gives, checking each log's `before` on the way. */
async function replayed(db: CodeDrillDb, itemId: string): Promise<CardRecord | null> {
	const log = (await db.reviews.where('itemId').equals(itemId).toArray()).sort(
		(a, b) => a.reviewedAt - b.reviewedAt || a.id! - b.id!
	);
	let card: CardRecord | null = null;
	const existing = await db.cards.get(itemId);
	const meta = { itemId, bankId: existing?.bankId ?? 'cpc', section: existing?.section ?? 'em' };
	for (const r of log) {
		expect(r.before).toEqual(card);
		card = r.source
			? relearnMiss(
					{ ...meta, itemType: typeOf(itemId), at: r.reviewedAt },
					card,
					DEFAULT_SRS,
					0,
					r.source
				).card
			: review(
					makeFsrs(DEFAULT_SRS, cardKind(typeOf(itemId))),
					card,
					meta,
					r.rating as 1,
					r.reviewedAt,
					r.day
				).card;
	}
	return card;
}

const history = fc.array(step, { minLength: 1, maxLength: 12 });

describe('backups of random histories', () => {
	it('export then import into an empty database gives back every table', async () => {
		await fc.assert(
			fc.asyncProperty(history, async (steps) => {
				const db = freshDb();
				await play(db, steps, START, 'a');
				const copy = freshDb();
				await applyBackup(copy, await backupOf(db), 'replace', { offsetOf: utc });
				expect(await snapshot(copy)).toEqual(await snapshot(db));
			}),
			{ numRuns: 15 }
		);
	}, 120_000);

	it('merges two laptops that share a start into the union, cards replayed; twice is once', async () => {
		await fc.assert(
			fc.asyncProperty(history, history, history, async (shared, onA, onB) => {
				const [a, b] = [freshDb(), freshDb()];
				const t = await play(a, shared, START, 'h');
				await play(b, shared, START, 'h');
				// Both laptops carry on from the same moment: their days interleave.
				await play(a, onA, t, 'a');
				await play(b, onB, t, 'b');
				const [attemptsA, attemptsB] = [await a.attempts.toArray(), await b.attempts.toArray()];
				const [reviewsA, reviewsB] = [await a.reviews.toArray(), await b.reviews.toArray()];
				const fromB = await backupOf(b);

				await applyBackup(a, fromB, 'merge', { offsetOf: utc, typeOf });
				const union = (xs: string[]) => [...new Set(xs)].sort();
				const attempts = await a.attempts.toArray();
				expect(attempts.map(attemptKey).sort()).toEqual(
					union([...attemptsA, ...attemptsB].map(attemptKey))
				);
				const reviews = await a.reviews.toArray();
				expect(reviews.map(reviewKey).sort()).toEqual(
					union([...reviewsA, ...reviewsB].map(reviewKey))
				);
				// Each review still points at its own answer.
				const byId = new Map(attempts.map((x) => [x.id, x]));
				for (const r of reviews) {
					if (r.attemptId === undefined) continue;
					const answer = byId.get(r.attemptId);
					expect(answer?.itemId).toBe(r.itemId);
					expect(answer?.at).toBe(r.reviewedAt);
				}
				for (const itemId of ITEMS)
					expect((await a.cards.get(itemId)) ?? null).toEqual(await replayed(a, itemId));

				const once = await snapshot(a);
				await applyBackup(a, fromB, 'merge', { offsetOf: utc, typeOf });
				expect(await snapshot(a)).toEqual(once);
			}),
			{ numRuns: 10 }
		);
	}, 120_000);
});
