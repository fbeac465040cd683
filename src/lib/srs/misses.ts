/**
 * A miss outside the drill (in practice or a mock exam) puts its item into the drill. Pure: the
 * attempt, the card as it was, the settings and the zone offset in; the card and review log out.
 */
import type { ItemType } from '../content/types.ts';
import { dayStartsAt, learnerDay } from './day.ts';
import { cardKind, makeFsrs, Rating, review, type Reviewed } from './scheduler.ts';
import type { SrsSettings } from './settings.ts';
import type { CardRecord } from './types.ts';

/** The parts of a wrong attempt that the drill needs. */
export interface Miss {
	itemId: string;
	bankId: string;
	section: string;
	itemType: ItemType;
	/** When the wrong answer was given (epoch ms). */
	at: number;
}

/**
 * Rates the item's card Again at the attempt's time, on the learner day that time falls in, as
 * the drill would have; the log says where the miss came from, so it does not use up one of the
 * day's new-item places.
 *
 * The answer's key and rationale were on screen moments ago, so the card is not due again today
 * (see `cardKind`: a scenario asked again minutes later tests memory of the letter). But it comes
 * back on the next learner day at the latest: FSRS alone would put a miss on a well-known card
 * days away (nine, for a card a year old), and a learner told "your misses are in the drill" looks
 * for them tomorrow. An earlier review than FSRS asks for costs nothing but a little time.
 */
export function relearnMiss(
	miss: Miss,
	before: CardRecord | null,
	settings: SrsSettings,
	offsetMinutes: number,
	source: 'practice' | 'exam'
): Reviewed & { log: Reviewed['log'] & { source: 'practice' | 'exam' } } {
	const day = learnerDay(miss.at, settings.dayStartHour, offsetMinutes);
	const meta = { itemId: miss.itemId, bankId: miss.bankId, section: miss.section };
	const f = makeFsrs(settings, cardKind(miss.itemType));
	const { card, log } = review(f, before, meta, Rating.Again, miss.at, day);
	const tomorrow = dayStartsAt(day + 1, settings.dayStartHour, offsetMinutes);
	if (card.due > tomorrow) {
		card.due = tomorrow;
		// Less than a day away; FSRS counts a next-day review as one scheduled day.
		card.scheduledDays = 1;
	}
	return { card, log: { ...log, source } };
}

/**
 * `relearnMiss` as the repositories' `Relearn` callback: the settings and the zone offset (at the
 * miss's time, as the drill reads it) are fixed when a practice answer or an exam submit is
 * written.
 */
export function missRelearner(
	settings: SrsSettings,
	offsetOf: (at: number) => number,
	source: 'practice' | 'exam'
): (miss: Miss, before: CardRecord | null) => ReturnType<typeof relearnMiss> {
	return (miss, before) => relearnMiss(miss, before, settings, offsetOf(miss.at), source);
}
