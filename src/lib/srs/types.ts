/** The stored shapes of drill state; the db module stores them, the scheduler computes them. */

/** FSRS state of one item (ts-fsrs `Card` with dates as epoch ms), written by the drill. */
export interface CardRecord {
	itemId: string;
	bankId: string;
	section: string;
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
	state: number;
	lastReview?: number;
}

/** One FSRS review log, kept for undo, statistics and later parameter fitting. */
export interface ReviewRecord {
	id?: number;
	itemId: string;
	/** ts-fsrs Rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
	rating: number;
	/** The card's state before this review (ts-fsrs log `state`). */
	state: number;
	reviewedAt: number;
	/** The learner's day (see srs/day.ts) the review counted towards. */
	day: number;
	elapsedDays: number;
	scheduledDays: number;
	/**
	 * Set when the review came from a miss in practice or a mock exam rather than the drill: such
	 * a review does not use up one of the day's new-item places.
	 */
	source?: 'practice' | 'exam';
	/** The attempt this review came from, so undo removes both. */
	attemptId?: number;
	/** The card exactly as it was before this review (null: it was new), so undo restores it. */
	before: CardRecord | null;
}
