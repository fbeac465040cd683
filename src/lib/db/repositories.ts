/** Every read and write the app makes, per table. Components use these, never `db` directly. */
import type { PracticeRun } from '../content/practice-run';
import type { SessionData } from '../srs/session';
import type {
	AttemptRecord,
	CardRecord,
	CodeDrillDb,
	ExamRecord,
	FlagRecord,
	ReviewRecord
} from './db';
import {
	addToTotals,
	ALL_TIME,
	DAY_RUN_KEY,
	type DayRun,
	localOffset,
	MISTAKE_EXAMPLES_KEY,
	removeFromTotals,
	TOTALS_TABLES,
	tablesOf,
	type OffsetOf,
	type TotalsTables
} from './totals';
import type { CodeTotal, DayTotal, ItemTotal, MistakeExample, MistakeKind } from '../stats/types';

/** The tables an attempt's write touches besides `attempts`: the running totals. */
const totalsOf = (db: CodeDrillDb): TotalsTables => tablesOf(db);

function totalsScope(db: CodeDrillDb) {
	return TOTALS_TABLES.map((t) => db.table(t));
}

/**
 * A wrong answer in practice or an exam puts its item into the drill: `relearn` rates the item's
 * card Again (a new card if it has none) and returns the card and the review log to write. The
 * state layer supplies it, as it holds the scheduler settings.
 */
export type Relearn = (
	attempt: Omit<AttemptRecord, 'id'>,
	before: CardRecord | null
) => { card: CardRecord; log: Omit<ReviewRecord, 'id' | 'attemptId'> };

/** Writes the card and review log of each missed attempt (inside the caller's transaction). */
async function relearnMisses(
	db: CodeDrillDb,
	attempts: readonly Omit<AttemptRecord, 'id'>[],
	ids: readonly number[],
	relearn: Relearn | undefined
): Promise<void> {
	if (!relearn) return;
	for (const [n, a] of attempts.entries()) {
		if (a.correct || a.itemType === 'flashcard') continue;
		const { card, log } = relearn(a, (await db.cards.get(a.itemId)) ?? null);
		await db.reviews.add({ ...log, attemptId: ids[n] } as ReviewRecord);
		await db.cards.put(card);
	}
}

export function attemptsRepo(db: CodeDrillDb, offsetOf: OffsetOf = localOffset) {
	return {
		/** Writes one answer and its totals; resolves with its id once it is committed. */
		add(attempt: Omit<AttemptRecord, 'id'>): Promise<number> {
			return db.transaction('rw', [db.attempts, ...totalsScope(db)], async () => {
				const id = (await db.attempts.add(attempt as AttemptRecord)) as number;
				await addToTotals(totalsOf(db), [attempt], offsetOf);
				return id;
			});
		},
		all(): Promise<AttemptRecord[]> {
			return db.attempts.orderBy('at').toArray();
		},
		/** The newest `limit` answers, through the `at` index: never the whole log. */
		recent(limit: number): Promise<AttemptRecord[]> {
			return db.attempts.orderBy('at').reverse().limit(limit).toArray();
		},
		/**
		 * The newest `limit` answers to one item, through the `itemId` index. Within one item the
		 * index is ordered by id, which is the order answers were written in.
		 */
		forItem(itemId: string, limit: number): Promise<AttemptRecord[]> {
			return db.attempts.where('itemId').equals(itemId).reverse().limit(limit).toArray();
		},
		forSession(sessionId: string): Promise<AttemptRecord[]> {
			return db.attempts.where('sessionId').equals(sessionId).sortBy('at');
		},
		/**
		 * Which of these items the learner has answered at least once: one look-up in the
		 * `itemId` index per item, all in one transaction, so the cost follows the number of items
		 * asked about, not the attempts (after two years a bank may hold 100,000 of them).
		 */
		answeredIds(itemIds: readonly string[]): Promise<Set<string>> {
			return db.transaction('r', db.attempts, async () => {
				const hits = await Promise.all(
					itemIds.map((id) => db.attempts.where('itemId').equals(id).limit(1).primaryKeys())
				);
				return new Set(itemIds.filter((_, n) => hits[n]!.length > 0));
			});
		},
		count(): Promise<number> {
			return db.attempts.count();
		}
	};
}

export function settingsRepo(db: CodeDrillDb) {
	return {
		async get<T>(key: string, fallback: T): Promise<T> {
			const row = await db.settings.get(key);
			return row === undefined ? fallback : (row.value as T);
		},
		async set(key: string, value: unknown): Promise<void> {
			await db.settings.put({ key, value });
		}
	};
}

