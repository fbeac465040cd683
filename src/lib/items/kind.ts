/**
 * What an item kind is: one folder under `src/lib/items/<type>/` holds everything about a kind
 * (its front-matter schema, its grader, how its key and a response read in one line, the codes
 * it cites, its keyboard map, and one answer component with practice, exam and review modes).
 * The registry (`registry.ts`) lists the kinds; `ItemType`, `Item` and `ItemResponse` are
 * derived from it, so a kind that is missing a part does not compile.
 *
 * This module is pure (no Svelte, no DOM): the validator, the build scripts and the unit tests
 * import the registry. The answer components are found by `views.ts` (one `Answer.svelte` per
 * kind folder).
 */
import type { CodeSetYear, CodeSets } from '../codebook/codesets.ts';
import type { CodeKey, CodeSystem, ItemBase } from '../content/types.ts';

/** How an item is answered: with feedback (practice, drill), without (an exam), or looked back on. */
export type AnswerMode = 'practice' | 'exam' | 'review';

/** A grade: 0..1 with partial credit, whether it counts as right, and the points behind it. */
export interface Grade {
	score: number;
	correct: boolean;
	/** Points earned of points possible, where a kind gives partial credit (shown as "3 of 4"). */
	earned?: number;
	possible?: number;
	/** The learner's own rating of their recall, 1-4 (a flashcard): the drill schedules by it. */
	rating?: 1 | 2 | 3 | 4;
}

/**
 * What the bank validator lends a kind to check its own front matter and sections. Every problem
 * is recorded with its file line; `build` never throws.
 */
export interface KindChecker {
	/** The front matter, already known to be a mapping. */
	readonly data: Record<string, unknown>;
	/** The body of each section the kind declares, trimmed (missing ones are already reported). */
	readonly text: Record<string, string>;
	readonly systems: CodeSystem[];
	/** The ICD-10-CM year the item was checked against. */
	readonly year: CodeSetYear;
	readonly codes: CodeSets;
	/** Records a problem at the line of a front-matter path (e.g. `['claim', 'lines', 0]`). */
	fail(path: (string | number)[], message: string): void;
	/** Records a problem at a file line. */
	failAt(line: number, message: string): void;
	/** A section's heading line, first body line and body, to report problems inside it. */
	section(title: string): { line: number; firstBodyLine: number; body: string } | undefined;
	/** A front-matter scalar exactly as written (YAML reads `00790` as 790). */
	sourceOf(path: (string | number)[]): string | undefined;
	/** Reads a `{ icd10cm, procedures, icd10pcs }` code key, checking every code. */
	codeKey(v: unknown, path: (string | number)[]): CodeKey | undefined;
	/** Fails unless `systems` lists every code system the key uses. */
	checkSystems(key: CodeKey, path?: (string | number)[]): void;
	/** Why a dotted ICD-10-CM code is not reportable (unknown, or a header); undefined if it is. */
	icdProblem(code: string): string | undefined;
	/** Why a procedure line (`99213-25`, `J1100 x4`) is not well formed or not valid. */
	procedureProblem(line: string): string | undefined;
	/** Why a modifier is not a CPT or HCPCS Level II modifier. */
	modifierProblem(modifier: string): string | undefined;
}

/** The common fields every item has, read by the validator before the kind's own. */
export type BaseFields = Omit<ItemBase, 'type'>;

/**
 * One kind of item. `I` is its item shape, `R` the response a learner gives (a plain JSON object
 * whose one top-level key names the kind of response, stored as is by practice, the drill and
 * exams).
 */
export interface ItemKind<I extends ItemBase, R extends object> {
	readonly type: I['type'];
	/** What the kind is called on screen. */
	readonly name: string;
	/** Its own front-matter fields, beside the common ones. */
	readonly fields: readonly string[];
	/** The `## ` sections its files have, in order. */
	readonly sections: readonly string[];
	/** Whether mock exams may draw it (a flashcard has nothing to score). */
	readonly examable: boolean;
	/** The FSRS card kind: a flashcard is recalled, everything else is worked. */
	readonly card: 'flashcard' | 'scenario';
	/** The chance of a right answer by guessing, for readiness (0.25 for four options). */
	readonly guessRate: number;
	/**
	 * Whether practice shows a "Check answer" button (Enter) under the answer. A flashcard has
	 * none: its rating buttons grade it.
	 */
	readonly submitButton: boolean;

	/** Checks the kind's own fields and sections and builds the item (problems go to `c`). */
	build(c: KindChecker, base: BaseFields): I;

	/** The main text a learner reads first (a scenario, a card's front): titles, search, lint. */
	prompt(item: I): string;
	/** Every text of the item a learner sees, for the code book's "used in" list and lint. */
	texts(item: I): string[];
	/** The codes the key cites (for per-code totals and the code book's "used in" list). */
	keyCodes(item: I): string[];
	/** What the item asks, for the version hash of exam reports (not the rationale). */
	asked(item: I): unknown;

	/** A fresh, blank response. */
	empty(item: I): R;
	/**
	 * A stored response read back as this kind's response, or undefined if it is not one. Reads
	 * the shapes older versions stored too (a bare letter, an array of typed codes).
	 */
	read(stored: unknown, item: I): R | undefined;
	/** Whether the response holds anything to grade. */
	answered(item: I, r: R): boolean;
	grade(item: I, r: R): Grade;
	/** The key in one line: `C`, `E11.9, 99213`, `99214 (moderate MDM)`. */
	keyText(item: I): string;
	/** The response in one line as given; an em dash when blank. */
	responseText(item: I, r: R): string;
	/** What the verdict says after grading in practice (e.g. `You chose B; the answer is C.`). */
	verdict(item: I, r: R, g: Grade): string;

	/** The key as stored with a submitted exam, so a later bank edit cannot change its report. */
	scoredKey(item: I): unknown;
	/** The item with a stored key put back (undefined if the key does not fit this item any more). */
	withKey(item: I, key: unknown): I | undefined;

	/**
	 * Keyboard map for practice, the drill and exams, for keys pressed outside text fields: a key
	 * either changes the response, asks to submit (practice only), or is not the kind's
	 * (undefined). Tab, Enter and Space on the kind's own controls work as usual on top of this.
	 */
	key(item: I, r: R, key: string): { response?: R; submit?: boolean } | undefined;
	/** Keys to show in the keyboard help, e.g. `[['1-4', 'choose an option']]`. */
	readonly keyHelp: readonly (readonly [string, string])[];
}

/** Any kind, for code that only passes kinds along. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = ItemKind<any, any>;
export type ItemOf<K> = K extends ItemKind<infer I, object> ? I : never;
export type ResponseOf<K> = K extends ItemKind<ItemBase, infer R> ? R : never;

/** Props every kind's `Answer.svelte` takes. */
export interface AnswerProps<I extends ItemBase, R extends object> {
	item: I;
	mode: AnswerMode;
	/** The learner's response (in review: what they gave; may be blank). */
	response: R;
	/** A changed response (practice and exam modes); a flashcard's rating also submits. */
	onchange: (r: R) => void;
	/** Asks practice to grade (a flashcard's rating button). */
	onsubmit?: () => void;
	/** Practice after grading: show the key against the response. Review always shows it. */
	graded?: Grade | undefined;
	/** No more changes (graded, or an exam that is over or open in another tab). */
	locked: boolean;
	/** Focus the first control when shown (practice and the drill). */
	autofocus?: boolean;
}
