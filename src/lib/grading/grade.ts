/**
 * Answer checking for every item type. Pure: takes the item's key and the learner's response.
 *
 * Code-entry credit, one point per expected code:
 * - a code given exactly as keyed earns 1;
 * - the first-listed diagnosis given but not first earns 0.5 (sequencing is half the skill);
 * - a procedure with the right code but wrong modifiers or units earns 0.5;
 * - every code given that the key does not expect adds a point to the total, earning 0,
 *   so padding an answer with guesses costs credit.
 */
import type { CodeKey } from '../content/types';
import {
	formatProcedureLine,
	normalizeIcd10cm,
	normalizePcs,
	parseProcedureLine,
	type ProcedureLine
} from './codes';
import { splitEntry, type CodeList } from './entry';

export type LineStatus =
	'correct' | 'not-first' | 'wrong-modifiers' | 'wrong-units' | 'missing' | 'extra' | 'unreadable';

export type { CodeList };

export interface GradedLine {
	list: CodeList;
	/** As the key writes it; absent for an extra code. */
	expected?: string;
	/** As normalized from the learner's typing; absent for a missed code. */
	given?: string;
	status: LineStatus;
	credit: number;
}

export interface CodeEntryResult {
	lines: GradedLine[];
	earned: number;
	possible: number;
	/** earned / possible, 0..1 */
	score: number;
	correct: boolean;
}

export type CodeResponse = Partial<Record<CodeList, string>>;

export function gradeSingleBestAnswer(answer: string, chosen: string): boolean {
	return answer === chosen;
}

export function gradeCodeEntry(key: CodeKey, response: CodeResponse): CodeEntryResult {
	// The same reading as the answer field's inline check (see ./entry).
	const lines = [
		...gradeDiagnoses(key.icd10cm, splitEntry('icd10cm', response.icd10cm ?? '')),
		...gradeProcedures(key.procedures, splitEntry('procedures', response.procedures ?? '')),
		...gradeSimple(
			'icd10pcs',
			key.icd10pcs,
			splitEntry('icd10pcs', response.icd10pcs ?? ''),
			normalizePcs
		)
	];
	return summarize(lines);
}

/** A case's parts, graded one by one, as one score over all their lines. */
export function combine(results: CodeEntryResult[]): CodeEntryResult {
	return summarize(results.flatMap((r) => r.lines));
}

function summarize(lines: GradedLine[]): CodeEntryResult {
	const earned = lines.reduce((n, l) => n + l.credit, 0);
	const possible = lines.length;
	const score = possible === 0 ? 0 : earned / possible;
	return { lines, earned, possible, score, correct: possible > 0 && earned === possible };
}

function gradeDiagnoses(expected: string[], typed: string[]): GradedLine[] {
	const given = typed.map(normalizeIcd10cm);
	const lines = gradeSimple('icd10cm', expected, typed, normalizeIcd10cm);
	const first = expected[0];
	if (first === undefined) return lines;
	const line = lines.find((l) => l.expected === first);
	if (line && line.status === 'correct' && given[0] !== normalizeIcd10cm(first)) {
		line.status = 'not-first';
		line.credit = 0.5;
	}
	return lines;
}

/** Set comparison: each expected code matched at most once; the rest of the typing is extra. */
function gradeSimple(
	list: CodeList,
	expected: string[],
	typed: string[],
	normalize: (s: string) => string
): GradedLine[] {
	const remaining = typed.map(normalize);
	const lines: GradedLine[] = expected.map((e) => {
		const i = remaining.indexOf(normalize(e));
		if (i < 0) return { list, expected: e, status: 'missing', credit: 0 };
		remaining.splice(i, 1);
		return { list, expected: e, given: normalize(e), status: 'correct', credit: 1 };
	});
	for (const extra of remaining) lines.push({ list, given: extra, status: 'extra', credit: 0 });
	return lines;
}

function sameModifiers(a: ProcedureLine, b: ProcedureLine): boolean {
	if (a.modifiers.length !== b.modifiers.length) return false;
	const sorted = (l: ProcedureLine) => [...l.modifiers].sort().join('-');
	return sorted(a) === sorted(b);
}

function sameLine(a: ProcedureLine, b: ProcedureLine): boolean {
	return a.code === b.code && a.units === b.units && sameModifiers(a, b);
}

/**
 * Two passes, so a code keyed twice with different modifiers (71046-26 and 71046-26-76) is
 * matched line for line whatever order the learner typed them in: exact lines first, then the
 * remaining lines by code alone, for half credit.
 */
function gradeProcedures(expected: string[], typed: string[]): GradedLine[] {
	const list: CodeList = 'procedures';
	const remaining: (ProcedureLine | string | undefined)[] = typed.map(
		(t) => parseProcedureLine(t) ?? t
	);
	const wanted = expected.flatMap((e) => {
		const want = parseProcedureLine(e);
		return want ? [{ e, want }] : []; // the validator guarantees keys parse
	});
	const take = (match: (got: ProcedureLine) => boolean): ProcedureLine | undefined => {
		const i = remaining.findIndex((r) => typeof r === 'object' && match(r));
		if (i < 0) return undefined;
		const got = remaining[i] as ProcedureLine;
		remaining[i] = undefined;
		return got;
	};
	const exact = wanted.map(({ want }) => take((got) => sameLine(want, got)));
	const lines: GradedLine[] = wanted.map(({ e, want }, n) => {
		const got = exact[n] ?? take((g) => g.code === want.code);
		if (!got) return { list, expected: e, status: 'missing', credit: 0 };
		const status: LineStatus = !sameModifiers(want, got)
			? 'wrong-modifiers'
			: want.units !== got.units
				? 'wrong-units'
				: 'correct';
		return {
			list,
			expected: e,
			given: formatProcedureLine(got),
			status,
			credit: status === 'correct' ? 1 : 0.5
		};
	});
	for (const r of remaining) {
		if (r === undefined) continue;
		lines.push(
			typeof r === 'string'
				? { list, given: r, status: 'unreadable', credit: 0 }
				: { list, given: formatProcedureLine(r), status: 'extra', credit: 0 }
		);
	}
	return lines;
}
