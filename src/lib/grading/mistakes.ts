/**
 * What kind of mistake each wrong code of an answer was, and which of the key's codes the answer
 * got, for the running totals (`db/totals.ts`) and the stats page. Pure: takes the item and the
 * response, returns data.
 *
 * The grader already says which lines were out of order, had the wrong modifiers or units, or
 * were missed or extra. A wrong ICD-10-CM code is then paired with the missed key code it most
 * likely stood for (the closest by the code hierarchy) and judged against it:
 * header (a proper prefix of the key code: not a complete code), laterality (titles the same
 * but for the side), seventh-character (only the 7th character differs), specificity (same
 * category, other code), other-category (same chapter), other-chapter, invalid (no such
 * category, or not a code's form). PCS codes are judged by how much of the code they share.
 * CPT and HCPCS codes have no hierarchy we can ship (CPT's is the AMA's), so a wrong procedure
 * code stays a missed code and an extra one.
 */
import type { Item } from '../content/types';
import type { Mistake, MistakeKind } from '../stats/types';
import {
	ICD10CM_DOTTED,
	ICD10PCS,
	normalizeIcd10cm,
	normalizePcs,
	parseProcedureLine
} from './codes';
import { gradeCodeEntry, type CodeResponse, type GradedLine } from './grade';
import { gradeParts, isAnswered, type ItemResponse } from './item';
import outline from './icd10cm-outline.json';

/** The two fields an attempt carries for the totals; absent when there is nothing to count. */
export interface AnswerMistakes {
	mistakes?: Mistake[];
	/** Each code of the key (bare: `E11.9`, `99213`, `0SR90J9`) and whether the answer gave it. */
	keyCodes?: Record<string, boolean>;
}

/** Category (undotted) -> chapter number, from the generated outline. */
const CHAPTER = new Map<string, number>(
	outline.chapters.flatMap((cats, i) => cats.split(' ').map((c) => [c, i + 1] as const))
);

/** Undotted code -> its laterality group (codes whose titles differ only in the side). */
const SIDE_GROUP = new Map<string, number>();
outline.laterality.forEach((group, n) => {
	const [prefix, last] = group.split(':');
	const codes = last === undefined ? group.split(' ') : [...last].map((c) => prefix + c);
	for (const code of codes) SIDE_GROUP.set(code, n);
});

const undotted = (code: string) => code.replace('.', '');

/** The ICD-10-CM chapter of a code, or undefined when its category does not exist. */
export function chapterOf(code: string): number | undefined {
	return CHAPTER.get(undotted(code).slice(0, 3));
}

/**
 * Whether two codes differ only in laterality. A 7-character code whose 7th character is an
 * extension (S72.001A) is not in the table; its six-character stem is, so when the 7th
 * characters agree the stems decide.
 */
export function sameButSide(a: string, b: string): boolean {
	const x = undotted(a);
	const y = undotted(b);
	if (x === y) return false;
	const group = SIDE_GROUP.get(x);
	if (group !== undefined && group === SIDE_GROUP.get(y)) return true;
	return (
		x.length === 7 && y.length === 7 && x[6] === y[6] && sameButSide(x.slice(0, 6), y.slice(0, 6))
	);
}

/** How a wrong ICD-10-CM code relates to the key code it is compared with. */
export function classifyIcd10cm(given: string, expected: string): MistakeKind {
	const g = undotted(given);
	const e = undotted(expected);
	if (!ICD10CM_DOTTED.test(given) || chapterOf(g) === undefined) return 'invalid';
	if (g.length < e.length && e.startsWith(g)) return 'header';
	if (g.slice(0, 3) === e.slice(0, 3)) {
		if (sameButSide(g, e)) return 'laterality';
		if (g.length === 7 && e.length === 7 && g.slice(0, 6) === e.slice(0, 6))
			return 'seventh-character';
		return 'specificity';
	}
	return chapterOf(g) === chapterOf(e) ? 'other-category' : 'other-chapter';
}

/**
 * How a wrong PCS code relates to the key's: PCS has no categories, so the shared characters
 * stand in for them. Same section, body system and root operation (the code's table): a detail
 * of body part, approach, device or qualifier (specificity); same section and body system: the
 * wrong root operation (other-category); anything else is another part of PCS (other-chapter).
 */
