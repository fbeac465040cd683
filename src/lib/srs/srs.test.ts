import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayStartsAt, learnerDay } from './day';
import {
	buildQueue,
	interleave,
	isDue,
	MAX_RUN,
	sectionWeakness,
	type DrillItem,
	type QueueInput
} from './queue';
import { makeFsrs, median, Rating, ratingForAnswer, review, State, type Grade } from './scheduler';
import { DrillSession, UNDO_DEPTH } from './session';
import { DEFAULT_SRS, srsSettings } from './settings';
import type { CardRecord } from './types';
import type { ExamPreset } from '../content/types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// Sunday 22 Nov 2026, 10:00 UTC; the tests use UTC (offset 0) unless they say otherwise.
const T0 = Date.UTC(2026, 10, 22, 10, 0);
const settings = { ...DEFAULT_SRS, fuzz: false };
const f = makeFsrs(settings);
const meta = (itemId: string, section = 'em') => ({ itemId, bankId: 'cpc', section });

function items(n: number, sections = ['em', 'surgery', 'radiology']): DrillItem[] {
	return Array.from({ length: n }, (_, i) => ({
		itemId: `item-${String(i).padStart(3, '0')}`,
		bankId: 'cpc',
		section: sections[i % sections.length]!,
		type: 'flashcard' as const,
		exams: ['CPC'] as const
	}));
}

function queueInput(o: Partial<QueueInput>): QueueInput {
	return {
		items: items(30),
		candidates: [],
		known: new Set(),
		now: T0,
		dayEnd: dayStartsAt(learnerDay(T0, 4, 0) + 1, 4, 0),
		newToday: 0,
		newPerDay: 15,
		targetExam: 'CPC',
		weakness: new Map(),
		seed: 7,
		fsrs: f,
		...o
	};
}

/** Reviews a card through a sequence of (rating, minutes later) steps. */
function drive(steps: [Grade, number][], start = T0): { card: CardRecord; at: number } {
	let card: CardRecord | null = null;
	let at = start;
	for (const [rating, wait] of steps) {
		at += wait * MIN;
		card = review(f, card, meta('a'), rating, at, 0).card;
	}
	return { card: card!, at };
}

describe('scheduler', () => {
	it('does not show a card answered Good again before it is due', () => {
		// New -> Good (10 min step) -> Good: graduates to Review, due days later.
		const { card, at } = drive([
			[Rating.Good, 0],
			[Rating.Good, 10]
		]);
		expect(card.state).toBe(State.Review);
		expect(card.due).toBeGreaterThan(at + DAY);
		const before = card.due - 1;
		const dayEndBefore = dayStartsAt(learnerDay(before, 4, 0), 4, 0); // the start of its due day
		expect(isDue(card, at + HOUR, dayStartsAt(learnerDay(at, 4, 0) + 1, 4, 0))).toBe(false);
		expect(isDue(card, dayEndBefore - 1, dayEndBefore)).toBe(false);
		expect(isDue(card, card.due, card.due + 1)).toBe(true);
	});

	it('brings a lapsed card back within the relearning step', () => {
		const { card: reviewCard, at } = drive([
			[Rating.Good, 0],
			[Rating.Good, 10]
		]);
		const lapseAt = reviewCard.due + HOUR;
		const lapsed = review(f, reviewCard, meta('a'), Rating.Again, lapseAt, 0).card;
		expect(lapsed.state).toBe(State.Relearning);
		expect(lapsed.due).toBe(lapseAt + 10 * MIN);
		expect(lapsed.lapses).toBe(1);

		const dayEnd = lapseAt + 12 * HOUR;
		const session = DrillSession.start(0, { order: ['b'], learning: [], fresh: [] });
		session.graded('a', lapsed.due, dayEnd, lapseAt);
		expect(session.next(lapseAt + 5 * MIN)).toBe('b');
		expect(session.next(lapseAt + 10 * MIN)).toBe('a');
		expect(at).toBeLessThan(lapseAt);
	});

	it('maps a scenario answer to a rating: wrong Again, right Good, slow right Hard', () => {
		expect(ratingForAnswer(false, 1000, 5000)).toBe(Rating.Again);
		expect(ratingForAnswer(true, 4000, 5000)).toBe(Rating.Good);
		expect(ratingForAnswer(true, 6000, 5000)).toBe(Rating.Hard);
		expect(ratingForAnswer(true, 60_000)).toBe(Rating.Good);
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeUndefined();
	});

	it('logs the state before each review so it can be undone exactly', () => {
		const first = review(f, null, meta('a'), Rating.Good, T0, 3);
		expect(first.log).toMatchObject({
			itemId: 'a',
			rating: Rating.Good,
			state: State.New,
			before: null,
			day: 3
		});
		const second = review(f, first.card, meta('a'), Rating.Hard, T0 + 10 * MIN, 3);
		expect(second.log.before).toEqual(first.card);
	});

	it('sanitises stored settings', () => {
		expect(srsSettings(undefined)).toEqual(DEFAULT_SRS);
		expect(
			srsSettings({
				retention: 2,
				newPerDay: -4,
				dayStartHour: 4.4,
				targetExam: 'CCA',
				learningSteps: ['x']
			})
		).toEqual({
			...DEFAULT_SRS,
			retention: 0.99,
			newPerDay: 0,
			dayStartHour: 4,
			targetExam: 'CCA'
		});
	});
});

