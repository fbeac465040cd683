/**
 * What the two typed-code kinds (code entry, record case) share: a response is the typed codes of
 * each part, graded part by part against its key with partial credit (see grading/grade.ts).
 */
import type { CodeKey } from '../content/types.ts';
import {
	combine,
	gradeCodeEntry,
	type CodeEntryResult,
	type CodeResponse
} from '../grading/grade.ts';
import { percent } from '../format.ts';
import type { Grade } from './kind.ts';

/** The typed codes of each part (a code-entry item has one part). */
export interface CodesResponse {
	codes: CodeResponse[];
}

const LISTS = ['icd10cm', 'procedures', 'icd10pcs'] as const;

export function emptyCodes(keys: CodeKey[]): CodesResponse {
	return { codes: keys.map(() => ({})) };
}

/** A stored response as typed codes: an array (older practice records) or `{ codes }`. */
export function readCodes(stored: unknown): CodesResponse | undefined {
	const list = Array.isArray(stored)
		? stored
		: stored && typeof stored === 'object' && 'codes' in stored && Array.isArray(stored.codes)
			? stored.codes
			: undefined;
	if (!list) return undefined;
	const codes: CodeResponse[] = [];
	for (const part of list as unknown[]) {
		// A hole in an older record is a blank part.
		if (part === null || part === undefined) {
			codes.push({});
			continue;
		}
		if (typeof part !== 'object') return undefined;
		const out: CodeResponse = {};
		for (const l of LISTS) {
			const v = (part as Record<string, unknown>)[l];
			if (typeof v === 'string') out[l] = v;
			else if (v !== undefined && v !== null) return undefined;
		}
		codes.push(out);
	}
	return { codes };
}

/** Whether any part holds a typed code (an untouched field is not an answer). */
export function codesAnswered(r: CodesResponse): boolean {
	return r.codes.some((c) => c && Object.values(c).some((v) => v?.trim()));
}

/** Each part graded against its key; a missing part is blank. */
export function gradeCodeParts(keys: CodeKey[], r: CodesResponse): CodeEntryResult[] {
	return keys.map((k, i) => gradeCodeEntry(k, r.codes[i] ?? {}));
}

export function gradeCodes(keys: CodeKey[], r: CodesResponse): Grade {
	if (!codesAnswered(r)) return { score: 0, correct: false };
	const t = combine(gradeCodeParts(keys, r));
	return { score: t.score, correct: t.correct, earned: t.earned, possible: t.possible };
}

export function keyLine(key: CodeKey): string {
	return [...key.icd10cm, ...key.procedures, ...key.icd10pcs].join(', ');
}

function typedLine(r: CodeResponse | undefined): string {
	return [r?.icd10cm, r?.procedures, r?.icd10pcs]
		.map((v) => v?.trim())
		.filter(Boolean)
		.join(', ');
}

/** The typed codes in one line, parts separated by ` | `; an em dash when blank. */
export function codesText(parts: number, r: CodesResponse): string {
	if (!codesAnswered(r)) return '—';
	return Array.from({ length: parts }, (_, i) => typedLine(r.codes[i]) || '—').join(' | ');
}

export function codesVerdict(g: Grade): string {
	if (g.correct) return 'Correct: every code matches the key.';
	return `${g.earned ?? 0} of ${g.possible ?? 0} points (${percent(g.score)}).`;
}

/** Every line of the keys as the key writes it (`E11.9`, `99213-25`, `J1100 x4`). */
export function codesOfKeys(keys: CodeKey[]): string[] {
	return keys.flatMap((k) => [...k.icd10cm, ...k.procedures, ...k.icd10pcs]);
}

/** A stored exam key `{ codes: CodeKey[] }`, or undefined if it is not one. */
export function readKeys(key: unknown): CodeKey[] | undefined {
	if (!key || typeof key !== 'object' || !('codes' in key) || !Array.isArray(key.codes))
		return undefined;
	return key.codes as CodeKey[];
}
