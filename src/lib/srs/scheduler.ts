/**
 * FSRS through ts-fsrs, on the stored card shape (`CardRecord`: dates as epoch ms).
 * Pure: every function takes `now`; ts-fsrs's fuzz is seeded from the card and review time.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { ItemType } from '../content/types.ts';
import { kindOfType } from '../items/registry.ts';
import type { CardRecord, ReviewRecord } from './types.ts';
import type { SrsSettings } from './settings.ts';

export { Rating, State };
export type { Grade };

export interface CardMeta {
	itemId: string;
	bankId: string;
	section: string;
}

/**
 * Flashcards test recall, so they keep short (re)learning steps. Scenario items (multiple choice,
 * code entry, record cases) test coding reasoning: once the key and rationale have been shown, an
 * answer minutes later tests memory of the letter or code, not the reasoning. They get no steps:
 * FSRS schedules them in whole days, so a wrong answer comes back on a later learner day, never
 * the same one, and a right one graduates at once.
 */
export type CardKind = 'flashcard' | 'scenario';

export function cardKind(type: ItemType): CardKind {
	return kindOfType(type).card;
}

export function makeFsrs(s: SrsSettings, kind: CardKind = 'flashcard'): FSRS {
	const stepped = kind === 'flashcard';
	return fsrs({
		request_retention: s.retention,
		maximum_interval: s.maxIntervalDays,
		enable_fuzz: s.fuzz,
		enable_short_term: true,
		// An empty list means no same-day steps (checked against ts-fsrs 5.4: the card goes
		// straight to Review with an interval of at least one day).
		learning_steps: stepped ? s.learningSteps : [],
		relearning_steps: stepped ? s.relearningSteps : []
	});
}

export function toFsrsCard(c: CardRecord): Card {
	return {
		due: new Date(c.due),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsedDays,
		scheduled_days: c.scheduledDays,
		learning_steps: c.learningSteps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state as State,
		last_review: c.lastReview === undefined ? undefined : new Date(c.lastReview)
	};
}

function fromFsrsCard(c: Card, meta: CardMeta): CardRecord {
	const record: CardRecord = {
		...meta,
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsedDays: c.elapsed_days,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state
	};
	if (c.last_review) record.lastReview = c.last_review.getTime();
	return record;
}

/** A card that has never been reviewed, due now. */
export function newCard(meta: CardMeta, now: number): CardRecord {
	return fromFsrsCard(createEmptyCard(new Date(now)), meta);
}

export interface Reviewed {
	card: CardRecord;
	log: Omit<ReviewRecord, 'id'>;
}

/** Applies one rating; `before` is null for an item never drilled. */
export function review(
	f: FSRS,
	before: CardRecord | null,
	meta: CardMeta,
	rating: Grade,
	now: number,
	day: number
): Reviewed {
	const start = before ?? newCard(meta, now);
	const { card, log } = f.next(toFsrsCard(start), new Date(now), rating);
	return {
		card: fromFsrsCard(card, meta),
		log: {
			itemId: meta.itemId,
			rating,
			state: log.state,
			reviewedAt: now,
			day,
			elapsedDays: log.elapsed_days,
			scheduledDays: log.scheduled_days,
			before
		}
	};
}

/** Probability of recall now, 0..1 (0 for a card never reviewed). */
export function retrievability(f: FSRS, c: CardRecord, now: number): number {
	if (c.state === State.New) return 0;
	return f.get_retrievability(toFsrsCard(c), new Date(now), false);
}

/**
 * A scenario answer becomes a rating: wrong is Again; right is Good, or Hard when it took longer
 * than the learner's median for that section (a slow right answer is a shaky one).
 */
export function ratingForAnswer(
	correct: boolean,
	durationMs: number,
	sectionMedianMs?: number
): Grade {
	if (!correct) return Rating.Again;
	if (sectionMedianMs !== undefined && durationMs > sectionMedianMs) return Rating.Hard;
	return Rating.Good;
}

export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
