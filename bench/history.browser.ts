/**
 * Runs in Chromium on the app's own origin (served by `vite preview`), driven by bench/history.ts:
 * fills the app's database with a learner's two years (300,000 attempts, 300,000 review logs, a
 * card per item, mock exams) and starts the running totals from them, as the version 3 upgrade
 * does; and times the naive alternative, reading the whole attempt log.
 */
import {
	createDb,
	DB_NAME,
	type AttemptRecord,
	type ExamRecord,
	type Mode
} from '../src/lib/db/db.ts';
import { rebuildTotals } from '../src/lib/db/totals.ts';
import { attemptsRepo, drillRepo, examsRepo, statsRepo } from '../src/lib/db/repositories.ts';
import { readItemIndex, type ItemIndexFile } from '../src/lib/content/item-index.ts';
import type { CardRecord, ReviewRecord } from '../src/lib/srs/types.ts';
import { rng } from '../src/lib/random.ts';

const DAY = 86_400_000;
const DAYS = 730;

export async function fill(attempts: number, reviews: number): Promise<Record<string, number>> {
	const t0 = performance.now();
	const index = readItemIndex((await (await fetch('/data/items.json')).json()) as ItemIndexFile);
	const items = index.entries;
	const db = createDb(DB_NAME, undefined, 'relaxed');
	await db.open();
	// Filled by an earlier run in the kept profile.
	if ((await db.attempts.count()) === attempts) {
		db.close();
		return {};
	}
	await Promise.all(db.tables.map((t) => t.clear()));
	const now = Date.now();
	const rnd = rng(7);
	const modes: Mode[] = ['practice', 'drill', 'drill', 'exam'];
	const chunk = 20_000;
	for (let start = 0; start < attempts; start += chunk) {
		const rows: Omit<AttemptRecord, 'id'>[] = [];
		for (let n = start; n < Math.min(attempts, start + chunk); n++) {
			const item = items[Math.floor(rnd() * items.length)]!;
			const correct = rnd() < 0.72;
			rows.push({
				itemId: item.id,
				bankId: item.bankId,
				section: item.section,
				itemType: item.type,
				mode: modes[n % 4]!,
				sessionId: `s-${Math.floor(n / 40)}`,
				response: { choice: correct ? 'A' : 'B' },
				score: correct ? 1 : 0,
				correct,
				durationMs: 20_000 + Math.floor(rnd() * 200_000),
				// Two years, oldest first, ending an hour ago.
				at: now - 3_600_000 - Math.floor(((attempts - n) / attempts) * DAYS * DAY),
				keyCodes: correct ? { 'E11.9': true } : { 'E11.9': false },
				mistakes: correct ? [] : [{ kind: 'specificity', given: 'E11.8', expected: 'E11.9' }]
			});
		}
		await db.attempts.bulkAdd(rows as AttemptRecord[]);
	}
	const attemptsMs = performance.now() - t0;
	for (let start = 0; start < reviews; start += chunk) {
		const rows: Omit<ReviewRecord, 'id'>[] = [];
		for (let n = start; n < Math.min(reviews, start + chunk); n++) {
			const at = now - 3_600_000 - Math.floor(((reviews - n) / reviews) * DAYS * DAY);
			rows.push({
				itemId: items[n % items.length]!.id,
				rating: 3,
				state: 2,
				reviewedAt: at,
				day: Math.floor(at / DAY),
				elapsedDays: 5,
				scheduledDays: 10,
				before: null
			});
		}
		await db.reviews.bulkAdd(rows as ReviewRecord[]);
	}
	const cards: CardRecord[] = items.map((item, i) => ({
		itemId: item.id,
		bankId: item.bankId,
		section: item.section,
		due: now - 3 * DAY + ((i * 7919) % 120) * DAY,
		stability: 20 + (i % 60),
		difficulty: 5,
		elapsedDays: 10,
		scheduledDays: 20,
		learningSteps: 0,
		reps: 6,
		lapses: i % 3,
		state: 2,
		lastReview: now - 20 * DAY
	}));
	await db.cards.bulkPut(cards);
	const exams: ExamRecord[] = Array.from({ length: 40 }, (_, e) => {
		const startedAt = now - (DAYS - e * 18) * DAY;
		const ids = items.slice(e * 20, e * 20 + 100).map((i) => i.id);
		const fraction = 0.55 + e * 0.006;
		return {
			id: `bench-exam-${e}`,
			preset: 'CPC',
			spec: {
				id: 'CPC',
				title: 'CPC',
				items: 100,
				minutes: 240,
				pass: { kind: 'percent', min: 70 },
				areas: []
			} as never,
			seed: e,
			itemIds: ids,
			areaOf: {},
			answers: Object.fromEntries(ids.map((id) => [id, { choice: 'A' }])),
			flags: [],
			timeMs: Object.fromEntries(ids.map((id) => [id, 120_000])),
			position: 0,
			startedAt,
			deadline: startedAt + 4 * 3_600_000,
			submittedAt: startedAt + 3 * 3_600_000,
			result: {
				points: Math.round(fraction * 100),
				possible: 100,
				fraction,
				reported: Math.round(fraction * 100),
				passed: fraction >= 0.7
			}
		};
	});
	await db.exams.bulkPut(exams);
	const t1 = performance.now();
	await db.transaction('rw', db.tables, (tx) => rebuildTotals(tx));
	const totalsMs = performance.now() - t1;
	db.close();
	return { attemptsMs, fillMs: performance.now() - t0, totalsMs };
}

/** The naive home page of before: every attempt read, in time order, to sum them. */
export async function naive(): Promise<Record<string, number>> {
	const db = createDb(DB_NAME);
	await db.open();
	const t0 = performance.now();
	const all = await db.attempts.orderBy('at').toArray();
	let correct = 0;
	for (const a of all) if (a.correct) correct++;
	const attemptsMs = performance.now() - t0;
	const t1 = performance.now();
	const logs = await db.reviews.toArray();
	const reviewsMs = performance.now() - t1;
	db.close();
	return { attemptsMs, reviewsMs, rows: all.length + logs.length, correct };
}

/** Each read the home page makes, timed alone (where the home page's time goes). */
export async function probe(): Promise<Record<string, number>> {
	const db = createDb(DB_NAME);
	const t = performance.now();
	await db.open();
	const out: Record<string, number> = { open: performance.now() - t };
	const now = Date.now();
	const today = Math.floor(now / DAY);
	const steps: [string, () => Promise<unknown>][] = [
		['sections', () => statsRepo(db).sections()],
		['streak run', () => statsRepo(db).dayRun()],
		['itemsSeen', () => statsRepo(db).itemsSeen()],
		['recent 8', () => attemptsRepo(db).recent(8)],
		['open exam', () => examsRepo(db).inProgress()],
		['recent 1000 (drill medians)', () => attemptsRepo(db).recent(1000)],
		['reviews today', () => drillRepo(db).reviewsOn(today)],
		['cards due today', () => drillRepo(db).dueBefore(now + DAY)],
		['known card ids', () => drillRepo(db).knownIds()],
		[
			'item index fetch+parse',
			async () => readItemIndex(await (await fetch('/data/items.json')).json())
		]
	];
	for (const [name, fn] of steps) {
		const t0 = performance.now();
		await fn();
		out[name] = performance.now() - t0;
	}
	db.close();
	return out;
}
