/**
 * The daily drill without the UI: joins the pure scheduler and queue to the database. The rune
 * class in drill.svelte.ts wraps it for the page; tests drive it with a simulated clock.
 */
import type { AttemptRecord } from '../db/db.ts';
import type { AttemptsRepo, DrillRepo } from '../db/repositories.ts';
import { dayStartsAt, learnerDay } from '../srs/day.ts';
import { planFromSettings, unseenAtDayStart, type ExamPlan } from '../srs/plan.ts';
import { buildQueue, sectionWeakness, type DrillItem } from '../srs/queue.ts';
import {
	cardKind,
	makeFsrs,
	median,
	ratingForAnswer,
	review,
	type CardKind,
	type Grade
} from '../srs/scheduler.ts';
import { DrillSession, type Pile, type PileCounts } from '../srs/session.ts';
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
	'itemType' | 'response' | 'score' | 'correct' | 'durationMs' | 'mistakes' | 'keyCodes'
>;

/** How many recent answers the per-section speed medians and weaknesses are taken from. */
const HISTORY = 1000;

export class DrillEngine {
	#session: DrillSession | undefined;
	#medians = new Map<string, number>();
	/** Reviews given today per item: its size is the cards drilled, its sum the reviews. */
	#today = new Map<string, number>();
	/**
	 * One scheduler per kind of card: only flashcards have same-day learning steps. Made again
	 * for each learner day, whose desired retention the exam plan may set.
	 */
	#fsrs: Record<CardKind, ReturnType<typeof makeFsrs>>;
	readonly #byId;
	/** The items of the target exam: the ones an exam plan sets out to show before the exam. */
	readonly #pool: string[];
	/** Today's plan toward the exam date, when one is set and not past. */
	#plan: ExamPlan | undefined;

	constructor(private readonly d: EngineDeps) {
		this.#fsrs = schedulers(d.settings);
		this.#byId = new Map(d.items.map((i) => [i.itemId, i]));
		this.#pool = d.items
			.filter((i) => i.exams.includes(d.settings.targetExam))
			.map((i) => i.itemId);
	}

	/** Today's plan toward the exam (new items and retention), or undefined without one. */
	get plan(): ExamPlan | undefined {
		return this.#plan;
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
		await this.#openDay(this.day);
	}

	/**
	 * Moves the session on to the learner day of `now` if the day rolled over since it was built
	 * (a drill left open past the rollover hour); true if it did. Grades call it, so each grade
	 * counts on the day it was given; the page calls it before showing the next card.
	 */
	async rollover(): Promise<boolean> {
		if (!this.#session || this.#session.day === this.day) return false;
		await this.#openDay(this.day);
		return true;
	}

	/**
	 * Opens learner day `day`: its saved session (another tab may have rolled over first), or a
	 * new queue. `carry` is a card shown before the rollover and graded after it: it heads a new
	 * queue (so undo shows it again) and, if new, takes one of the new day's new-card places.
	 */
	async #openDay(day: number, carry?: string): Promise<void> {
		const [saved, recent, reviewsToday] = await Promise.all([
			this.d.drill.session(),
			this.d.attempts.recent(HISTORY),
			this.d.drill.reviewsOn(day)
		]);
		this.#today = new Map();
		for (const r of reviewsToday) this.#today.set(r.itemId, (this.#today.get(r.itemId) ?? 0) + 1);
		this.#medians = sectionMedians(recent);
		// Without an exam date nothing here reads more than before.
		const known =
			this.d.settings.examDate === undefined ? undefined : await this.d.drill.knownIds();
		this.#plan =
			known &&
			planFromSettings(this.d.settings, day, unseenAtDayStart(this.#pool, known, reviewsToday));
		this.#fsrs = schedulers(
			this.#plan ? { ...this.d.settings, retention: this.#plan.retention } : this.d.settings
		);
		if (saved && saved.day === day) {
			this.#session = new DrillSession(saved);
			this.#session.keepOnly(new Set(this.#byId.keys()));
			if (!this.#session.knowsFresh) {
				// Saved before the counts were split: the queued items without a card are new.
				const ids = known ?? (await this.d.drill.knownIds());
				this.#session.markFresh(saved.order.filter((id) => !ids.has(id)));
			}
		} else {
			this.#session = await this.#build(
				day,
				recent,
				// A miss in practice or an exam also makes a first review; it takes no new place.
				reviewsToday.filter((r) => r.before === null && r.source === undefined).length,
				carry
			);
		}
	}