describe('learner day', () => {
	it('rolls over at the settable hour, in the learner zone', () => {
		const d = learnerDay(Date.UTC(2026, 10, 22, 4, 0), 4, 0);
		expect(learnerDay(Date.UTC(2026, 10, 22, 3, 59), 4, 0)).toBe(d - 1);
		expect(learnerDay(Date.UTC(2026, 10, 23, 3, 59), 4, 0)).toBe(d);
		expect(dayStartsAt(d, 4, 0)).toBe(Date.UTC(2026, 10, 22, 4, 0));
		// UTC-5 (offset 300): 4 am local is 09:00 UTC.
		expect(learnerDay(Date.UTC(2026, 10, 22, 8, 59), 4, 300)).toBe(d - 1);
		expect(learnerDay(Date.UTC(2026, 10, 22, 9, 0), 4, 300)).toBe(d);
		// Midnight rollover.
		expect(learnerDay(Date.UTC(2026, 10, 22, 0, 0), 0, 0)).toBe(d);
	});
});

describe('buildQueue', () => {
	it('puts due reviews first, lowest retrievability first, then new items up to the limit', () => {
		const longAgo = drive(
			[
				[Rating.Good, 0],
				[Rating.Good, 10]
			],
			T0 - 60 * DAY
		).card;
		const recent = drive(
			[
				[Rating.Good, 0],
				[Rating.Good, 10]
			],
			T0 - 5 * DAY
		).card;
		const weak = { ...longAgo, itemId: 'item-000' };
		const fresher = { ...recent, itemId: 'item-001', due: T0 - HOUR };
		const q = buildQueue(
			queueInput({ candidates: [fresher, weak], known: new Set(['item-000', 'item-001']) })
		);
		expect(q.order.slice(0, 2)).toEqual(['item-000', 'item-001']);
		expect(q.order).toHaveLength(2 + 15);
		expect(new Set(q.order).size).toBe(q.order.length);
	});

	it('introduces no more new items than the daily limit allows', () => {
		expect(buildQueue(queueInput({ newToday: 10 })).order).toHaveLength(5);
		expect(buildQueue(queueInput({ newToday: 15 })).order).toHaveLength(0);
		expect(buildQueue(queueInput({ newPerDay: 0 })).order).toHaveLength(0);
	});

	it('keeps the day’s new pick stable as items are introduced (a rebuilt queue continues)', () => {
		const first = buildQueue(queueInput({})).order;
		const done = first.slice(0, 5);
		const rebuilt = buildQueue(queueInput({ known: new Set(done), newToday: 5 })).order;
		expect(new Set(rebuilt)).toEqual(new Set(first.slice(5)));
	});

	it('weights new items toward the weakest section of the target exam', () => {
		const many = items(300);
		const weakness = sectionWeakness([
			...Array.from({ length: 20 }, () => ({ section: 'em', score: 1 })),
			...Array.from({ length: 20 }, () => ({ section: 'surgery', score: 0 })),
			...Array.from({ length: 20 }, () => ({ section: 'radiology', score: 1 }))
		]);
		let surgery = 0;
		for (let seed = 1; seed <= 20; seed++) {
			const q = buildQueue(queueInput({ items: many, weakness, seed, newPerDay: 30 }));
			surgery += q.order.filter(
				(id) => many.find((i) => i.itemId === id)!.section === 'surgery'
			).length;
		}
		// Uniform sampling would give a third (200 of 600); the weak section gets clearly more.
		expect(surgery).toBeGreaterThan(300);
	});

	it('prefers items of the target exam', () => {
		const mixed = items(60).map((i, n) => ({
			...i,
			exams: (n % 2 ? ['CCA'] : ['CPC']) as ExamPreset[]
		}));
		const q = buildQueue(queueInput({ items: mixed, newPerDay: 10 }));
		const cpc = q.order.filter((id) => mixed.find((i) => i.itemId === id)!.exams.includes('CPC'));
		expect(cpc.length).toBeGreaterThanOrEqual(8);
	});

	it('carries learning cards due later today into the session, not the queue', () => {
		const learningCard = {
			...review(f, null, meta('item-002', 'radiology'), Rating.Good, T0 - MIN, 0).card
		};
		const q = buildQueue(queueInput({ candidates: [learningCard], known: new Set(['item-002']) }));
		expect(q.order).not.toContain('item-002');
		expect(q.learning).toEqual([{ id: 'item-002', due: learningCard.due }]);
	});
});

