/**
 * The learner's response to one item and its grade, for any item kind. Practice and the drill
 * both use it; what they do with the graded answer (record it, schedule it) is theirs. The kind
 * (items/<type>/) says what a response is, how it is graded and which keys change it.
 */
import type { Item } from '$lib/content/types';
import type { Grade } from '$lib/items/kind';
import { kindOf, type ItemResponse } from '$lib/items/registry';
import { answerMistakes, type AnswerMistakes } from '$lib/grading/mistakes';

export { SELF_GRADES, type SelfGrade } from '$lib/items/flashcard/types';

/** What gets stored in an attempt (with the kinds of its mistakes, for the totals). */
export interface GradedAnswer extends AnswerMistakes {
	grade: Grade;
	response: ItemResponse;
	score: number;
	correct: boolean;
	durationMs: number;
}

export class ItemAnswer {
	/** The learner's response as it stands (the kind's own shape). */
	response = $state<ItemResponse>({ choice: '' });
	/** Set once graded. */
	result = $state<Grade | undefined>(undefined);
	readonly #shownAt: number;

	constructor(
		readonly item: Item,
		private readonly clock: () => number = Date.now
	) {
		this.response = kindOf(item).empty(item) as ItemResponse;
		this.#shownAt = clock();
	}

	get kind() {
		return kindOf(this.item);
	}

	get graded(): boolean {
		return this.result !== undefined;
	}

	/** Takes a changed response from the answer component; ignored once graded. */
	respond(response: ItemResponse): void {
		if (!this.graded) this.response = response;
	}

	/**
	 * A key pressed outside a text field, through the kind's keyboard map. Returns whether the
	 * key was the kind's, and whether it asks to submit (the caller submits: it records).
	 */
	press(key: string): { used: boolean; submit: boolean } {
		if (this.graded) return { used: false, submit: false };
		const act = this.kind.key(this.item, $state.snapshot(this.response), key);
		if (!act) return { used: false, submit: false };
		if (act.response) this.response = act.response as ItemResponse;
		const submit = act.submit === true && this.canSubmit;
		return { used: act.response !== undefined || submit, submit };
	}

	/** Whether `submit()` would grade something now. */
	get canSubmit(): boolean {
		return !this.graded && this.kind.answered(this.item, $state.snapshot(this.response));
	}

	/** Grades the response; undefined if there is nothing to grade yet. */
	submit(): GradedAnswer | undefined {
		if (!this.canSubmit) return undefined;
		const response = $state.snapshot(this.response) as ItemResponse;
		const grade = this.kind.grade(this.item, response);
		this.result = grade;
		return {
			...answerMistakes(this.item, response),
			grade,
			response,
			score: grade.score,
			correct: grade.correct,
			durationMs: Math.max(0, this.clock() - this.#shownAt)
		};
	}

	/**
	 * Puts a stored response back (any shape a mode once stored) and grades it again, so a
	 * reloaded page shows the verdict it showed. Returns whether it could.
	 */
	restore(stored: unknown): boolean {
		const r = this.kind.read(stored, this.item) as ItemResponse | undefined;
		if (!r) return false;
		this.response = r;
		return this.submit() !== undefined;
	}
}
