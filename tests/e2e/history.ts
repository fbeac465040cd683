/**
 * A learner's last 60 days, for e2e tests and screenshots of the pages that read history (stats,
 * home, readiness). Deterministic: the same seed, `HISTORY_NOW` and time zone give the same rows.
 *
 *   const history = await seedHistory(page); // pins the clock, writes the database
 *   await open(page, '/stats'); // the fresh load that reads it
 *
 * Built in Node from the real item index (the served `/data/items.json` and item bodies) with the
 * app's own code: drill answers go through the scheduler (`srs/scheduler.ts` `review`), every
 * answer's totals through `db/totals.ts` `addToTotals`, practice answers through `attemptsRepo`
 * and mock exams through `examsRepo.create` / `submit`, all against fake-indexeddb; the tables
 * are then dumped and written into the browser's database with raw IndexedDB. Nothing is summed
 * by hand, so the totals agree with the log exactly as the app would have written them.
 *
 * The history: banks cpc, diagnosis and billing, three sections each; on most days a drill
 * (reviews due first, then new items) and on some days practice of one section; accuracy
 * climbs from about 45% to about 85% over the 60 days, answers get faster, and one section
 * (the second of the diagnosis bank) stays weak. Three CPC mini exams, on days 20, 40 and 57:
 * the first two fail, the last passes. Code-entry and case answers carry their key codes and,
 * when wrong, a mistake, so the code and mistake totals fill in too.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
	createDb,
	type AttemptRecord,
	type CodeDrillDb,
	type ExamRecord
} from '../../src/lib/db/db';
import { attemptsRepo, examsRepo } from '../../src/lib/db/repositories';
import { addToTotals, tablesOf, TOTALS_TABLES, type OffsetOf } from '../../src/lib/db/totals';
import { filesHolding, type IndexEntry } from '../../src/lib/content/item-index';
import type { CodeKey, Item } from '../../src/lib/content/types';
import { miniOf, PRESETS } from '../../src/lib/exam/presets';
import { passes, reportedScore } from '../../src/lib/exam/score';
import { rng, shuffle } from '../../src/lib/random';
import { learnerDay } from '../../src/lib/srs/day';
import { cardKind, makeFsrs, ratingForAnswer, Rating, review } from '../../src/lib/srs/scheduler';
import { DEFAULT_SRS } from '../../src/lib/srs/settings';
import type { CardRecord } from '../../src/lib/srs/types';
import type { Mistake } from '../../src/lib/stats/types';
import { index } from './bank-data';

/** The instant the history ends: Monday 30 November 2026, 17:00 UTC. Tests pin the clock here. */
export const HISTORY_NOW = Date.UTC(2026, 10, 30, 17, 0);
export const HISTORY_DAYS = 60;
const SEED = 20261130;
const DAY = 86_400_000;

/** The banks the history answers in, and how many sections of each. */
const BANKS = ['cpc', 'diagnosis', 'billing'];
const SECTIONS_PER_BANK = 3;

/** Every table's rows, as the app's code wrote them. */
export type HistoryTables = Record<string, unknown[]>;

export interface History {
	now: number;
	/** The page's time zone the days were counted in. */
	timeZone: string;
	/** That zone's offset at an instant, as the days were counted. */
	offsetOf: OffsetOf;
	/** The sections answered, as `bank/section`; the weak one. */
	sections: string[];
	weakSection: string;
	attempts: AttemptRecord[];
	exams: ExamRecord[];
	cards: CardRecord[];
	tables: HistoryTables;
}

/** Minutes west of UTC in `timeZone` at `at`, as `Date#getTimezoneOffset` would say there. */
function offsetIn(timeZone: string): OffsetOf {
	return (at) => {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric'
		}).formatToParts(at);
		const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
		const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
		return Math.round((Math.floor(at / 60_000) * 60_000 - local) / 60_000);
	};
}

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
	const res = await request.get(url);
	if (!res.ok()) throw new Error(`${url}: HTTP ${res.status()}`);
	return (await res.json()) as T;
}