describe('interleave', () => {
	it('never runs one section more than three in a row while another has items', () => {
		const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'a6', 'a7', 'a8', 'a9'];
		const out = interleave(ids, (id) => id[0]!);
		expect(out).toEqual(['a1', 'a2', 'a3', 'b1', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
	});

	it('keeps every item exactly once (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 60 }), (sections) => {
				const ids = sections.map((s, i) => `${s}${i}`);
				const out = interleave(ids, (id) => id[0]!);
				expect([...out].sort()).toEqual([...ids].sort());
				// A run longer than MAX_RUN may only happen once other sections are used up.
				for (let i = MAX_RUN; i < out.length; i++) {
					const run = out.slice(i - MAX_RUN, i + 1).map((id) => id[0]);
					if (new Set(run).size === 1) {
						const rest = out.slice(i + 1).map((id) => id[0]);
						expect(rest.every((s) => s === run[0])).toBe(true);
					}
				}
			})
		);
	});
});

describe('properties', () => {
	const grade = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);

	it('every card is due after its last review, for random review sequences', () => {
		const withFuzz = makeFsrs({ ...DEFAULT_SRS, fuzz: true });
		fc.assert(
			fc.property(
				fc.array(fc.tuple(grade, fc.integer({ min: 0, max: 400 * 24 * 60 })), {
					minLength: 1,
					maxLength: 25
				}),
				(steps) => {
					let card: CardRecord | null = null;
					let at = T0;
					for (const [rating, wait] of steps) {
						at += wait * MIN;
						card = review(withFuzz, card, meta('p'), rating, at, 0).card;
						expect(card.due).toBeGreaterThan(at);
						expect(card.lastReview).toBe(at);
					}
				}
			),
			{ numRuns: 200 }
		);
	});

	it('queue order is deterministic for a given seed', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer({ min: 0, max: 15 }), (seed, newToday) => {
				const a = buildQueue(queueInput({ seed, newToday }));
				const b = buildQueue(queueInput({ seed, newToday }));
				expect(a).toEqual(b);
			}),
			{ numRuns: 100 }
		);
	});
});

