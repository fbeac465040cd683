/**
 * The daily drill without the UI: joins the pure scheduler and queue to the database. The rune
 * class in drill.svelte.ts wraps it for the page; tests drive it with a simulated clock.
 */
import type { AttemptRecord } from '../db/db.ts';
import type { AttemptsRepo, DrillRepo } from '../db/repositories.ts';
import { dayStartsAt, learnerDay } from '../srs/day.ts';
import { buildQueue, sectionWeakness, type DrillItem } from '../srs/queue.ts';
import { makeFsrs, median, ratingForAnswer, review, type Grade } from '../srs/scheduler.ts';
import { DrillSession } from '../srs/session.ts';
import type { SrsSettings } from '../srs/settings.ts';

export interface EngineDeps {
	drill: DrillRepo;
	attempts: AttemptsRepo;
	items: readonly DrillItem[];
	settings: SrsSettings;
	clock: () => number;
	/** `Date#getTimezoneOffset` at a given instant (tests pass a constant). */
	offset: (at: number) => number;
}

/** The answer part of an attempt; the engine fills in the item, mode, session and time. */
export type AnswerFields = Pick<
	AttemptRecord,
	'itemType' | 'response' | 'score' | 'correct' | 'durationMs'
>;

/** How many recent answers the per-section speed medians and weaknesses are taken from. */
const HISTORY = 1000;

export class DrillEngine {
	#session: DrillSession | undefined;
	#medians = new Map<string, number>();
	#doneToday = 0;
	readonly #fsrs;
	readonly #byId;

	constructor(private readonly d: EngineDeps) {
		this.#fsrs = makeFsrs(d.settings);
		this.#byId = new Map(d.items.map((i) => [i.itemId, i]));
	}

	get day(): number {
		const now = this.d.clock();
		return learnerDay(now, this.d.settings.dayStartHour, this.d.offset(now));
	}

	get dayEnd(): number {
		const now = this.d.clock();
		return dayStartsAt(this.day + 1, this.d.settings.dayStartHour, this.d.offset(now));
	}

	/** Loads today's session, or builds a new queue when there is none for today. */
	async open(): Promise<void> {
		const day = this.day;
		const [saved, recent, reviewsToday] = await Promise.all([
			this.d.drill.session(),
			this.d.attempts.recent(HISTORY),
			this.d.drill.reviewsOn(day)
		]);
		this.#doneToday = reviewsToday.length;
		this.#medians = sectionMedians(recent);
		if (saved && saved.day === day) {
			this.#session = new DrillSession(saved);
			this.#session.keepOnly(new Set(this.#byId.keys()));
		} else {
			this.#session = await this.#build(
				day,
				recent,
				reviewsToday.filter((r) => r.before === null).length
			);
		}
	}

	async #build(day: number, recent: AttemptRecord[], newToday: number): Promise<DrillSession> {
		const now = this.d.clock();
		const startOfDay = dayStartsAt(day, this.d.settings.dayStartHour, this.d.offset(now));
		const target = this.d.settings.targetExam;
		// Weakness from answers before today, so the day's pick of new items stays put all day.
		const history = recent.filter(
			(a) => a.at < startOfDay && this.#byId.get(a.itemId)?.exams.includes(target)
		);
		const [candidates, known] = await Promise.all([
			this.d.drill.dueBefore(this.dayEnd),
			this.d.drill.knownIds()
		]);
		const queue = buildQueue({
			items: this.d.items,
			candidates,
			known,
			now,
			dayEnd: this.dayEnd,
			newToday,
			newPerDay: this.d.settings.newPerDay,
			targetExam: target,
			weakness: sectionWeakness(history),
			seed: day,
			fsrs: this.#fsrs
		});
		return DrillSession.start(day, queue);
	}

	/** The item to show now, or undefined when today's drill is done (for now). */
	current(): string | undefined {
		return this.#session?.next(this.d.clock());
	}

	get remaining(): number {
		return this.#session?.remaining ?? 0;
	}

	get doneToday(): number {
		return this.#doneToday;
	}

	get canUndo(): boolean {
		return this.#session?.lastGrade !== undefined;
	}

	/** When a card still in its learning steps comes back, if one does today. */
	get nextLearningDue(): number | undefined {
		return this.#session?.nextLearningDue;
	}

	/** The rating a scenario answer earns, by correctness and the learner's pace in that section. */
	ratingFor(itemId: string, correct: boolean, durationMs: number): Grade {
		const section = this.#byId.get(itemId)?.section ?? '';
		return ratingForAnswer(correct, durationMs, this.#medians.get(section));
	}

	/** Grades the current item and writes attempt, review log, card and session together. */
	async grade(itemId: string, rating: Grade, answer: AnswerFields): Promise<void> {
		const item = this.#byId.get(itemId);
		const session = this.#session;
		if (!item || !session) throw new Error(`no drill item ${itemId}`);
		const now = this.d.clock();
		const meta = { itemId, bankId: item.bankId, section: item.section };
		const snapshot = session.snapshot();
		const attempt = {
			...answer,
			...meta,
			mode: 'drill' as const,
			sessionId: `drill-${session.day}`,
			at: now
		};
		try {
			await this.d.drill.grade(itemId, (before) => {
				const { card, log } = review(this.#fsrs, before, meta, rating, now, session.day);
				session.graded(itemId, card.due, this.dayEnd, now);
				return { attempt, card, log, session: session.snapshot() };
			});
			this.#doneToday++;
		} catch (e) {
			// Nothing was written: put the session back so the item is still current.
			this.#session = new DrillSession(snapshot);
			throw e;
		}
	}

	/**
	 * Undoes the last grade: card, review log, attempt and queue position as they were. The
	 * session keeps its undo steps, so this works after a reload too.
	 */
	async undo(): Promise<void> {
		const session = this.#session;
		const last = session?.lastGrade;
		if (!session || !last) return;
		const snapshot = session.snapshot();
		session.undo();
		try {
			await this.d.drill.undo(last.itemId, last.at, session.snapshot());
		} catch (e) {
			this.#session = new DrillSession(snapshot);
			throw e;
		}
		this.#doneToday--;
	}

	/** Cards due during the next learner day, plus the new items it will introduce. */
	async forecast(): Promise<{ reviews: number; newItems: number }> {
		const end = this.dayEnd;
		const tomorrowEnd = dayStartsAt(this.day + 2, this.d.settings.dayStartHour, this.d.offset(end));
		const [reviews, known] = await Promise.all([
			this.d.drill.dueBetween(end, tomorrowEnd),
			this.d.drill.knownIds()
		]);
		const unseen = this.d.items.filter((i) => !known.has(i.itemId)).length;
		return { reviews, newItems: Math.min(this.d.settings.newPerDay, unseen) };
	}
}

/** Median answer time per section, from recent answers in any mode. */
function sectionMedians(recent: readonly AttemptRecord[]): Map<string, number> {
	const by = new Map<string, number[]>();
	for (const a of recent) {
		const list = by.get(a.section) ?? [];
		list.push(a.durationMs);
		by.set(a.section, list);
	}
	const out = new Map<string, number>();
	for (const [s, list] of by) {
		const m = median(list);
		if (m !== undefined) out.set(s, m);
	}
	return out;
}