export type AttemptsRepo = ReturnType<typeof attemptsRepo>;

/** The open practice run lives in `settings` (one record, no index needed, no schema change). */
const PRACTICE_KEY = 'practice-run';

/** Practice: the run in progress, saved with each answer and each step. */
export function practiceRepo(db: CodeDrillDb, offsetOf: OffsetOf = localOffset) {
	return {
		async run(): Promise<PracticeRun | undefined> {
			const row = await db.settings.get(PRACTICE_KEY);
			return row?.value as PracticeRun | undefined;
		},
		async save(run: PracticeRun): Promise<void> {
			await db.settings.put({ key: PRACTICE_KEY, value: run });
		},
		/**
		 * Writes an answer, its totals, the run's new tally and (for a miss) the item's drill card
		 * in one transaction, so after a crash the tally never counts an answer the log does not
		 * hold (or the other way round).
		 */
		record(
			attempt: Omit<AttemptRecord, 'id'>,
			run: PracticeRun,
			relearn?: Relearn
		): Promise<number> {
			return db.transaction(
				'rw',
				[db.attempts, db.cards, db.reviews, ...totalsScope(db)],
				async () => {
					const id = (await db.attempts.add(attempt as AttemptRecord)) as number;
					await addToTotals(totalsOf(db), [attempt], offsetOf);
					await relearnMisses(db, [attempt], [id], relearn);
					await db.settings.put({ key: PRACTICE_KEY, value: run });
					return id;
				}
			);
		}
	};
}

export type PracticeRepo = ReturnType<typeof practiceRepo>;
export type SettingsRepo = ReturnType<typeof settingsRepo>;

const SESSION_KEY = 'drill-session';

/** What one drill grade writes, all or nothing. */
export interface DrillGrade {
	attempt: Omit<AttemptRecord, 'id'>;
	card: CardRecord;
	log: Omit<ReviewRecord, 'id' | 'attemptId'>;
	session: SessionData;
}

/** The drill's reads and writes: card state, review logs and the day's session. */
export function drillRepo(db: CodeDrillDb, offsetOf: OffsetOf = localOffset) {
	return {
		/** Cards due before `t` (all that a queue for a day ending at `t` can need). */
		dueBefore(t: number): Promise<CardRecord[]> {
			return db.cards.where('due').below(t).toArray();
		},
		async knownIds(): Promise<Set<string>> {
			return new Set(await db.cards.toCollection().primaryKeys());
		},
		card(itemId: string): Promise<CardRecord | undefined> {
			return db.cards.get(itemId);
		},
		/**
		 * New items the drill introduced on learner day `day` (their first review was that day and
		 * came from the drill, not from a miss in practice or an exam).
		 */
		newOn(day: number): Promise<number> {
			return db.reviews
				.where('day')
				.equals(day)
				.filter((r) => r.before === null && r.source === undefined)
				.count();
		},
		reviewsOn(day: number): Promise<ReviewRecord[]> {
			return db.reviews.where('day').equals(day).toArray();
		},
		/** How many cards fall due in [from, to): tomorrow's forecast. */
		dueBetween(from: number, to: number): Promise<number> {
			return db.cards.where('due').between(from, to, true, false).count();
		},
		async session(): Promise<SessionData | undefined> {
			const row = await db.settings.get(SESSION_KEY);
			return row?.value as SessionData | undefined;
		},
		saveSession(session: SessionData): Promise<string> {
			return db.settings.put({ key: SESSION_KEY, value: session });
		},
		/**
		 * Reads the item's card, lets `decide` compute the grade from it (pure, synchronous), and
		 * writes the attempt, the review log, the new card state and the session, all in one
		 * transaction: a crash can never leave them out of step, and there is one round trip
		 * instead of a read followed by a write. Resolves with the review id.
		 */
		grade(itemId: string, decide: (before: CardRecord | null) => DrillGrade): Promise<number> {
			const scope = [db.attempts, db.reviews, db.cards, ...totalsScope(db)];
			return db.transaction('rw', scope, async () => {
				const g = decide((await db.cards.get(itemId)) ?? null);
				const attemptId = (await db.attempts.add(g.attempt as AttemptRecord)) as number;
				await addToTotals(totalsOf(db), [g.attempt], offsetOf);
				const reviewId = (await db.reviews.add({ ...g.log, attemptId } as ReviewRecord)) as number;
				await db.cards.put(g.card);
				await db.settings.put({ key: SESSION_KEY, value: g.session });
				return reviewId;
			});
		},
		/**
		 * Undoes one grade: the card goes back to exactly what the review log kept, the log and its
		 * attempt are deleted, and the session is restored. One transaction, like `grade`.
		 *
		 * The grade is named by its item and time (the session keeps these across a reload); it
		 * must be that item's newest review, or something else has graded the card since (another
		 * tab) and nothing is changed.
		 */
		undo(itemId: string, reviewedAt: number, session: SessionData): Promise<void> {
			const scope = [db.attempts, db.reviews, db.cards, ...totalsScope(db)];
			return db.transaction('rw', scope, async () => {
				const log = await db.reviews.where('itemId').equals(itemId).last();
				if (!log || log.reviewedAt !== reviewedAt || log.id === undefined) {
					throw new Error('That grade can no longer be undone: the card was graded again since.');
				}
				if (log.before) await db.cards.put(log.before);
				else await db.cards.delete(log.itemId);
				await db.reviews.delete(log.id);
				const attempt =
					log.attemptId === undefined ? undefined : await db.attempts.get(log.attemptId);
				if (attempt?.id !== undefined) {
					await db.attempts.delete(attempt.id);
					await removeFromTotals(totalsOf(db), attempt, offsetOf);
				}
				await db.settings.put({ key: SESSION_KEY, value: session });
			});
		}
	};
}