describe('DrillSession', () => {
	it('serves the queue in order, then learning cards within the learn-ahead window', () => {
		const s = DrillSession.start(1, { order: ['a', 'b'], learning: [], fresh: [] });
		expect(s.next(T0)).toBe('a');
		s.graded('a', T0 + 10 * MIN, T0 + DAY, T0);
		expect(s.next(T0)).toBe('b');
		s.graded('b', T0 + 3 * DAY, T0 + DAY, T0);
		expect(s.remaining).toBe(1);
		expect(s.next(T0)).toBe('a'); // within 20 minutes, nothing else left
		s.graded('a', T0 + 2 * DAY, T0 + DAY, T0);
		expect(s.next(T0)).toBeUndefined();
		expect(s.remaining).toBe(0);
	});

	it('names what may come next, for fetching its text ahead: learning cards, then the queue', () => {
		const s = DrillSession.start(1, { order: ['a', 'b', 'c', 'd', 'e'], learning: [], fresh: [] });
		expect(s.upcoming(2)).toEqual(['a', 'b', 'c']);
		s.graded('a', T0 + 10 * MIN, T0 + DAY, T0);
		expect(s.upcoming(2)).toEqual(['a', 'b', 'c', 'd']);
		s.graded('b', T0 + 3 * DAY, T0 + DAY, T0);
		s.graded('c', T0 + 3 * DAY, T0 + DAY, T0);
		s.graded('d', T0 + 3 * DAY, T0 + DAY, T0);
		s.graded('e', T0 + 3 * DAY, T0 + DAY, T0);
		expect(s.upcoming(2)).toEqual(['a']);
	});

	it('snapshots are deep copies', () => {
		const s = DrillSession.start(1, { order: ['a', 'b'], learning: [], fresh: [] });
		const snap = s.snapshot();
		s.graded('a', T0, T0 + DAY, T0);
		expect(snap).toEqual({ day: 1, order: ['a', 'b'], pos: 0, learning: [], fresh: [], undo: [] });
		expect(new DrillSession(snap).next(T0)).toBe('a');
	});

	it('undoes grades in reverse order, also from saved data (after a reload)', () => {
		const s = DrillSession.start(1, { order: ['a', 'b', 'c'], learning: [], fresh: [] });
		const start = s.snapshot();
		s.graded('a', T0 + 10 * MIN, T0 + DAY, T0);
		const afterA = s.snapshot();
		s.graded('b', T0 + 3 * DAY, T0 + DAY, T0 + MIN);
		s.graded('a', T0 + 2 * DAY, T0 + DAY, T0 + 11 * MIN);
		expect(s.next(T0 + 12 * MIN)).toBe('c');

		// A reload: the session comes back from what was saved, undo steps included.
		const reloaded = new DrillSession(JSON.parse(JSON.stringify(s.snapshot())));
		expect(reloaded.lastGrade).toEqual({ itemId: 'a', at: T0 + 11 * MIN });
		expect(reloaded.undo()).toBe(true);
		expect(reloaded.next(T0 + 12 * MIN)).toBe('a');
		expect(reloaded.lastGrade).toEqual({ itemId: 'b', at: T0 + MIN });
		expect(reloaded.undo()).toBe(true);
		expect(reloaded.snapshot()).toEqual(afterA);
		expect(reloaded.undo()).toBe(true);
		expect(reloaded.snapshot()).toEqual(start);
		expect(reloaded.undo()).toBe(false);
		expect(reloaded.lastGrade).toBeUndefined();
	});

	it('keeps only the last UNDO_DEPTH grades, and none once a bank change reorders the queue', () => {
		const ids = Array.from({ length: UNDO_DEPTH + 5 }, (_, i) => `i${i}`);
		const s = DrillSession.start(1, { order: ids, learning: [], fresh: [] });
		ids.forEach((id, n) => s.graded(id, T0 + 3 * DAY, T0 + DAY, T0 + n));
		expect(s.snapshot().undo).toHaveLength(UNDO_DEPTH);
		s.keepOnly(new Set(ids));
		expect(s.lastGrade).toEqual({ itemId: ids.at(-1), at: T0 + ids.length - 1 });
		s.keepOnly(new Set(ids.slice(1)));
		expect(s.lastGrade).toBeUndefined();
	});
});