export function classifyPcs(given: string, expected: string): MistakeKind {
	if (!ICD10PCS.test(given)) return 'invalid';
	if (given.slice(0, 3) === expected.slice(0, 3)) return 'specificity';
	if (given.slice(0, 2) === expected.slice(0, 2)) return 'other-category';
	return 'other-chapter';
}

/** How close a pairing is: lower pairs first, so a near miss finds its key code. */
const CLOSENESS: Partial<Record<MistakeKind, number>> = {
	header: 0,
	laterality: 0,
	'seventh-character': 0,
	specificity: 1,
	'other-category': 2,
	'other-chapter': 3,
	invalid: 4
};

function sharedPrefix(a: string, b: string): number {
	let n = 0;
	while (n < a.length && a[n] === b[n]) n++;
	return n;
}

/**
 * Pairs each wrong code with the missed key code it most likely meant: closest kind first, then
 * the longest shared beginning, each key code used once. What is left over is extra (or invalid,
 * when it is not a code) or missing. A key code typed twice is only extra: it meant nothing else.
 */
function pairUp(
	extras: string[],
	missing: string[],
	keyed: ReadonlySet<string>,
	classify: (given: string, expected: string) => MistakeKind,
	normalize: (code: string) => string
): Mistake[] {
	const out: Mistake[] = [];
	const wrong: string[] = [];
	for (const given of extras) {
		if (keyed.has(given)) out.push({ kind: 'extra', given });
		else wrong.push(given);
	}
	const pairs = wrong.flatMap((given, gi) =>
		missing.map((key, ei) => {
			const expected = normalize(key);
			const kind = classify(given, expected);
			return { gi, ei, kind, far: CLOSENESS[kind] ?? 5, shared: sharedPrefix(given, expected) };
		})
	);
	pairs.sort((a, b) => a.far - b.far || b.shared - a.shared || a.gi - b.gi || a.ei - b.ei);
	const usedG = new Set<number>();
	const usedE = new Set<number>();
	for (const p of pairs) {
		if (usedG.has(p.gi) || usedE.has(p.ei)) continue;
		usedG.add(p.gi);
		usedE.add(p.ei);
		out.push({ kind: p.kind, given: wrong[p.gi], expected: missing[p.ei] });
	}
	wrong.forEach((given, gi) => {
		if (!usedG.has(gi))
			out.push({ kind: classify(given, '') === 'invalid' ? 'invalid' : 'extra', given });
	});
	missing.forEach((expected, ei) => {
		if (!usedE.has(ei)) out.push({ kind: 'missing', expected });
	});
	return out;
}

/** The key code a line stands for in the code totals: bare, without modifiers or units. */
function bareCode(line: GradedLine, code: string): string {
	if (line.list === 'icd10cm') return normalizeIcd10cm(code);
	if (line.list === 'icd10pcs') return normalizePcs(code);
	return parseProcedureLine(code)?.code ?? code;
}

const LINE_KIND: Partial<Record<GradedLine['status'], MistakeKind>> = {
	'not-first': 'sequencing',
	'wrong-modifiers': 'modifier',
	'wrong-units': 'units',
	unreadable: 'invalid'
};

/** Mistakes and key codes from graded lines (one part, or every part of a case). */
export function mistakesOfLines(lines: readonly GradedLine[]): Required<AnswerMistakes> {
	const keyCodes: Record<string, boolean> = {};
	const mistakes: Mistake[] = [];
	for (const line of lines) {
		if (line.expected !== undefined) {
			// A key code counts as given when the learner gave that very code, even out of order or
			// with the wrong modifiers: those are counted as mistakes of their own kind. A code keyed
			// twice (with different modifiers) is given only if both lines were.
			const code = bareCode(line, line.expected);
			keyCodes[code] = (keyCodes[code] ?? true) && line.status !== 'missing';
		}
		const kind = LINE_KIND[line.status];
		if (kind) mistakes.push({ kind, given: line.given, expected: line.expected });
	}
	const byList = (list: GradedLine['list'], status: 'extra' | 'missing') =>
		lines.filter((l) => l.list === list && l.status === status);
	const given = (list: GradedLine['list']) => byList(list, 'extra').map((l) => l.given!);
	const missed = (list: GradedLine['list']) => byList(list, 'missing').map((l) => l.expected!);
	const keyed = (list: GradedLine['list'], normalize: (code: string) => string) =>
		new Set(lines.flatMap((l) => (l.list === list && l.expected ? [normalize(l.expected)] : [])));
	mistakes.push(
		...pairUp(
			given('icd10cm'),
			missed('icd10cm'),
			keyed('icd10cm', normalizeIcd10cm),
			classifyIcd10cm,
			normalizeIcd10cm
		),
		...pairUp(
			given('icd10pcs'),
			missed('icd10pcs'),
			keyed('icd10pcs', normalizePcs),
			classifyPcs,
			normalizePcs
		),
		...given('procedures').map((g): Mistake => ({ kind: 'extra', given: g })),
		...missed('procedures').map((e): Mistake => ({ kind: 'missing', expected: e }))
	);
	return { mistakes: dropUndefined(mistakes), keyCodes };
}