	async #build(
		day: number,
		recent: AttemptRecord[],
		newToday: number,
		carry?: string
	): Promise<DrillSession> {
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
		const carriedNew = carry !== undefined && !known.has(carry);
		// The carried card is placed by hand below, never drawn a second time as new.
		const notNew = carriedNew ? new Set([...known, carry]) : known;
		// Under an exam plan, new items come from the target exam only, or its pace would not
		// show them all in time (the draw otherwise mixes in a few from other exams); once all
		// have been seen, the others come as before.
		const poolLeft = new Set(this.#plan ? this.#pool.filter((id) => !notNew.has(id)) : []);
		const drawFrom =
			poolLeft.size > 0
				? new Set(this.d.items.map((i) => i.itemId).filter((id) => !poolLeft.has(id)))
				: notNew;
		const queue = buildQueue({
			items: this.d.items,
			candidates,
			// `known` only keeps items from being drawn as new; reviews come from `candidates`.
			known: drawFrom,
			now,
			dayEnd: this.dayEnd,
			newToday: newToday + (carriedNew ? 1 : 0),
			newPerDay: this.#plan?.newPerDay ?? this.d.settings.newPerDay,
			targetExam: target,
			weakness: sectionWeakness(history),
			seed: day,
			// Retrievability, which orders the reviews, does not depend on the steps.
			fsrs: this.#fsrs.flashcard
		});
		if (carry === undefined) return DrillSession.start(day, queue);
		return DrillSession.start(day, {
			order: [carry, ...queue.order.filter((id) => id !== carry)],
			learning: queue.learning.filter((l) => l.id !== carry),
			fresh: carriedNew ? [carry, ...queue.fresh] : queue.fresh
		});
	}

	/** The item to show now, or undefined when today's drill is done (for now). */
	current(): string | undefined {
		return this.#session?.next(this.d.clock());
	}

	/** The items that may be shown soon after the current one (see DrillSession.upcoming). */
	upcoming(n: number): string[] {
		return this.#session?.upcoming(n) ?? [];
	}

	get remaining(): number {
		return this.#session?.remaining ?? 0;
	}

	/** Cards left today: new, in learning steps, and reviews. */
	get counts(): PileCounts {
		return this.#session?.counts() ?? { new: 0, learning: 0, review: 0 };
	}

	/** The pile a card is in now (for the current card: where it came from). */
	pileOf(itemId: string): Pile | undefined {
		return this.#session?.pileOf(itemId);
	}

	/** Reviews given today (a card answered three times counts three). */
	get reviewsToday(): number {
		let n = 0;
		for (const c of this.#today.values()) n += c;
		return n;
	}

	/** Distinct cards reviewed today. */
	get cardsToday(): number {
		return this.#today.size;
	}

	/** Cards reviewed today that are done for the day (not waiting in any pile). */
	get finishedToday(): number {
		let n = 0;
		for (const id of this.#today.keys()) if (!this.#session?.pending(id)) n++;
		return n;
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

	/**
	 * Grades the current item and writes attempt, review log, card and session together. Resolves
	 * with how many learner days away the card is now due (0: it comes back today).
	 */
	async grade(itemId: string, rating: Grade, answer: AnswerFields): Promise<number> {
		const item = this.#byId.get(itemId);
		if (!item || !this.#session) throw new Error(`no drill item ${itemId}`);
		// Each grade counts on the learner day of its own moment: a card shown at 03:58 and graded
		// at 04:01 opens the new day, which it heads (and, if new, takes a new-card place of).
		// One reading of the clock decides the day and stamps the grade.
		const now = this.d.clock();
		const day = learnerDay(now, this.d.settings.dayStartHour, this.d.offset(now));
		if (this.#session.day !== day) await this.#openDay(day, itemId);
		const session = this.#session;
		const meta = { itemId, bankId: item.bankId, section: item.section };
		const f = this.#fsrs[cardKind(item.type)];
		const snapshot = session.snapshot();
		const attempt = {
			...answer,
			...meta,
			mode: 'drill' as const,
			sessionId: `drill-${session.day}`,
			at: now
		};
		let due = now;
		try {
			await this.d.drill.grade(itemId, (before) => {
				const { card, log } = review(f, before, meta, rating, now, session.day);
				due = card.due;
				session.graded(itemId, card.due, this.dayEnd, now);
				return { attempt, card, log, session: session.snapshot() };
			});
			this.#today.set(itemId, (this.#today.get(itemId) ?? 0) + 1);
			return learnerDay(due, this.d.settings.dayStartHour, this.d.offset(due)) - session.day;
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
		const left = (this.#today.get(last.itemId) ?? 1) - 1;
		if (left > 0) this.#today.set(last.itemId, left);
		else this.#today.delete(last.itemId);
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
		const poolUnseen = this.#pool.filter((id) => !known.has(id)).length;
		const tomorrow = this.#plan && planFromSettings(this.d.settings, this.day + 1, poolUnseen);
		if (!tomorrow) return { reviews, newItems: Math.min(this.d.settings.newPerDay, unseen) };
		// Under the plan, new items come from the target exam while any of it is unseen.
		return { reviews, newItems: Math.min(tomorrow.newPerDay, poolUnseen || unseen) };
	}
}

function schedulers(s: SrsSettings): Record<CardKind, ReturnType<typeof makeFsrs>> {
	return { flashcard: makeFsrs(s, 'flashcard'), scenario: makeFsrs(s, 'scenario') };
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
