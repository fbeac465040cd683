/**
 * One practice sitting: the item queue, the learner's response to the current item, its grade,
 * and the running tally. Every answer is written to `attempts` the moment it is graded.
 */
import { itemsFor } from '$lib/content/bank';
import { NO_ANSWERS, practiceOrder } from '$lib/content/order';
import type { Bank, CodeKey, Item } from '$lib/content/types';
import {
	combine,
	gradeCodeEntry,
	gradeSingleBestAnswer,
	type CodeEntryResult,
	type CodeResponse
} from '$lib/grading/grade';
import { storage } from './storage.svelte';

export type Phase = 'loading' | 'answering' | 'feedback' | 'done' | 'error';

/** Flashcard self-grades, in the order of the 1-4 keys (the drill's FSRS ratings use the same). */
export const SELF_GRADES = ['Again', 'Hard', 'Good', 'Easy'] as const;
export type SelfGrade = (typeof SELF_GRADES)[number];

export type PracticeResult =
	| { kind: 'choice'; chosen: string; correct: boolean }
	| { kind: 'codes'; parts: CodeEntryResult[]; total: CodeEntryResult }
	| { kind: 'flashcard'; grade: SelfGrade; correct: boolean };

export function keysOf(item: Item): CodeKey[] {
	if (item.type === 'code-entry') return [item.answer];
	if (item.type === 'case') return item.parts.map((p) => p.answer);
	return [];
}

export class PracticeSession {
	phase = $state<Phase>('loading');
	/** Why the session could not start, in plain words. */
	problem = $state<string | undefined>(undefined);
	bank = $state<Bank | undefined>(undefined);
	section = $state('mixed');
	queue = $state<Item[]>([]);
	index = $state(0);
	/** The chosen option letter of a single-best-answer item. */
	choice = $state<string | undefined>(undefined);
	/** Typed codes, one entry per part (a code-entry item has one part). */
	codes = $state<CodeResponse[]>([]);
	revealed = $state(false);
	result = $state<PracticeResult | undefined>(undefined);
	/** Whether the current answer reached IndexedDB. */
	saved = $state<'idle' | 'saving' | 'saved' | 'failed'>('idle');
	answered = $state(0);
	correct = $state(0);
	scoreSum = $state(0);

	readonly sessionId: string;
	#shownAt = 0;

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
		this.choice = undefined;
		this.revealed = false;
		this.result = undefined;
		this.saved = 'idle';
		this.codes = item ? keysOf(item).map(() => ({})) : [];
		this.phase = item ? 'answering' : 'done';
		this.#shownAt = this.clock();
	}

	choose(letter: string): void {
		const item = this.current;
		if (this.phase !== 'answering' || item?.type !== 'single-best-answer') return;
		if (item.options.some((o) => o.letter === letter)) this.choice = letter;
	}

	reveal(): void {
		if (this.phase === 'answering' && this.current?.type === 'flashcard') this.revealed = true;
	}

	/** Whether `submit()` would grade something now. */
	get canSubmit(): boolean {
		const item = this.current;
		if (this.phase !== 'answering' || !item) return false;
		if (item.type === 'single-best-answer') return this.choice !== undefined;
		if (item.type === 'flashcard') return false; // graded with selfGrade()
		return this.codes.some((c) => Object.values(c).some((v) => v?.trim()));
	}

	async submit(): Promise<void> {
		const item = this.current;
		if (!item || !this.canSubmit) return;
		if (item.type === 'single-best-answer' && this.choice) {
			const correct = gradeSingleBestAnswer(item.answer, this.choice);
			await this.#record(
				item,
				{ kind: 'choice', chosen: this.choice, correct },
				this.choice,
				correct ? 1 : 0,
				correct
			);
		} else if (item.type === 'code-entry' || item.type === 'case') {
			const parts = keysOf(item).map((k, i) => gradeCodeEntry(k, this.codes[i] ?? {}));
			const total = combine(parts);
			const response = $state.snapshot(this.codes);
			await this.#record(
				item,
				{ kind: 'codes', parts, total },
				response,
				total.score,
				total.correct
			);
		}
	}

	async selfGrade(grade: SelfGrade): Promise<void> {
		const item = this.current;
		if (this.phase !== 'answering' || item?.type !== 'flashcard' || !this.revealed) return;
		const correct = grade !== 'Again';
		await this.#record(
			item,
			{ kind: 'flashcard', grade, correct },
			grade,
			correct ? 1 : 0,
			correct
		);
	}

	async #record(
		item: Item,
		result: PracticeResult,
		response: unknown,
		score: number,
		correct: boolean
	): Promise<void> {
		const at = this.clock();
		this.result = result;
		this.phase = 'feedback';
		this.answered++;
		this.scoreSum += score;
		if (correct) this.correct++;
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
				response,
				score,
				correct,
				durationMs: Math.max(0, at - this.#shownAt),
				at
			});
			this.saved = 'saved';
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