/** IndexedDB keeps `undefined` fields; a mistake without a given code should not carry one. */
function dropUndefined(mistakes: Mistake[]): Mistake[] {
	return mistakes.map((m) => {
		const out: Mistake = { kind: m.kind };
		if (m.given !== undefined) out.given = m.given;
		if (m.expected !== undefined) out.expected = m.expected;
		return out;
	});
}

const CM_TOKEN = /^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/;

/**
 * An option's text read as codes (`E11.9, Z79.84`, `43255 x2, K26.4`), or undefined when it is
 * anything else (a sentence, a number, a code inside words). ICD-10-CM codes are told apart by
 * their dot or their three characters, PCS by its seven, the rest must be procedure lines.
 */
export function optionCodes(text: string): CodeResponse | undefined {
	const out: Record<keyof CodeResponse, string[]> = { icd10cm: [], procedures: [], icd10pcs: [] };
	for (const token of text.split(',').map((t) => t.trim())) {
		if (CM_TOKEN.test(token) && (token.includes('.') || token.length === 3))
			out.icd10cm.push(token);
		else if (ICD10PCS.test(token) && !/^\d{5}/.test(token)) out.icd10pcs.push(token);
		else if (parseProcedureLine(token)) out.procedures.push(token);
		else return undefined;
	}
	return {
		icd10cm: out.icd10cm.join(', '),
		procedures: out.procedures.join(', '),
		icd10pcs: out.icd10pcs.join(', ')
	};
}

function toKey(codes: CodeResponse) {
	const list = (s: string | undefined) => (s ? s.split(', ') : []);
	return {
		icd10cm: list(codes.icd10cm),
		procedures: list(codes.procedures),
		icd10pcs: list(codes.icd10pcs)
	};
}

/**
 * The mistakes and key codes of one answer. Typed codes are graded part by part; a choice is
 * judged when both the chosen option and the key's are codes (the chosen codes as if typed
 * against the key's), and otherwise only says whether the key's codes were chosen. Flashcards
 * and blank answers have nothing to count.
 */
export function answerMistakes(item: Item, response: ItemResponse | undefined): AnswerMistakes {
	if (item.type === 'flashcard' || !response || !isAnswered(response)) return {};
	if (item.type !== 'single-best-answer') {
		if (!('codes' in response)) return {};
		return trim(mistakesOfLines(gradeParts(item, response).flatMap((p) => p.lines)));
	}
	if (!('choice' in response)) return {};
	const keyText = item.options.find((o) => o.letter === item.answer)?.text;
	const key = keyText === undefined ? undefined : optionCodes(keyText);
	if (!key) return {};
	const chosenText = item.options.find((o) => o.letter === response.choice)?.text;
	const chosen = chosenText === undefined ? undefined : optionCodes(chosenText);
	const found = mistakesOfLines(gradeCodeEntry(toKey(key), chosen ?? {}).lines);
	if (chosen && response.choice !== item.answer) return trim(found);
	// A right choice gets every key code; a choice that is not codes, none, and no kinds.
	const got = response.choice === item.answer;
	return { keyCodes: Object.fromEntries(Object.keys(found.keyCodes).map((c) => [c, got])) };
}

function trim(found: Required<AnswerMistakes>): AnswerMistakes {
	const out: AnswerMistakes = {};
	if (found.mistakes.length) out.mistakes = found.mistakes;
	if (Object.keys(found.keyCodes).length) out.keyCodes = found.keyCodes;
	return out;
}