export type DrillRepo = ReturnType<typeof drillRepo>;

/** A write to an exam that was already submitted or abandoned (here or in another tab). */
export class ExamClosedError extends Error {
	constructor(
		id: string,
		readonly how: 'submitted' | 'abandoned' = 'submitted'
	) {
		super(`The exam ${id} has already been ${how}.`);
		this.name = 'ExamClosedError';
	}
}

function closedHow(exam: ExamRecord): 'submitted' | 'abandoned' | undefined {
	if (exam.submittedAt !== undefined) return 'submitted';
	if (exam.abandonedAt !== undefined) return 'abandoned';
	return undefined;
}

/** Mock exams: created once, changed answer by answer, closed by one submit. */
export function examsRepo(db: CodeDrillDb, offsetOf: OffsetOf = localOffset) {
	return {
		async create(exam: ExamRecord): Promise<void> {
			await db.exams.add({ ...exam, openSince: exam.startedAt });
		},
		get(id: string): Promise<ExamRecord | undefined> {
			return db.exams.get(id);
		},
		/**
		 * The newest exam neither submitted nor abandoned, if any: the last key of the `openSince`
		 * index, which holds open exams only (closing one deletes the field).
		 */
		async inProgress(): Promise<ExamRecord | undefined> {
			const open = await db.exams.orderBy('openSince').last();
			return open && closedHow(open) === undefined ? open : undefined;
		},
		/** Closed exams (submitted or abandoned), oldest first; only submitted ones have a result. */
		history(): Promise<ExamRecord[]> {
			return db.exams
				.orderBy('startedAt')
				.filter((e) => closedHow(e) !== undefined)
				.toArray();
		},
		/**
		 * Reads the exam, applies `change` and writes it back in one transaction; refuses (and
		 * writes nothing) once the exam is submitted, so a second tab cannot change a closed exam.
		 */
		update(id: string, change: (exam: ExamRecord) => void): Promise<ExamRecord> {
			return db.transaction('rw', db.exams, async () => {
				const exam = await db.exams.get(id);
				if (!exam) throw new Error(`There is no exam ${id}.`);
				const how = closedHow(exam);
				if (how) throw new ExamClosedError(id, how);
				change(exam);
				await db.exams.put(exam);
				return exam;
			});
		},
		/**
		 * Closes the exam and writes its answers as attempts, in one transaction. `close` fills in
		 * the result; if the exam was already submitted nothing is written and the stored record is
		 * returned with `submitted: false`, which is how a double submit is refused.
		 */
		submit(
			id: string,
			close: (exam: ExamRecord) => Omit<AttemptRecord, 'id'>[],
			relearn?: Relearn
		): Promise<{ exam: ExamRecord; submitted: boolean }> {
			const scope = [db.exams, db.attempts, db.cards, db.reviews, ...totalsScope(db)];
			return db.transaction('rw', scope, async () => {
				const exam = await db.exams.get(id);
				if (!exam) throw new Error(`There is no exam ${id}.`);
				if (closedHow(exam)) return { exam, submitted: false };
				const attempts = close(exam);
				delete exam.openSince;
				await db.exams.put(exam);
				const ids = (await db.attempts.bulkAdd(attempts as AttemptRecord[], {
					allKeys: true
				})) as number[];
				await addToTotals(totalsOf(db), attempts, offsetOf);
				await relearnMisses(db, attempts, ids, relearn);
				return { exam, submitted: true };
			});
		},
		/**
		 * Abandons an open exam: marks it and nothing else (no result, no attempts). Refused, with
		 * `abandoned: false` and the stored record, once the exam is submitted or already abandoned.
		 */
		abandon(id: string, now: number): Promise<{ exam: ExamRecord; abandoned: boolean }> {
			return db.transaction('rw', db.exams, async () => {
				const exam = await db.exams.get(id);
				if (!exam) throw new Error(`There is no exam ${id}.`);
				if (closedHow(exam)) return { exam, abandoned: false };
				exam.abandonedAt = now;
				delete exam.pausedAt;
				delete exam.openSince;
				await db.exams.put(exam);
				return { exam, abandoned: true };
			});
		}
	};
}

