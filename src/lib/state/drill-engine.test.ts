import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, type CodeDrillDb } from '../db/db';
import { attemptsRepo, drillRepo } from '../db/repositories';
import type { DrillItem } from '../srs/queue';
import { Rating, type Grade } from '../srs/scheduler';
import { DEFAULT_SRS, type SrsSettings } from '../srs/settings';
import { DrillEngine, type AnswerFields } from './drill-engine';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Sunday 22 Nov 2026 10:00 UTC; the learner's zone is UTC and the day rolls over at 04:00.
const T0 = Date.UTC(2026, 10, 22, 10, 0);

const ITEMS: DrillItem[] = Array.from({ length: 10 }, (_, i) => ({
	itemId: `i${i}`,
	bankId: 'cpc',
	section: ['em', 'surgery'][i % 2]!,
	type: 'flashcard',
	exams: ['CPC']
}));

/** The same items, every one a scenario question (multiple choice). */
const SCENARIOS: DrillItem[] = ITEMS.map((i) => ({ ...i, type: 'single-best-answer' }));

const ANSWER: AnswerFields = {
	itemType: 'flashcard',
	response: 'Good',
	score: 1,
	correct: true,
	durationMs: 3000
};

function setup(settings: Partial<SrsSettings> = {}, items = ITEMS) {
	const db = createDb('drill', { indexedDB: new IDBFactory(), IDBKeyRange });
	const clock = { now: T0 };
	const engine = () =>
		new DrillEngine({
			drill: drillRepo(db),
			attempts: attemptsRepo(db),
			items,
			settings: { ...DEFAULT_SRS, fuzz: false, newPerDay: 3, ...settings },
			clock: () => clock.now,
			offset: () => 0
		});
	return { db, clock, engine };
}

/** Grades whatever is current until the drill is done, a minute apart; returns the ids graded. */
async function drillAll(
	e: DrillEngine,
	clock: { now: number },
	rating: Grade = Rating.Easy,
	max = 50
) {
	const seen: string[] = [];
	for (let id = e.current(); id !== undefined && seen.length < max; id = e.current()) {
		await e.grade(id, rating, ANSWER);
		seen.push(id);
		clock.now += MIN;
	}
	return seen;
}

async function tables(db: CodeDrillDb) {
	return {
		cards: await db.cards.toArray(),
		reviews: await db.reviews.toArray(),
		attempts: await db.attempts.toArray(),
		settings: await db.settings.toArray()
	};
}

