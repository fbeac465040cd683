import { describe, expect, it } from 'vitest';
import { dayStartsAt, learnerDay } from './day';
import { missRelearner, relearnMiss, type Miss } from './misses';
import { makeFsrs, newCard, Rating, review, State } from './scheduler';
import { DEFAULT_SRS } from './settings';
import type { CardRecord } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// Sunday 22 Nov 2026, 10:00 UTC.
const T0 = Date.UTC(2026, 10, 22, 10, 0);
const settings = { ...DEFAULT_SRS, fuzz: false };
const meta = { itemId: 'em-001', bankId: 'cpc', section: 'em' };

function miss(o: Partial<Miss> = {}): Miss {
	return { ...meta, itemType: 'single-best-answer', at: T0, ...o };
}

/** A scenario card answered right on six growing intervals: due about a year on. */
function matureCard(): CardRecord {
	const f = makeFsrs(settings, 'scenario');
	let card = review(f, null, meta, Rating.Good, T0 - 400 * DAY, 0).card;
	for (let i = 0; i < 6; i++) card = review(f, card, meta, Rating.Good, card.due, 0).card;
	return card;
}

describe('relearnMiss', () => {
	it('gives an item never drilled a card due when the next learner day starts', () => {
		const { card, log } = relearnMiss(miss(), null, settings, 0, 'practice');
		const day = learnerDay(T0, 4, 0);
		expect(card.due).toBe(dayStartsAt(day + 1, 4, 0));
		expect(card.due).toBe(Date.UTC(2026, 10, 23, 4, 0));
		expect(card).toMatchObject({ ...meta, state: State.Review, reps: 1, lapses: 0 });
		expect(log).toMatchObject({
			itemId: 'em-001',
			rating: Rating.Again,
			state: State.New,
			reviewedAt: T0,
			day,
			before: null,
			source: 'practice'
		});
	});

	it('counts a miss after midnight towards the learner day before the rollover hour', () => {
		// 02:30 in New York (UTC-5) on 23 Nov is still the learner day of 22 Nov.
		const at = Date.UTC(2026, 10, 23, 7, 30);
		const { card, log } = relearnMiss(miss({ at }), null, settings, 300, 'exam');
		expect(log.day).toBe(learnerDay(Date.UTC(2026, 10, 22, 12), 4, 300));
		// Due at 04:00 New York time, the same morning: the next learner day.
		expect(card.due).toBe(Date.UTC(2026, 10, 23, 9, 0));
		expect(log.source).toBe('exam');
	});

	it('brings a well-known card back tomorrow, not days away as FSRS alone would', () => {
		const before = matureCard();
		expect(before.due - T0).toBeGreaterThan(100 * DAY);
		const at = before.due - 200 * DAY;
		const plain = review(makeFsrs(settings, 'scenario'), before, meta, Rating.Again, at, 0);
		expect(plain.card.due - at).toBeGreaterThan(2 * DAY);
		const { card, log } = relearnMiss(miss({ at }), before, settings, 0, 'practice');
		expect(card.due).toBe(dayStartsAt(learnerDay(at, 4, 0) + 1, 4, 0));
		expect(card.scheduledDays).toBe(1);
		expect(card.lapses).toBe(before.lapses + 1);
		expect(card.stability).toBe(plain.card.stability);
		expect(log.before).toEqual(before);
	});

	it('moves a card that was already due to tomorrow, as a lapse', () => {
		const before = matureCard();
		const at = before.due + 3 * DAY;
		const { card } = relearnMiss(miss({ at }), before, settings, 0, 'exam');
		expect(card.due).toBe(dayStartsAt(learnerDay(at, 4, 0) + 1, 4, 0));
		expect(card.due - at).toBeLessThan(DAY);
		expect(card.state).toBe(State.Review);
		expect(card.lapses).toBe(before.lapses + 1);
	});

	it('takes a card out of same-day learning steps: a scenario comes back on a later day', () => {
		// Written before scenario items lost their steps: in learning, due in ten minutes.
		const learning = review(makeFsrs(settings, 'flashcard'), null, meta, Rating.Good, T0, 0).card;
		expect(learning.state).toBe(State.Learning);
		const { card } = relearnMiss(miss({ at: T0 + MIN }), learning, settings, 0, 'practice');
		expect(card.state).toBe(State.Review);
		expect(card.due).toBe(Date.UTC(2026, 10, 23, 4, 0));
	});

	it('follows the settings: the rollover hour sets when tomorrow starts', () => {
		const late = { ...settings, dayStartHour: 0 };
		const { card } = relearnMiss(miss(), newCard(meta, T0), late, 0, 'practice');
		expect(card.due).toBe(Date.UTC(2026, 10, 23, 0, 0));
	});
});

describe('missRelearner', () => {
	it('reads the zone offset at the time of each miss', () => {
		const asked: number[] = [];
		const relearn = missRelearner(settings, (at) => (asked.push(at), 300), 'exam');
		const { card, log } = relearn(miss(), null);
		expect(asked).toEqual([T0]);
		expect(card.due).toBe(dayStartsAt(learnerDay(T0, 4, 300) + 1, 4, 300));
		expect(log.source).toBe('exam');
	});
});