export type ExamsRepo = ReturnType<typeof examsRepo>;

/** Items the learner flagged to revisit. */
export function flagsRepo(db: CodeDrillDb) {
	return {
		/** Flags the item, or takes the flag off; resolves with whether it is now flagged. */
		async toggle(flag: FlagRecord): Promise<boolean> {
			return db.transaction('rw', db.flags, async () => {
				if (await db.flags.get(flag.itemId)) {
					await db.flags.delete(flag.itemId);
					return false;
				}
				await db.flags.put(flag);
				return true;
			});
		},
		async has(itemId: string): Promise<boolean> {
			return (await db.flags.get(itemId)) !== undefined;
		},
		/** Flagged items, newest first. */
		all(): Promise<FlagRecord[]> {
			return db.flags.orderBy('at').reverse().toArray();
		},
		count(): Promise<number> {
			return db.flags.count();
		}
	};
}

export type FlagsRepo = ReturnType<typeof flagsRepo>;

/**
 * What home and stats read: the running totals (a row per day and section, per item, per code),
 * index-backed ranges of cards, and never the attempt or review log itself.
 */
export function statsRepo(db: CodeDrillDb) {
	return {
		/** Day totals from local day `fromDay` (0 or later) on (see `db/totals.ts` for the day). */
		daysFrom(fromDay: number): Promise<DayTotal[]> {
			return db.dayTotals.where('day').aboveOrEqual(Math.max(0, fromDay)).toArray();
		},
		/** The latest run of consecutive days with answers (the streak), one settings read. */
		async dayRun(): Promise<DayRun | undefined> {
			return (await db.settings.get(DAY_RUN_KEY))?.value as DayRun | undefined;
		},
		/**
		 * Day totals over every section from local day `fromDay` on: one row a day (bank and
		 * section `*`), for figures that do not split by section (heat map, pace, mistakes).
		 */
		dailyFrom(fromDay: number): Promise<DayTotal[]> {
			return db.dailyTotals.where(':id').aboveOrEqual(Math.max(0, fromDay)).toArray();
		},
		/** Each section's all-time sums: one row per section ever answered. */
		sections(): Promise<DayTotal[]> {
			return db.dayTotals.where('day').equals(ALL_TIME).toArray();
		},
		/** One row per item ever answered: bounded by the banks, not the history. */
		items(): Promise<ItemTotal[]> {
			return db.itemTotals.toArray();
		},
		itemsOf(itemIds: readonly string[]): Promise<(ItemTotal | undefined)[]> {
			return db.itemTotals.bulkGet([...itemIds]);
		},
		itemsSeen(): Promise<number> {
			return db.itemTotals.count();
		},
		codes(): Promise<CodeTotal[]> {
			return db.codeTotals.toArray();
		},
		async mistakeExamples(): Promise<Partial<Record<MistakeKind, MistakeExample>>> {
			const row = await db.settings.get(MISTAKE_EXAMPLES_KEY);
			return (row?.value ?? {}) as Partial<Record<MistakeKind, MistakeExample>>;
		},
		/** Every card (one per item ever drilled: bounded by the banks), for retrievability. */
		cards(): Promise<CardRecord[]> {
			return db.cards.toArray();
		},
		/** Due dates of the cards due in [from, to), read from the `due` index alone. */
		async dueBetween(from: number, to: number): Promise<number[]> {
			return (await db.cards.where('due').between(from, to, true, false).keys()) as number[];
		},
		/** Cards already due at `t` (overdue included). */
		dueBefore(t: number): Promise<number> {
			return db.cards.where('due').below(t).count();
		}
	};
}

export type StatsRepo = ReturnType<typeof statsRepo>;
