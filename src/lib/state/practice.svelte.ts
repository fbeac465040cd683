/**
 * One practice run: the item queue, the current item's answer, and the running tally.
 * Every answer is written to `attempts` the moment it is graded, together with the run itself
 * (order, position, tally), so a reload or a reopened tab carries on where the learner was.
 */
import { indexById, itemsFor } from '$lib/content/bank';
import { NO_ANSWERS, practiceOrder } from '$lib/content/order';
import {
	isListRunOf,
	isRunOf,
	resume,
	type PracticeRun,
	type RunList
} from '$lib/content/practice-run';
import type { Bank, Item } from '$lib/content/types';
import { localOffset } from '$lib/db/totals';
import { missRelearner } from '$lib/srs/misses';
import { srsSettings } from '$lib/srs/settings';
import { ItemAnswer, type GradedAnswer } from './item-answer.svelte';
import { storage } from './storage.svelte';

export type Phase = 'loading' | 'answering' | 'feedback' | 'done' | 'error';
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export class PracticeSession {
	phase = $state<Phase>('loading');
	/** Why the session could not start, in plain words. */
	problem = $state<string | undefined>(undefined);
	bank = $state<Bank | undefined>(undefined);
	section = $state('mixed');
	/** Set for a run over a list of items (misses, flagged items) instead of a bank's section. */
	list = $state.raw<RunList | undefined>(undefined);
	queue = $state<Item[]>([]);
	index = $state(0);
	/** The learner's response to the current item. */
	answer = $state<ItemAnswer | undefined>(undefined);
	/** Whether the current answer reached IndexedDB. */
	saved = $state<SaveState>('idle');
	answered = $state(0);
	correct = $state(0);
	scoreSum = $state(0);

	/** The run's id in the attempt log; a resumed run keeps the id it started with. */
	#sessionId = '';
	#startedAt = 0;

	constructor(private readonly clock: () => number = Date.now) {}

	get sessionId(): string {
		return this.#sessionId;
	}

	get current(): Item | undefined {
		return this.queue[this.index];
	}

	/**
	 * Opens the saved run of this bank and section if there is one (a reload, a reopened tab),
	 * else starts a new run. `fresh` (Start practice in the picker, Practice again) always starts
	 * a new run, which replaces the saved one.
	 */
	async start(bank: Bank, section: string, seed: number, fresh = false): Promise<void> {
		this.bank = bank;
		this.section = section;
		this.list = undefined;
		const items = itemsFor(bank, section);
		if (items.length === 0) {
			this.problem = `The section "${section}" has no items in ${bank.title}.`;
			this.phase = 'error';
			return;
		}
		if (!fresh && (await this.#resume(items, (run) => isRunOf(run, bank.id, section)))) return;
		let answered: ReadonlySet<string> | undefined;
		try {
			answered = await storage.attempts?.answeredIds(items.map((i) => i.id));
		} catch (e) {
			storage.fail(e);
		}
		this.#begin(practiceOrder(items, answered ?? NO_ANSWERS, seed));
		await this.#save();
	}

	/**
	 * Opens the saved run over exactly these items (a reload), else starts one that serves them
	 * in the order given; `fresh` always starts anew. The caller drops ids the banks do not know.
	 */
	async startList(items: Item[], list: RunList, fresh = false): Promise<void> {
		this.bank = undefined;
		this.section = '';
		this.list = list;
		if (items.length === 0) {
			this.problem = 'None of these items are in the question banks.';
			this.phase = 'error';
			return;
		}
		if (!fresh && (await this.#resume(items, (run) => isListRunOf(run, list.key)))) return;
		this.#begin(items);
		await this.#save();
	}

	#begin(queue: Item[]): void {
		this.queue = queue;
		this.index = 0;
		this.answered = 0;
		this.correct = 0;
		this.scoreSum = 0;
		this.#startedAt = this.clock();
		this.#sessionId = `practice-${this.#startedAt.toString(36)}`;
		this.#present();
	}

	/** Picks the saved run up, if `mine` says it is this run; false when there is none. */
	async #resume(items: Item[], mine: (run: PracticeRun | undefined) => boolean): Promise<boolean> {
		let run: PracticeRun | undefined;
		try {
			run = await storage.practice?.run();
		} catch (e) {
			storage.fail(e);
			return false;
		}
		if (!run || !mine(run)) return false;
		const back = resume(run, indexById(items));
		if (!back) return false;
		this.queue = back.queue;
		this.index = back.index;
		this.answered = run.answered;
		this.correct = run.correct;
		this.scoreSum = run.scoreSum;
		this.#sessionId = run.sessionId;
		this.#startedAt = run.startedAt;
		this.#present();
		if (back.shown !== undefined) this.#showAgain(back.shown);
		return true;
	}

	/**
	 * Puts the stored answer back into the current item and grades it again with the same grader,
	 * so the verdict shows as it did before the reload. Nothing is recorded: it already was.
	 */
	#showAgain(response: unknown): void {
		const answer = this.answer;
		if (answer?.restore(response)) {
			this.phase = 'feedback';
			this.saved = 'saved';
		}
	}

	/** The run as stored: `shown` is the answer on screen, if the current item was graded. */
	#snapshot(shown?: PracticeRun['shown']): PracticeRun | undefined {
		if (!this.bank && !this.list) return undefined;
		const run: PracticeRun = {
			...(this.list ? { list: this.list } : {}),
			sessionId: this.#sessionId,
			bankId: this.bank?.id ?? '',
			section: this.list ? '' : this.section,
			itemIds: this.queue.map((i) => i.id),
			index: this.index,
			answered: this.answered,
			correct: this.correct,
			scoreSum: this.scoreSum,
			startedAt: this.#startedAt,
			updatedAt: this.clock()
		};
		return shown ? { ...run, shown } : run;
	}

	/** Saves the run's position (a new run, a step to the next item). */
	async #save(): Promise<void> {
		const run = this.#snapshot();
		const repo = storage.practice;
		if (!run || !repo) return;
		try {
			await repo.save(run);
		} catch (e) {
			storage.fail(e);
		}
	}

	#present(): void {
		const item = this.current;
		this.answer = item ? new ItemAnswer(item, this.clock) : undefined;
		this.saved = 'idle';
		this.phase = item ? 'answering' : 'done';
	}

	async submit(): Promise<void> {
		const graded = this.answer?.submit();
		if (graded) await this.#record(graded);
	}

	async #record(graded: GradedAnswer): Promise<void> {
		const item = this.current;
		if (!item) return;
		this.phase = 'feedback';
		this.answered++;
		this.scoreSum += graded.score;
		if (graded.correct) this.correct++;
		const repo = storage.practice;
		const run = this.#snapshot({ itemId: item.id, response: graded.response });
		if (!repo || !run) {
			// Storage never opened (the banner already says why); the answer is graded but not kept.
			this.saved = 'failed';
			return;
		}
		this.saved = 'saving';
		try {
			await repo.record(
				{
					itemId: item.id,
					bankId: item.bankId,
					section: item.section,
					itemType: item.type,
					mode: 'practice',
					sessionId: this.sessionId,
					response: graded.response,
					score: graded.score,
					correct: graded.correct,
					durationMs: graded.durationMs,
					mistakes: graded.mistakes,
					keyCodes: graded.keyCodes,
					at: this.clock()
				},
				run,
				await this.#relearn()
			);
			this.saved = 'saved';
			void storage.keep();
		} catch (e) {
			this.saved = 'failed';
			storage.fail(e);
		}
	}

	/** Puts a miss into the drill, on the drill settings as they are now (read per answer). */
	async #relearn() {
		const settings = srsSettings(await storage.settings?.get('srs', undefined));
		return missRelearner(settings, localOffset, 'practice');
	}

	next(): void {
		if (this.phase !== 'feedback') return;
		this.index++;
		this.#present();
		void this.#save();
	}

	/** Starts the same section (unanswered items first) or list again as a new run. */
	async restart(seed: number): Promise<void> {
		if (this.list) await this.startList([...this.queue], this.list, true);
		else if (this.bank) await this.start(this.bank, this.section, seed, true);
	}
}