describe('a day of drilling, simulated', () => {
	type Kind = 'flashcard' | 'scenario';
	const kinds: Record<string, Kind> = {
		'item-000': 'scenario',
		'item-001': 'scenario',
		'item-002': 'flashcard',
		'item-003': 'flashcard',
		'item-004': 'scenario'
	};
	const dayItems = items(5).map((i) => ({
		...i,
		type: kinds[i.itemId] === 'scenario' ? ('single-best-answer' as const) : ('flashcard' as const)
	}));
	const schedulers = {
		flashcard: makeFsrs(settings, 'flashcard'),
		scenario: makeFsrs(settings, 'scenario')
	};

	/**
	 * Drills one learner day from `start`, 30 s per card, waiting for learning cards when nothing
	 * else is left; `rate` answers each showing. Returns every showing in order, with the counts
	 * on screen just before it.
	 */
	function simulateDay(
		start: number,
		rate: (id: string, showing: number) => Grade,
		cards = new Map<string, CardRecord>()
	) {
		const day = learnerDay(start, 4, 0);
		const dayEnd = dayStartsAt(day + 1, 4, 0);
		const queue = buildQueue(
			queueInput({
				items: dayItems,
				candidates: [...cards.values()],
				known: new Set(cards.keys()),
				now: start,
				dayEnd,
				newPerDay: 5
			})
		);
		const session = DrillSession.start(day, queue);
		const shown: { id: string; at: number; counts: ReturnType<DrillSession['counts']> }[] = [];
		let now = start;
		for (let guard = 0; guard < 100; guard++) {
			let id = session.next(now);
			if (id === undefined && session.nextLearningDue !== undefined) {
				now = Math.max(now, session.nextLearningDue);
				id = session.next(now);
			}
			if (id === undefined) break;
			shown.push({ id, at: now, counts: session.counts() });
			const count = shown.filter((s) => s.id === id).length;
			const { card } = review(
				schedulers[kinds[id]!],
				cards.get(id) ?? null,
				meta(id),
				rate(id, count),
				now,
				day
			);
			cards.set(id, card);
			session.graded(id, card.due, dayEnd, now);
			now += 30_000;
		}
		return { shown, cards, session, dayEnd };
	}

	it('does not show a scenario item answered wrong again the same learner day', () => {
		// Every scenario answer is wrong; flashcards are Again once, then Good.
		const { shown, cards, dayEnd } = simulateDay(T0, (id, n) =>
			kinds[id] === 'scenario' || n === 1 ? Rating.Again : Rating.Good
		);
		const times = (id: string) => shown.filter((s) => s.id === id).length;
		for (const id of ['item-000', 'item-001', 'item-004']) {
			expect(times(id), id).toBe(1);
			// It waits for the next learner day, where it is due again.
			const card = cards.get(id)!;
			expect(card.due).toBeGreaterThanOrEqual(dayEnd);
			expect(isDue(card, dayEnd, dayStartsAt(learnerDay(dayEnd, 4, 0) + 1, 4, 0))).toBe(true);
		}
		// Flashcards keep their short steps: Again comes back within minutes, the same day.
		for (const id of ['item-002', 'item-003']) {
			const at = shown.filter((s) => s.id === id).map((s) => s.at);
			expect(at.length, id).toBeGreaterThan(1);
			expect(at[1]! - at[0]!).toBeLessThan(15 * MIN);
		}
	});

	it('does not show a scenario item answered right again the same day either', () => {
		const { shown } = simulateDay(T0, () => Rating.Good);
		for (const id of ['item-000', 'item-001', 'item-004'])
			expect(shown.filter((s) => s.id === id)).toHaveLength(1);
	});

	it('counts go down as cards leave their pile (new, learning, review)', () => {
		// Yesterday: everything answered right, so today some are reviews again.
		const yesterday = simulateDay(T0 - 3 * DAY, () => Rating.Good);
		const { shown, session } = simulateDay(T0, () => Rating.Good, yesterday.cards);
		expect(shown.length).toBeGreaterThan(0);
		const first = shown[0]!.counts;
		expect(first.new + first.learning + first.review).toBeGreaterThan(0);
		for (let i = 1; i < shown.length; i++) {
			const [a, b] = [shown[i - 1]!.counts, shown[i]!.counts];
			// Each pile only goes down, except learning, which a card enters from new or review.
			expect(b.new).toBeLessThanOrEqual(a.new);
			expect(b.review).toBeLessThanOrEqual(a.review);
			expect(b.new + b.learning + b.review).toBeLessThanOrEqual(a.new + a.learning + a.review);
		}
		expect(session.counts()).toEqual({ new: 0, learning: 0, review: 0 });
	});
});

describe('DrillSession counts', () => {
	it('counts new, learning and review cards like Anki and names the pile of each card', () => {
		const s = DrillSession.start(1, {
			order: ['n1', 'r1', 'n2'],
			learning: [{ id: 'l1', due: T0 + 5 * MIN }],
			fresh: ['n1', 'n2']
		});
		expect(s.counts()).toEqual({ new: 2, learning: 1, review: 1 });
		expect([s.pileOf('n1'), s.pileOf('r1'), s.pileOf('l1'), s.pileOf('x')]).toEqual([
			'new',
			'review',
			'learning',
			undefined
		]);
		s.graded('n1', T0 + 10 * MIN, T0 + DAY, T0); // a new flashcard enters its learning steps
		expect(s.counts()).toEqual({ new: 1, learning: 2, review: 1 });
		expect(s.pileOf('n1')).toBe('learning');
		s.graded('r1', T0 + 3 * DAY, T0 + DAY, T0 + MIN); // a review, done for today
		expect(s.counts()).toEqual({ new: 1, learning: 2, review: 0 });
		s.graded('n2', T0 + DAY + HOUR, T0 + DAY, T0 + 2 * MIN); // a scenario item: tomorrow
		expect(s.counts()).toEqual({ new: 0, learning: 2, review: 0 });
		s.graded('l1', T0 + 2 * DAY, T0 + DAY, T0 + 5 * MIN); // graduates
		expect(s.counts()).toEqual({ new: 0, learning: 1, review: 0 });
		s.undo();
		s.undo();
		expect(s.counts()).toEqual({ new: 1, learning: 2, review: 0 });
	});
});