describe('DrillEngine', () => {
	it('holds the daily new limit across a reload', async () => {
		const { clock, engine } = setup();
		const first = engine();
		await first.open();
		const a = first.current()!;
		await first.grade(a, Rating.Easy, ANSWER);
		clock.now += MIN;

		const reloaded = engine();
		await reloaded.open();
		expect(reloaded.current()).not.toBe(a);
		const rest = await drillAll(reloaded, clock);
		expect(new Set([a, ...rest]).size).toBe(3);
		expect(reloaded.reviewsToday).toBe(3);
	});

	it('holds the limit when the queue is rebuilt from the database (no saved session)', async () => {
		const { db, clock, engine } = setup();
		const first = engine();
		await first.open();
		await drillAll(first, clock, Rating.Easy, 2);
		await db.settings.clear();
		const rebuilt = engine();
		await rebuilt.open();
		expect(await drillAll(rebuilt, clock)).toHaveLength(1);
	});

	it('does not show a card answered Good before it is due, and respects the day boundary', async () => {
		const { clock, engine } = setup({ newPerDay: 1 });
		const e = engine();
		await e.open();
		const id = e.current()!;
		await e.grade(id, Rating.Good, ANSWER); // first learning step: 10 minutes
		expect(e.current()).toBe(id); // nothing else left: shown within the learn-ahead window
		clock.now += 10 * MIN;
		await e.grade(id, Rating.Good, ANSWER); // graduates to review, due in days
		expect(e.current()).toBeUndefined();

		// 03:59 next morning is still the same learner day: nothing new.
		clock.now = Date.UTC(2026, 10, 23, 3, 59);
		const late = engine();
		await late.open();
		expect(late.current()).toBeUndefined();
		// 04:00 starts a new day: one new item, not the reviewed one (not yet due).
		clock.now = Date.UTC(2026, 10, 23, 4, 0);
		const morning = engine();
		await morning.open();
		const next = morning.current();
		expect(next).toBeDefined();
		expect(next).not.toBe(id);
	});

	it('rolls over to the new learner day between two grades at 03:55 and 04:05, without a reload', async () => {
		const { db, clock, engine } = setup({ newPerDay: 3 });
		const at = (h: number, m: number) => Date.UTC(2026, 10, 23, h, m);
		clock.now = at(3, 50);
		const e = engine();
		await e.open();
		const oldDay = e.day;
		const graded: string[] = [];
		for (const [h, m] of [
			[3, 55],
			[3, 56],
			[4, 5],
			[4, 6]
		] as const) {
			clock.now = at(h, m);
			const id = e.current();
			expect(id, `a card at ${h}:${m}`).toBeDefined();
			await e.grade(id!, Rating.Easy, ANSWER);
			graded.push(id!);
		}
		// Each grade is stamped with the learner day of its own moment.
		const reviews = await db.reviews.orderBy('id').toArray();
		expect(reviews.map((r) => r.day)).toEqual([oldDay, oldDay, oldDay + 1, oldDay + 1]);
		const attempts = await db.attempts.orderBy('id').toArray();
		expect(attempts.map((a) => a.sessionId)).toEqual(
			[oldDay, oldDay, oldDay + 1, oldDay + 1].map((d) => `drill-${d}`)
		);
		// The new day counts only its own two: one more new card today, not three on top.
		expect(e.day).toBe(oldDay + 1);
		expect([e.cardsToday, e.reviewsToday]).toEqual([2, 2]);
		expect(e.counts).toEqual({ new: 1, learning: 0, review: 0 });
		clock.now = at(4, 10);
		const more = await drillAll(e, clock);
		expect(more).toHaveLength(1);
		expect(new Set([...graded, ...more]).size).toBe(5);
		// A reload agrees: the new day's allowance is spent.
		const reloaded = engine();
		await reloaded.open();
		expect(reloaded.current()).toBeUndefined();
		expect(reloaded.cardsToday).toBe(3);
		// The last grade before a reload can still be undone; it brings that card back.
		await reloaded.undo();
		expect(reloaded.current()).toBe(more[0]);
	});

	it('a card shown before the rollover and graded after it counts on the new day, and undo brings it back', async () => {
		const { db, clock, engine } = setup({ newPerDay: 2 });
		const at = (h: number, m: number) => Date.UTC(2026, 10, 23, h, m);
		clock.now = at(3, 58);
		const e = engine();
		await e.open();
		const shown = e.current()!;
		clock.now = at(4, 1);
		await e.grade(shown, Rating.Easy, ANSWER);
		expect((await db.reviews.toArray()).map((r) => r.day)).toEqual([e.day]);
		expect(e.counts).toEqual({ new: 1, learning: 0, review: 0 });
		await e.undo();
		expect(e.current()).toBe(shown);
		expect(e.counts).toEqual({ new: 2, learning: 0, review: 0 });
		expect(await db.reviews.count()).toBe(0);
	});

	it('brings an Again card back after its learning step', async () => {
		const { clock, engine } = setup({ newPerDay: 2 });
		const e = engine();
		await e.open();
		const first = e.current()!;
		await e.grade(first, Rating.Again, ANSWER); // 1 minute step
		const second = e.current()!;
		expect(second).not.toBe(first);
		clock.now += MIN;
		expect(e.current()).toBe(first);
	});

	it('undo restores the card, the review log, the attempts and the queue exactly', async () => {
		const { db, clock, engine } = setup();
		const e = engine();
		await e.open();
		const a = e.current()!;
		await e.grade(a, Rating.Good, ANSWER);
		clock.now += 10 * MIN;
		const before = await tables(db);
		const current = e.current();
		await e.grade(current!, Rating.Again, { ...ANSWER, correct: false, score: 0 });
		expect((await tables(db)).reviews).toHaveLength(before.reviews.length + 1);

		await e.undo();
		expect(await tables(db)).toEqual(before);
		expect(e.current()).toBe(current);
		expect(e.reviewsToday).toBe(1);
		expect(e.canUndo).toBe(true);
		await e.undo();
		expect(await tables(db)).toEqual({
			cards: [],
			reviews: [],
			attempts: [],
			settings: [expect.objectContaining({ key: 'drill-session' })]
		});
	});

	it('undoes the last grade after a reload (a new engine on the same database)', async () => {
		const { db, clock, engine } = setup();
		const e = engine();
		await e.open();
		const first = e.current()!;
		await e.grade(first, Rating.Good, ANSWER);
		clock.now += MIN;
		const before = await tables(db);
		const second = e.current()!;
		await e.grade(second, Rating.Again, { ...ANSWER, correct: false, score: 0 });
		clock.now += MIN;

		const reloaded = engine();
		await reloaded.open();
		expect(reloaded.canUndo).toBe(true);
		await reloaded.undo();
		expect(await tables(db)).toEqual(before);
		expect(reloaded.current()).toBe(second);
		expect(reloaded.reviewsToday).toBe(1);
		// And the grade before it, after yet another reload.
		const again = engine();
		await again.open();
		await again.undo();
		expect(again.current()).toBe(first);
		expect(await db.reviews.count()).toBe(0);
		expect(await db.attempts.count()).toBe(0);
		expect(await db.cards.count()).toBe(0);
		expect(again.canUndo).toBe(false);
	});

	it('does not bring a wrong scenario answer back the same learner day', async () => {
		const { clock, engine } = setup({ newPerDay: 3 }, SCENARIOS);
		const e = engine();
		await e.open();
		const first = e.current()!;
		expect(await e.grade(first, Rating.Again, ANSWER)).toBe(1); // back tomorrow
		clock.now += MIN;
		const seen = [first, ...(await drillAll(e, clock, Rating.Again))];
		expect(seen).toHaveLength(3);
		expect(new Set(seen).size).toBe(3);
		// Hours later the same day, and after a reload: still nothing to do.
		clock.now = Date.UTC(2026, 10, 23, 3, 59);
		const late = engine();
		await late.open();
		expect(late.current()).toBeUndefined();
		// The next learner day they are due again (before any new item: reviews come first).
		clock.now = Date.UTC(2026, 10, 23, 4, 0);
		const tomorrow = engine();
		await tomorrow.open();
		expect(seen).toContain(tomorrow.current());
		expect(tomorrow.counts).toEqual({ new: 3, learning: 0, review: 3 });
	});

	it('shows new, learning and review counts that go down, and counts cards apart from reviews', async () => {
		const { clock, engine } = setup({ newPerDay: 3 });
		const e = engine();
		await e.open();
		expect(e.counts).toEqual({ new: 3, learning: 0, review: 0 });
		const a = e.current()!;
		expect(e.pileOf(a)).toBe('new');
		expect(await e.grade(a, Rating.Good, ANSWER)).toBe(0); // into its 10-minute step
		expect(e.counts).toEqual({ new: 2, learning: 1, review: 0 });
		expect(e.pileOf(a)).toBe('learning');
		expect([e.cardsToday, e.reviewsToday, e.finishedToday]).toEqual([1, 1, 0]);
		clock.now += MIN;

		// The counts and tallies survive a reload.
		const reloaded = engine();
		await reloaded.open();
		expect(reloaded.counts).toEqual({ new: 2, learning: 1, review: 0 });
		expect([reloaded.cardsToday, reloaded.reviewsToday]).toEqual([1, 1]);
		// Good twice on every card: three cards, six reviews.
		await drillAll(reloaded, clock, Rating.Good);
		expect(reloaded.counts).toEqual({ new: 0, learning: 0, review: 0 });
		expect([reloaded.cardsToday, reloaded.reviewsToday, reloaded.finishedToday]).toEqual([3, 6, 3]);
		await reloaded.undo();
		expect(reloaded.counts).toEqual({ new: 0, learning: 1, review: 0 });
		expect([reloaded.cardsToday, reloaded.reviewsToday, reloaded.finishedToday]).toEqual([3, 5, 2]);
	});

	it('reads a session saved before the counts and undo were kept', async () => {
		const { db, clock, engine } = setup({ newPerDay: 3 });
		const e = engine();
		await e.open();
		await e.grade(e.current()!, Rating.Good, ANSWER);
		clock.now += MIN;
		const row = await db.settings.get('drill-session');
		const { fresh, undo, ...old } = row!.value as Record<string, unknown>;
		expect([fresh, undo]).not.toContain(undefined);
		await db.settings.put({ key: 'drill-session', value: old });

		const reloaded = engine();
		await reloaded.open();
		expect(reloaded.counts).toEqual({ new: 2, learning: 1, review: 0 });
		expect(reloaded.canUndo).toBe(false);
		expect(await drillAll(reloaded, clock, Rating.Easy)).toHaveLength(3);
	});

	it('writes nothing when any part of a grade fails', async () => {
		const { db, engine } = setup();
		const e = engine();
		await e.open();
		const id = e.current()!;
		db.cards.hook('creating', () => {
			throw new Error('disk failure');
		});
		await expect(e.grade(id, Rating.Good, ANSWER)).rejects.toThrow();
		expect(await db.attempts.count()).toBe(0);
		expect(await db.reviews.count()).toBe(0);
		expect(e.current()).toBe(id);
	});

	it('rates a right but slow answer Hard against the section median', async () => {
		const { db, engine } = setup();
		const base = {
			bankId: 'cpc',
			itemType: 'single-best-answer' as const,
			mode: 'practice' as const,
			sessionId: 's',
			response: 'A',
			score: 1,
			correct: true
		};
		for (const ms of [4000, 5000, 6000])
			await db.attempts.add({
				...base,
				itemId: 'i0',
				section: 'em',
				durationMs: ms,
				at: T0 - HOUR
			});
		const e = engine();
		await e.open();
		expect(e.ratingFor('i2', true, 5500)).toBe(Rating.Hard);
		expect(e.ratingFor('i2', true, 4500)).toBe(Rating.Good);
		expect(e.ratingFor('i1', true, 60_000)).toBe(Rating.Good); // no history for surgery
		expect(e.ratingFor('i2', false, 1000)).toBe(Rating.Again);
	});

	it('forecasts tomorrow: reviews falling due during the next learner day and new items', async () => {
		const { db, clock, engine } = setup();
		const e = engine();
		await e.open();
		await drillAll(e, clock, Rating.Easy);
		const card = (await db.cards.toArray())[0]!;
		// Tomorrow's learner day runs from 23 Nov 04:00 to 24 Nov 04:00 UTC.
		await db.cards.put({ ...card, itemId: 'x1', due: Date.UTC(2026, 10, 23, 12, 0) });
		await db.cards.put({ ...card, itemId: 'x2', due: Date.UTC(2026, 10, 24, 3, 59) });
		await db.cards.put({ ...card, itemId: 'x3', due: Date.UTC(2026, 10, 24, 4, 0) });
		expect(await e.forecast()).toEqual({ reviews: 2, newItems: 3 });
	});
});

