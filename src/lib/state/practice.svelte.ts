/**
 * One practice sitting: the item queue, the current item's answer, and the running tally.
 * Every answer is written to `attempts` the moment it is graded.
 */
import { itemsFor } from '$lib/content/bank';
import { NO_ANSWERS, practiceOrder } from '$lib/content/order';
import type { Bank, Item } from '$lib/content/types';
import { ItemAnswer, type GradedAnswer, type SelfGrade } from './item-answer.svelte';
import { storage } from './storage.svelte';

export type Phase = 'loading' | 'answering' | 'feedback' | 'done' | 'error';
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export class PracticeSession {
	phase = $state<Phase>('loading');
	/** Why the session could not start, in plain words. */
	problem = $state<string | undefined>(undefined);
	bank = $state<Bank | undefined>(undefined);
	section = $state('mixed');
	queue = $state<Item[]>([]);
	index = $state(0);
	/** The learner's response to the current item. */
	answer = $state<ItemAnswer | undefined>(undefined);
	/** Whether the current answer reached IndexedDB. */
	saved = $state<SaveState>('idle');
	answered = $state(0);
	correct = $state(0);
	scoreSum = $state(0);

	readonly sessionId: string;

	constructor(
		private readonly clock: () => number = Date.now,
		sessionId?: string
	) {
		this.sessionId = sessionId ?? `practice-${clock().toString(36)}`;
	}

	get current(): Item | undefined {
		return this.queue[this.index];
	}

	async start(bank: Bank, section: string, seed: number): Promise<void> {
		this.bank = bank;
		this.section = section;
		const items = itemsFor(bank, section);
		if (items.length === 0) {
			this.problem = `The section "${section}" has no items in ${bank.title}.`;
			this.phase = 'error';
			return;
		}
		let answered: ReadonlySet<string> | undefined;
		try {
			answered = await storage.attempts?.answeredIds(bank.id);
		} catch (e) {
			storage.fail(e);
		}
		this.queue = practiceOrder(items, answered ?? NO_ANSWERS, seed);
		this.index = 0;
		this.#present();
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

	async selfGrade(grade: SelfGrade): Promise<void> {
		const graded = this.answer?.selfGrade(grade);
		if (graded) await this.#record(graded);
	}

	async #record(graded: GradedAnswer): Promise<void> {
		const item = this.current;
		if (!item) return;
		this.phase = 'feedback';
		this.answered++;
		this.scoreSum += graded.score;
		if (graded.correct) this.correct++;
		const repo = storage.attempts;
		if (!repo) {
			// Storage never opened (the banner already says why); the answer is graded but not kept.
			this.saved = 'failed';
			return;
		}
		this.saved = 'saving';
		try {
			await repo.add({
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
				at: this.clock()
			});
			this.saved = 'saved';
			void storage.keep();
		} catch (e) {
			this.saved = 'failed';
			storage.fail(e);
		}
	}

	next(): void {
		if (this.phase !== 'feedback') return;
		this.index++;
		this.#present();
	}

	/** Starts the same section again, unanswered items first. */
	async restart(seed: number): Promise<void> {
		if (!this.bank) return;
		this.answered = 0;
		this.correct = 0;
		this.scoreSum = 0;
		await this.start(this.bank, this.section, seed);
	}
}
