/**
 * Mock exams without the UI: start one from a preset, record answers, flags and time as they
 * happen, submit once (by the learner or by the clock). Plain TypeScript over the repository,
 * with the clock passed in, so the unit tests drive it exactly; `exam.svelte.ts` wraps it for
 * the page.
 */
import type { Item } from '$lib/content/types';
import type { AttemptRecord, ExamRecord } from '$lib/db/db';
import { ExamClosedError, type ExamsRepo, type Relearn } from '$lib/db/repositories';
import { assemble, describeShortfall, scaledMinutes, type DrawableItem } from '$lib/exam/assemble';
import type { Preset } from '$lib/exam/presets';
import { scoredRecord, scoreExam } from '$lib/exam/score';
import {
	bank,
	isOver,
	leftOnMark,
	lengthOf,
	pause,
	remainingMs,
	resume,
	startClock,
	type Mark
} from '$lib/exam/timing';
import type { ItemResponse } from '$lib/grading/item';
import { answerMistakes } from '$lib/grading/mistakes';

export interface ExamPlan {
	preset: Preset;
	itemIds: string[];
	areaOf: Record<string, string>;
	minutes: number;
	/** Plain words when the banks cannot fill the blueprint. */
	shortfall?: string;
}

/** What an exam would draw now; the picker shows it before the learner commits. */
export function planExam(
	preset: Preset,
	items: readonly DrawableItem[],
	seed: number,
	avoid: ReadonlySet<string>
): ExamPlan {
	const a = assemble(preset, items, seed, avoid);
	return {
		preset,
		itemIds: a.itemIds,
		areaOf: a.areaOf,
		minutes: scaledMinutes(preset, a.itemIds.length),
		shortfall: describeShortfall(preset, a)
	};
}

export async function startExam(
	exams: ExamsRepo,
	plan: ExamPlan,
	seed: number,
	now: number
): Promise<ExamRecord> {
	if (plan.itemIds.length === 0)
		throw new Error(`The banks have no items for the ${plan.preset.title} yet.`);
	const clock = startClock(now, plan.minutes);
	const exam: ExamRecord = {
		id: `exam-${now.toString(36)}-${(seed >>> 0).toString(36)}`,
		preset: plan.preset.id,
		spec: { ...plan.preset, minutes: plan.minutes },
		seed,
		itemIds: plan.itemIds,
		areaOf: plan.areaOf,
		answers: {},
		flags: [],
		timeMs: {},
		position: 0,
		...clock
	};
	await exams.create(exam);
	return exam;
}

export class ExamEngine {
	#exam: ExamRecord;
	/** The time left on the monotonic clock when this engine opened or resumed the exam. */
	#mark: Mark | undefined;

	constructor(
		exam: ExamRecord,
		private readonly deps: {
			exams: ExamsRepo;
			items: ReadonlyMap<string, Item>;
			/** The wall clock (Date.now): the learner may set it. */
			clock: () => number;
			/** A clock nothing can set (performance.now), read within this page's life. */
			monotonic?: () => number;
			/** Puts each missed item into the drill as the exam is submitted. */
			relearn?: Relearn;
		}
	) {
		this.#exam = exam;
		this.#setMark();
	}