/** 30 CPC items and 10 of another exam, all scenario questions, over two sections. */
const MIXED: DrillItem[] = Array.from({ length: 40 }, (_, i) => ({
	itemId: `m${String(i).padStart(2, '0')}`,
	bankId: i < 30 ? 'cpc' : 'him',
	section: ['em', 'surgery'][i % 2]!,
	type: 'single-best-answer',
	exams: i < 30 ? ['CPC'] : ['CCA']
}));

/** Seven days from T0's date (22 Nov 2026): the plan's days in the tests below. */
const EXAM_IN_7 = '2026-11-29';
/** With 2 review-only days, 5 days bring new items: 30 CPC items make 6 a day. */
const PLAN: Partial<SrsSettings> = { newPerDay: 3, maxNewPerDay: 10, reviewDays: 2 };

describe('DrillEngine with an exam date', () => {
	it('takes the day’s new items from the plan, all of them from the target exam', async () => {
		const { clock, engine } = setup({ ...PLAN, examDate: EXAM_IN_7 }, MIXED);
		const e = engine();
		await e.open();
		expect(e.plan).toMatchObject({ daysLeft: 7, newPerDay: 6, fits: true });
		expect(e.counts.new).toBe(6);
		const seen = await drillAll(e, clock, Rating.Good);
		expect(seen).toHaveLength(6);
		for (const id of seen) expect(Number(id.slice(1)), id).toBeLessThan(30);
	});

	it('changes nothing without an exam date, or once it has passed', async () => {
		for (const examDate of [undefined, '2026-11-21']) {
			const { engine } = setup({ ...PLAN, ...(examDate ? { examDate } : {}) }, MIXED);
			const e = engine();
			await e.open();
			expect(e.plan).toBeUndefined();
			expect(e.counts.new).toBe(3);
		}
	});

	it('keeps the day’s limit when the queue is rebuilt after some new items were seen', async () => {
		const { db, clock, engine } = setup({ ...PLAN, examDate: EXAM_IN_7 }, MIXED);
		const first = engine();
		await first.open();
		await drillAll(first, clock, Rating.Good, 2);
		await db.settings.clear();
		const rebuilt = engine();
		await rebuilt.open();
		expect(rebuilt.plan?.newPerDay).toBe(6);
		expect(rebuilt.counts.new).toBe(4);
	});

	it('shows every target item by the last day that brings new ones, then only reviews', async () => {
		const { db, clock, engine } = setup({ ...PLAN, examDate: EXAM_IN_7 }, MIXED);
		const day = (n: number) => Date.UTC(2026, 10, 22 + n, 10, 0);
		for (let n = 0; n < 7; n++) {
			clock.now = day(n);
			const e = engine();
			await e.open();
			// Days 5 and 6 are the review-only days.
			expect(e.counts.new, `day ${n}`).toBe(n < 5 ? 6 : 0);
			await drillAll(e, clock, Rating.Good, 100);
		}
		const cards = await db.cards.toArray();
		expect(cards.filter((c) => c.bankId === 'cpc')).toHaveLength(30);
		expect(cards.filter((c) => c.bankId === 'him')).toHaveLength(0);
	});

	it('schedules with the plan’s higher retention as the exam nears', async () => {
		const settings = { ...PLAN, reviewDays: 0, maxRetention: 0.99 };
		const plain = setup(settings, SCENARIOS).engine();
		const planned = setup({ ...settings, examDate: '2026-11-23' }, SCENARIOS).engine();
		await plain.open();
		await planned.open();
		expect(planned.plan?.retention).toBeCloseTo(0.99 - 0.09 / 30, 10);
		const scenario = { ...ANSWER, itemType: 'single-best-answer' as const };
		const inDays = [
			await plain.grade(plain.current()!, Rating.Good, scenario),
			await planned.grade(planned.current()!, Rating.Good, scenario)
		];
		// A first right answer at retention 0.9 comes back two learner days later; near 0.99, the
		// next day.
		expect(inDays).toEqual([2, 1]);
	});

	it('forecasts tomorrow’s new items from tomorrow’s plan', async () => {
		const { clock, engine } = setup({ ...PLAN, examDate: EXAM_IN_7 }, MIXED);
		const e = engine();
		await e.open();
		await drillAll(e, clock, Rating.Good);
		// 24 CPC items left over 4 days: 6 a day.
		expect((await e.forecast()).newItems).toBe(6);
	});
});
