/**
 * Grades a stored response to any item, so exams can score long after answering. Each kind does
 * the work (items/<type>/); this module reads a stored value as the item's response first, so a
 * record written for an older version of the item (another kind, another shape) grades as blank.
 */
import type { CodeKey, Item } from '../content/types';
import type { Grade } from '../items/kind';
import { kindOf, type ItemResponse } from '../items/registry';
import { gradeCodeEntry, type CodeEntryResult, type CodeResponse } from './grade';

export type { ItemResponse };

export type ItemGrade = Grade;

/** The code keys of a typed-code item, one per part; none for other kinds. */
export function keysOf(item: Item): CodeKey[] {
	if (item.type === 'code-entry') return [item.answer];
	if (item.type === 'case') return item.parts.map((p) => p.answer);
	return [];
}

/** A stored value (any mode, any age) as this item's response; undefined if it is not one. */
export function readResponse(item: Item, stored: unknown): ItemResponse | undefined {
	return kindOf(item).read(stored, item) as ItemResponse | undefined;
}

/** Whether any string in a value is filled in: a response's answered test without its item. */
function hasText(v: unknown, depth = 0): boolean {
	if (typeof v === 'string') return v.trim() !== '';
	if (depth > 6 || !v || typeof v !== 'object') return false;
	return Object.values(v).some((x) => hasText(x, depth + 1));
}

/**
 * Whether a response holds anything to grade (an untouched code field is not an answer). With
 * the item, its kind decides; without (an item the bank has dropped), any text given counts.
 */
export function isAnswered(response: ItemResponse | undefined, item?: Item): boolean {
	if (!response) return false;
	if (!item) return hasText(response);
	const r = readResponse(item, response);
	return r !== undefined && kindOf(item).answered(item, r);
}

/**
 * The code fields of an item, one per part whatever was stored (nothing, some parts, or a choice
 * left from an older version of the item), copied so that typing never edits the stored record.
 */
export function codeFields(item: Item, response: ItemResponse | undefined): CodeResponse[] {
	const codes = response && 'codes' in response ? response.codes : [];
	return keysOf(item).map((_, i) => ({ ...codes[i] }));
}

export function gradeItem(item: Item, response: ItemResponse | undefined): ItemGrade {
	const kind = kindOf(item);
	const r = response === undefined ? undefined : kind.read(response, item);
	if (r === undefined || !kind.answered(item, r)) return { score: 0, correct: false };
	const { score, correct } = kind.grade(item, r);
	return { score, correct };
}

/** Each part of a typed-code answer graded against its key, for the code-by-code table. */
export function gradeParts(item: Item, response: ItemResponse | undefined): CodeEntryResult[] {
	const codes = response && 'codes' in response ? response.codes : [];
	return keysOf(item).map((k, i) => gradeCodeEntry(k, codes[i] ?? {}));
}

/** The key in one line: `C`, or `E11.9, 99213` (parts separated by ` | `). */
export function keyText(item: Item): string {
	return kindOf(item).keyText(item);
}

/** The learner's answer in one line, as given; an em dash when blank. */
export function responseText(item: Item, response: unknown): string {
	const kind = kindOf(item);
	const r = response === undefined ? undefined : kind.read(response, item);
	if (r === undefined || !kind.answered(item, r)) return '—';
	return kind.responseText(item, r);
}