function keysOf(item: Item): CodeKey[] {
	if (item.type === 'code-entry') return [item.answer];
	if (item.type === 'case') return item.parts.map((p) => p.answer);
	return [];
}

/** A key line as its code: `99213-25` and `J1100 x4` are 99213 and J1100. */
const bareCode = (line: string) => line.split(/[-\s]/)[0]!;

/** What an answer to `item` stored, scored and (for typed codes) got right and wrong. */
function answer(item: Item, correct: boolean, next: () => number) {
	if (item.type === 'single-best-answer') {
		const wrong = item.options.map((o) => o.letter).filter((l) => l !== item.answer);
		const choice = correct ? item.answer : wrong[Math.floor(next() * wrong.length)]!;
		return { response: choice as unknown, score: correct ? 1 : 0 };
	}
	if (item.type === 'flashcard')
		return { response: correct ? 'Good' : 'Again', score: correct ? 1 : 0 };
	const keys = keysOf(item);
	const codes = keys.flatMap((k) => [...k.icd10cm, ...k.procedures, ...k.icd10pcs].map(bareCode));
	const keyCodes: Record<string, boolean> = {};
	for (const c of codes) keyCodes[c] = true;
	const mistakes: Mistake[] = [];
	// A wrong answer misses the first code: a category header for a long ICD-10-CM code (E11 for
	// E11.9), otherwise the code left out.
	const missed = correct ? undefined : codes[0];
	if (missed) {
		keyCodes[missed] = false;
		mistakes.push(
			/^[A-Z]\d/.test(missed) && missed.length > 3
				? { kind: 'header', given: missed.slice(0, 3), expected: missed }
				: { kind: 'missing', expected: missed }
		);
	}
	const response = keys.map((k) => ({
		icd10cm: k.icd10cm.map((c) => (c === missed ? c.slice(0, 3) : c)).join(', '),
		procedures: k.procedures.filter((c) => bareCode(c) !== missed).join(', '),
		icd10pcs: k.icd10pcs.join(', ')
	}));
	const right = Object.values(keyCodes).filter(Boolean).length;
	return {
		response: response as unknown,
		score: codes.length ? right / Object.keys(keyCodes).length : correct ? 1 : 0,
		keyCodes,
		mistakes: mistakes.length ? mistakes : undefined
	};
}