	#mono(): number {
		return (this.deps.monotonic ?? (() => performance.now()))();
	}

	/** What the mark allows at monotonic instant `mono`. */
	#atMost(mono = this.#mono()): number {
		return leftOnMark(this.#mark, mono);
	}

	#setMark(): void {
		const e = this.#exam;
		this.#mark =
			e.pausedAt === undefined
				? { mono: this.#mono(), left: remainingMs(e, this.deps.clock()) }
				: undefined;
	}

	/** Time left at wall time `now` and monotonic time `mono` (by default, the clocks' own). */
	left(now = this.deps.clock(), mono = this.#mono()): number {
		return remainingMs(this.#exam, now, this.#atMost(mono));
	}

	/** Time is up by either clock (never while paused). */
	over(now = this.deps.clock(), mono = this.#mono()): boolean {
		return isOver(this.#exam, now, this.#atMost(mono));
	}

	get exam(): ExamRecord {
		return this.#exam;
	}

	get submitted(): boolean {
		return this.#exam.submittedAt !== undefined;
	}

	get abandoned(): boolean {
		return this.#exam.abandonedAt !== undefined;
	}

	/**
	 * Loads a stored exam. One whose deadline passed while the app was closed is submitted at
	 * once, with the answers it has: the clock, not the learner, ends a real exam.
	 */
	static async open(
		id: string,
		deps: ConstructorParameters<typeof ExamEngine>[1]
	): Promise<ExamEngine> {
		const exam = await deps.exams.get(id);
		if (!exam)
			throw new Error(
				'This exam is not on this device. It may have been started in another browser.'
			);
		const engine = new ExamEngine(exam, deps);
		await engine.submitIfOver();
		return engine;
	}

	/** Submits when time is up; true if this call submitted. */
	async submitIfOver(): Promise<boolean> {
		if (this.submitted || this.abandoned || !this.over()) return false;
		return this.submit(true);
	}

	answer(itemId: string, response: ItemResponse | undefined): Promise<void> {
		return this.#update((e) => {
			if (response === undefined) delete e.answers[itemId];
			else e.answers[itemId] = response;
		});
	}

	flag(itemId: string, on: boolean): Promise<void> {
		return this.#update((e) => {
			e.flags = e.flags.filter((f) => f !== itemId);
			if (on) e.flags.push(itemId);
		});
	}

	/** Adds time spent on an item (an item never takes longer than the exam) and moves on. */
	spend(itemId: string | undefined, ms: number, position: number): Promise<void> {
		return this.#update((e) => {
			if (itemId !== undefined && ms > 0)
				e.timeMs[itemId] = Math.min((e.timeMs[itemId] ?? 0) + ms, lengthOf(e));
			e.position = Math.max(0, Math.min(position, e.itemIds.length - 1));
		});
	}

	pause(): Promise<void> {
		if (!this.#exam.spec.pause) return Promise.reject(new Error('This exam cannot be paused.'));
		const now = this.deps.clock();
		const atMost = this.#atMost();
		return this.#update((e) => Object.assign(e, pause(e, now, atMost)));
	}

	async resume(): Promise<void> {
		const now = this.deps.clock();
		await this.#update((e) => {
			const next = resume(e, now);
			e.deadline = next.deadline;
			e.usedMs = next.usedMs;
			delete e.pausedAt;
		});
		this.#setMark();
	}

	/** Closes the exam and records every answered item as an attempt; false if already closed. */
	async submit(auto = false): Promise<boolean> {
		const now = this.deps.clock();
		// Each answered miss goes into the drill in the same transaction (see `deps.relearn`).
		const close: typeof this.deps.exams.submit = (id, attempts) =>
			this.deps.exams.submit(id, attempts, this.deps.relearn);
		const { exam, submitted } = await close(this.#exam.id, (e) => {
			// Scored against the bank as it is now; what was scored is kept with the exam (`scored`),
			// so the report stays the same whatever a later build changes.
			const score = scoreExam(e.spec, this.deps.items, { ...e, scored: undefined });
			e.submittedAt = auto ? Math.min(now, e.deadline) : now;
			if (auto) e.autoSubmitted = true;
			delete e.pausedAt;
			e.result = {
				points: score.points,
				possible: score.possible,
				fraction: score.fraction,
				reported: score.reported,
				passed: score.passed
			};
			e.scored = scoredRecord(this.deps.items, score);
			return score.items.flatMap((s): Omit<AttemptRecord, 'id'>[] => {
				const item = this.deps.items.get(s.itemId);
				if (!item || !s.answered) return [];
				return [
					{
						itemId: s.itemId,
						bankId: item.bankId,
						section: item.section,
						itemType: item.type,
						mode: 'exam',
						sessionId: e.id,
						response: e.answers[s.itemId],
						score: s.score,
						correct: s.correct,
						durationMs: s.timeMs,
						...answerMistakes(item, e.answers[s.itemId]),
						at: e.submittedAt ?? now
					}
				];
			});
		});
		this.#exam = exam;
		return submitted;
	}

	/**
	 * Gives the exam up: it is kept, marked abandoned, and never scored (no result, no attempts),
	 * whatever the clock says. False if it was already closed (here or in another tab).
	 */
	async abandon(): Promise<boolean> {
		const { exam, abandoned } = await this.deps.exams.abandon(this.#exam.id, this.deps.clock());
		this.#exam = exam;
		return abandoned;
	}

	/**
	 * Every change checks the clock first: an answer given after the deadline (a laptop that slept
	 * through it, before the page's timer noticed) is refused and the exam is submitted as it was.
	 */
	async #update(change: (e: ExamRecord) => void): Promise<void> {
		if (await this.submitIfOver()) throw new ExamClosedError(this.#exam.id);
		const now = this.deps.clock();
		const atMost = this.#atMost();
		this.#exam = await this.deps.exams.update(this.#exam.id, (e) => {
			// Every save banks the time used, so a reload with the clock set back gives none back.
			if (e.pausedAt === undefined) e.usedMs = bank(e, now, atMost).usedMs;
			change(e);
		});
	}
}

/** The items of the learner's most recent exam, which the next one avoids where it can. */
export function lastExamItems(history: readonly ExamRecord[]): ReadonlySet<string> {
	return new Set(history.at(-1)?.itemIds ?? []);
}
