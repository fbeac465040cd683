/** Grades a stored response to any answerable item, so exams can score long after answering. */
import type { CodeKey, Item } from '../content/types';
import {
	combine,
	gradeCodeEntry,
	gradeSingleBestAnswer,
	type CodeEntryResult,
	type CodeResponse
} from './grade';

/** A letter for single-best-answer items; typed codes per part for code-entry and cases. */
export type ItemResponse = { choice: string } | { codes: CodeResponse[] };

export interface ItemGrade {
	/** 0..1, partial credit for typed codes. */
	score: number;
	correct: boolean;
}

export function keysOf(item: Item): CodeKey[] {
	if (item.type === 'code-entry') return [item.answer];
	if (item.type === 'case') return item.parts.map((p) => p.answer);
	return [];
}

/** Whether a response holds anything to grade (an untouched code field is not an answer). */
export function isAnswered(response: ItemResponse | undefined): boolean {
	if (!response) return false;
	if ('choice' in response) return response.choice !== '';
	// A part may be missing (a hole in an older record): that part is blank.
	return response.codes.some((c) => c && Object.values(c).some((v) => v?.trim()));
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
	if (!isAnswered(response) || !response) return { score: 0, correct: false };
	if (item.type === 'single-best-answer') {
		const correct = 'choice' in response && gradeSingleBestAnswer(item.answer, response.choice);
		return { score: correct ? 1 : 0, correct };
	}
	if (item.type === 'flashcard' || !('codes' in response)) return { score: 0, correct: false };
	const total = combine(keysOf(item).map((k, i) => gradeCodeEntry(k, response.codes[i] ?? {})));
	return { score: total.score, correct: total.correct };
}

/** Each part of a typed-code answer graded against its key, for the code-by-code table. */
export function gradeParts(item: Item, response: ItemResponse | undefined): CodeEntryResult[] {
	const codes = response && 'codes' in response ? response.codes : [];
	return keysOf(item).map((k, i) => gradeCodeEntry(k, codes[i] ?? {}));
}

function keyLine(key: CodeKey): string {
	return [...key.icd10cm, ...key.procedures, ...key.icd10pcs].join(', ');
}

function typedLine(r: CodeResponse): string {
	return [r.icd10cm, r.procedures, r.icd10pcs]
		.map((v) => v?.trim())
		.filter(Boolean)
		.join(', ');
}

/** The key in one line: `C`, or `E11.9, 99213` (parts separated by ` | `). */
export function keyText(item: Item): string {
	if (item.type === 'single-best-answer') return item.answer;
	return keysOf(item).map(keyLine).join(' | ');
}

/** The learner's answer in one line, as typed; an em dash when blank. */
export function responseText(item: Item, response: ItemResponse | undefined): string {
	if (!isAnswered(response) || !response) return '—';
	if ('choice' in response) return response.choice;
	return keysOf(item)
		.map((_, i) => typedLine(response.codes[i] ?? {}) || '—')
		.join(' | ');
}