/** Builds the history against a fresh fake IndexedDB and returns every table's rows. */
export async function buildHistory(request: APIRequestContext, timeZone: string): Promise<History> {
	const offsetOf = offsetIn(timeZone);
	const ix = await index(request);
	const bySection = new Map<string, IndexEntry[]>();
	for (const e of ix.entries) {
		if (!BANKS.includes(e.bankId)) continue;
		const k = `${e.bankId}/${e.section}`;
		const list = bySection.get(k);
		if (list) list.push(e);
		else bySection.set(k, [e]);
	}
	const sections = BANKS.flatMap((b) =>
		[...bySection.keys()]
			.filter((k) => k.startsWith(`${b}/`) && bySection.get(k)!.length >= 20)
			.slice(0, SECTIONS_PER_BANK)
	);
	const weakSection = sections[SECTIONS_PER_BANK + 1]!;
	const pool = sections.flatMap((k) => bySection.get(k)!);
	const poolById = new Map(pool.map((e) => [e.id, e]));
	const files = filesHolding(
		ix,
		pool.map((e) => e.id)
	);
	const lists = await Promise.all(files.map((f) => getJson<Item[]>(request, f.url)));
	const items = new Map(lists.flat().map((i) => [i.id, i]));

	const db: CodeDrillDb = createDb(`history-${SEED}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	await db.open();
	const attemptsDb = attemptsRepo(db, offsetOf);
	const examsDb = examsRepo(db, offsetOf);
	const next = rng(SEED);
	const settings = DEFAULT_SRS;
	const cards = new Map<string, CardRecord>();
	// New items come in a seeded shuffle of every section, as the drill interleaves them.
	const newOrder = shuffle(pool, SEED);
	const drillScope = [db.attempts, db.reviews, db.cards, ...TOTALS_TABLES.map((t) => db.table(t))];
	const firstDay = HISTORY_NOW - (HISTORY_DAYS - 1) * DAY;

	/** Chance of a right answer on day `d` (0..59) in section `k`: rising, the weak one lower. */
	const chance = (d: number, k: string) =>
		0.45 + 0.4 * (d / (HISTORY_DAYS - 1)) - (k === weakSection ? 0.22 : 0);
	/** Seconds an answer takes: slower at first, with spread. */
	const seconds = (d: number) => Math.round((150 - d) * (0.35 + next() * 1.3));

	function attemptOf(
		e: IndexEntry,
		mode: AttemptRecord['mode'],
		sessionId: string,
		at: number,
		d: number
	) {
		const item = items.get(e.id)!;
		const correct = next() < chance(d, `${e.bankId}/${e.section}`);
		const a = answer(item, correct, next);
		const durationMs = (item.type === 'flashcard' ? 12 : seconds(d)) * 1000;
		const attempt: Omit<AttemptRecord, 'id'> = {
			itemId: e.id,
			bankId: e.bankId,
			section: e.section,
			itemType: e.type,
			mode,
			sessionId,
			response: a.response,
			score: a.score,
			correct,
			durationMs,
			at
		};
		if (a.keyCodes) attempt.keyCodes = a.keyCodes;
		if (a.mistakes) attempt.mistakes = a.mistakes;
		return attempt;
	}

	const examDays = new Map([
		[20, 0.56],
		[40, 0.64],
		[57, 0.8]
	]);
	const cpc = PRESETS.find((p) => p.id === 'CPC')!;
	const spec = miniOf(cpc);
	const examPool = pool.filter((e) => e.type === 'single-best-answer' && e.exams.includes('CPC'));

	for (let d = 0; d < HISTORY_DAYS; d++) {
		const morning = firstDay - (HISTORY_NOW % DAY) + d * DAY + 7 * 3_600_000;
		// Today's answers all lie before the pinned now (17:00 UTC).
		let at = morning + Math.floor(next() * 3) * 3_600_000;
		const day = learnerDay(at, settings.dayStartHour, offsetOf(at));

		// The drill, on about six days in seven: due cards first, then new items.
		if (d === HISTORY_DAYS - 1 || next() < 0.86) {
			const due = [...cards.values()].filter((c) => c.due <= at).map((c) => c.itemId);
			const fresh = newOrder.filter((e) => !cards.has(e.id)).slice(0, 6 + Math.floor(next() * 8));
			const order = [...due.slice(0, 60), ...fresh.map((e) => e.id)];
			for (const id of order) {
				const e = poolById.get(id)!;
				const attempt = attemptOf(e, 'drill', `drill-${day}`, at, d);
				const before = cards.get(id) ?? null;
				const rating =
					e.type === 'flashcard'
						? attempt.correct
							? Rating.Good
							: Rating.Again
						: ratingForAnswer(attempt.correct, attempt.durationMs, 90_000);
				const meta = { itemId: id, bankId: e.bankId, section: e.section };
				const r = review(makeFsrs(settings, cardKind(e.type)), before, meta, rating, at, day);
				await db.transaction('rw', drillScope, async () => {
					const attemptId = (await db.attempts.add(attempt as AttemptRecord)) as number;
					await addToTotals(tablesOf(db), [attempt], offsetOf);
					await db.reviews.add({ ...r.log, attemptId });
					await db.cards.put(r.card);
				});
				cards.set(id, r.card);
				at += attempt.durationMs + 5_000;
			}
		}

		// Practice of one section on about two days in five.
		if (next() < 0.4) {
			at += 3_600_000;
			const k = sections[Math.floor(next() * sections.length)]!;
			const list = bySection.get(k)!;
			const count = 5 + Math.floor(next() * 10);
			const start = Math.floor(next() * list.length);
			for (let n = 0; n < count; n++) {
				const e = list[(start + n) % list.length]!;
				const attempt = attemptOf(e, 'practice', `practice-${d}`, at, d);
				await attemptsDb.add(attempt);
				at += attempt.durationMs + 5_000;
			}
		}

		const examFraction = examDays.get(d);
		if (examFraction !== undefined) {
			at += 3_600_000;
			const seed = SEED + d;
			const r = rng(seed);
			const drawn = [...examPool].sort((a, b) => a.id.localeCompare(b.id));
			const itemIds = drawn
				.map((e) => ({ e, k: r() }))
				.sort((a, b) => a.k - b.k)
				.slice(0, spec.items)
				.map((x) => x.e.id);
			const id = `history-exam-${d}`;
			const startedAt = at;
			const right = Math.round(examFraction * itemIds.length);
			await examsDb.create({
				id,
				preset: spec.id,
				spec,
				seed,
				itemIds,
				areaOf: Object.fromEntries(itemIds.map((i) => [i, items.get(i)!.section])),
				answers: {},
				flags: [],
				timeMs: {},
				position: 0,
				startedAt,
				deadline: startedAt + spec.minutes * 60_000,
				lengthMs: spec.minutes * 60_000
			});
			await examsDb.submit(id, (exam) => {
				let t = startedAt;
				const attempts = itemIds.map((itemId, n) => {
					const item = items.get(itemId)!;
					const correct = n < right;
					const a = answer(item, correct, next);
					const durationMs = (60 + Math.floor(next() * 120)) * 1000;
					t += durationMs;
					exam.answers[itemId] = { choice: a.response as string };
					exam.timeMs[itemId] = durationMs;
					return {
						itemId,
						bankId: item.bankId,
						section: item.section,
						itemType: item.type,
						mode: 'exam' as const,
						sessionId: id,
						response: { choice: a.response as string },
						score: a.score,
						correct,
						durationMs,
						at: t
					};
				});
				const fraction = right / itemIds.length;
				exam.usedMs = t - startedAt;
				exam.submittedAt = t;
				exam.result = {
					points: right,
					possible: itemIds.length,
					fraction,
					reported: reportedScore(spec.pass, fraction),
					passed: passes(spec.pass, fraction)
				};
				return attempts;
			});
		}
	}

	const names = db.tables.map((t) => t.name);
	const tables: HistoryTables = {};
	for (const name of names) tables[name] = await db.table(name).toArray();
	db.close();
	return {
		now: HISTORY_NOW,
		timeZone,
		offsetOf,
		sections,
		weakSection,
		attempts: tables.attempts as AttemptRecord[],
		exams: tables.exams as ExamRecord[],
		cards: tables.cards as CardRecord[],
		tables
	};
}

/** Built once per worker and time zone: every test that seeds gets the same rows. */
const built = new Map<string, Promise<History>>();

/**
 * Pins the page's clock at `HISTORY_NOW`, opens the app once (so it creates its database) and
 * replaces every table's rows with the history's. The caller then opens the page it checks (no
 * reload here: that open is the fresh load which reads the rows). Resolves with the history, so
 * a test can compare what a page shows with the rows behind it.
 */
export async function seedHistory(page: Page): Promise<History> {
	await page.clock.setFixedTime(HISTORY_NOW);
	await page.goto('/');
	await page.waitForSelector('body[data-hydrated="true"]');
	const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
	if (!built.has(timeZone)) built.set(timeZone, buildHistory(page.request, timeZone));
	const history = await built.get(timeZone)!;
	// The app opens its database on mount: wait until its stores exist before writing into them.
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const dbs = await indexedDB.databases();
				return dbs.some((d) => d.name === 'codedrill' && (d.version ?? 0) >= 30);
			})
		)
		.toBe(true);
	await page.evaluate(async (tables) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('codedrill');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(Object.keys(tables), 'readwrite');
			for (const [name, rows] of Object.entries(tables)) {
				const store = tx.objectStore(name);
				store.clear();
				for (const row of rows) store.put(row);
			}
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, history.tables);
	return history;
}
