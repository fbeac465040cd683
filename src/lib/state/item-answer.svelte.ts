/**
 * The learner's response to one item and its grade, for any item type. Practice and the drill
 * both use it; what they do with the graded answer (record it, schedule it) is theirs.
 */
import type { Item } from '$lib/content/types';
import { gradeParts, keysOf } from '$lib/grading/item';
import {
	combine,
	gradeSingleBestAnswer,
	type CodeEntryResult,
	type CodeResponse
} from '$lib/grading/grade';
import { answerMistakes, type AnswerMistakes } from '$lib/grading/mistakes';
import { asItemResponse } from '$lib/grading/stored-response';

export { keysOf };

/** Flashcard self-grades, in the order of the 1-4 keys (the same as FSRS ratings 1-4). */
export const SELF_GRADES = ['Again', 'Hard', 'Good', 'Easy'] as const;
export type SelfGrade = (typeof SELF_GRADES)[number];

export type AnswerResult =
	| { kind: 'choice'; chosen: string; correct: boolean }
	| { kind: 'codes'; parts: CodeEntryResult[]; total: CodeEntryResult }
	| { kind: 'flashcard'; grade: SelfGrade; correct: boolean };

/** What gets stored in an attempt (with the kinds of its mistakes, for the totals). */
export interface GradedAnswer extends AnswerMistakes {
	result: AnswerResult;
	response: unknown;
	score: number;
	correct: boolean;
	durationMs: number;
}

export class ItemAnswer {
	/** The chosen option letter of a single-best-answer item. */
	choice = $state<string | undefined>(undefined);
	/** Typed codes, one entry per part (a code-entry item has one part). */
	codes = $state<CodeResponse[]>([]);
	revealed = $state(false);
	result = $state<AnswerResult | undefined>(undefined);
	readonly #shownAt: number;

	constructor(
		readonly item: Item,
		private readonly clock: () => number = Date.now
	) {
		this.codes = keysOf(item).map(() => ({}));
		this.#shownAt = clock();
	}

	get graded(): boolean {
		return this.result !== undefined;
	}

	choose(letter: string): void {
		const item = this.item;
		if (this.graded || item.type !== 'single-best-answer') return;
		if (item.options.some((o) => o.letter === letter)) this.choice = letter;
	}

	reveal(): void {
		if (!this.graded && this.item.type === 'flashcard') this.revealed = true;
	}

	/** Whether `submit()` would grade something now (flashcards are graded with `selfGrade`). */
	get canSubmit(): boolean {
		if (this.graded) return false;
		if (this.item.type === 'single-best-answer') return this.choice !== undefined;
		if (this.item.type === 'flashcard') return false;
		return this.codes.some((c) => Object.values(c).some((v) => v?.trim()));
	}

	/** Grades a choice or typed codes; undefined if there is nothing to grade yet. */
	submit(): GradedAnswer | undefined {
		const item = this.item;
		if (!this.canSubmit) return undefined;
		if (item.type === 'single-best-answer' && this.choice) {
			const correct = gradeSingleBestAnswer(item.answer, this.choice);
			return this.#done(
				{ kind: 'choice', chosen: this.choice, correct },
				this.choice,
				correct ? 1 : 0,
				correct
			);
		}
		const parts = gradeParts(item, { codes: this.codes });
		const total = combine(parts);
		return this.#done(
			{ kind: 'codes', parts, total },
			$state.snapshot(this.codes),
			total.score,
			total.correct
		);
	}

	/** A flashcard, after it was revealed, graded by the learner. */
	selfGrade(grade: SelfGrade): GradedAnswer | undefined {
		if (this.graded || this.item.type !== 'flashcard' || !this.revealed) return undefined;
		const correct = grade !== 'Again';
		return this.#done({ kind: 'flashcard', grade, correct }, grade, correct ? 1 : 0, correct);
	}

	#done(result: AnswerResult, response: unknown, score: number, correct: boolean): GradedAnswer {
		this.result = result;
		return {
			...answerMistakes(this.item, asItemResponse(response)),
			result,
			response,
			score,
			correct,
			durationMs: Math.max(0, this.clock() - this.#shownAt)
		};
	}
}
