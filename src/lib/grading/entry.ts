/**
 * How a code field's typing is read, one code at a time. The grader and the field's inline check
 * both read typing through here, and ICD-10-CM and PCS codes go through the code book's own
 * normalizer, so `e11 22` is E11.22 in the answer field, in the grade and in the code book.
 * Pure: the code-set look-up is passed in (the code book loads lazily, in a worker).
 */
import type { CodeSystem } from '../codebook/data';
import { normalizeCode } from '../codebook/normalize';
import {
	CPT_MODIFIERS,
	formatProcedureLine,
	ICD10CM_DOTTED,
	ICD10PCS,
	normalizeIcd10cm,
	normalizePcs,
	parseProcedureLine,
	procedureKind,
	splitCodes
} from './codes';

/** The three answer fields: diagnoses, CPT/HCPCS procedure lines, ICD-10-PCS. */
export type CodeList = 'icd10cm' | 'procedures' | 'icd10pcs';

export interface EntryCode {
	/** As typed (pieces joined into one code keep their space). */
	typed: string;
	/** Normalized: dotted ICD-10-CM, a formatted procedure line, bare PCS. */
	code: string;
	/** What is wrong with its form, in words; absent when the form is right. */
	problem?: string;
	/** The code to look up in the code set once its form is right (CPT has no list to ship). */
	lookup?: { system: CodeSystem; code: string };
}

/** Whether a whitespace-separated piece continues the code before it rather than starting one. */
type Joins = (before: string, piece: string) => boolean;

/**
 * ICD-10-CM codes start with a letter, so a piece that starts with a digit can only be the rest
 * of the code before it (`e11 22`), as long as the two fit in seven characters.
 */
const cmJoins: Joins = (before, piece) =>
	/^[0-9]/.test(piece) && /^[A-Z]/i.test(before) && normalizeCode(before + piece).length <= 7;

/** PCS codes are exactly seven characters: pieces add up until they reach seven. */
const pcsJoins: Joins = (before, piece) =>
	normalizeCode(before).length < 7 && normalizeCode(before + piece).length <= 7;

function splitJoining(text: string, joins: Joins): string[] {
	const out: string[] = [];
	// Commas, semicolons and new lines always separate; only a space may sit inside a code.
	for (const chunk of text.split(/[,;\n]+/)) {
		let open = false;
		for (const piece of chunk.trim().split(/\s+/)) {
			if (!piece) continue;
			const last = out.length - 1;
			if (open && last >= 0 && joins(out[last]!, piece)) out[last] = `${out[last]} ${piece}`;
			else out.push(piece);
			open = true;
		}
	}
	return out;
}

/** The codes in one field's typing, as the grader counts them. */
export function splitEntry(list: CodeList, text: string): string[] {
	if (list === 'icd10cm') return splitJoining(text, cmJoins);
	if (list === 'icd10pcs') return splitJoining(text, pcsJoins);
	return splitCodes(text);
}

/** Normalizes one code of a list the way the grader compares it. */
export function normalizeEntry(list: CodeList, typed: string): string {
	if (list === 'icd10cm') return normalizeIcd10cm(typed);
	if (list === 'icd10pcs') return normalizePcs(typed);
	const line = parseProcedureLine(typed);
	return line ? formatProcedureLine(line) : typed;
}

function readOne(list: CodeList, typed: string): EntryCode {
	const code = normalizeEntry(list, typed);
	if (list === 'icd10cm') {
		return ICD10CM_DOTTED.test(code)
			? { typed, code, lookup: { system: 'icd10cm', code } }
			: {
					typed,
					code,
					problem: `${code} is not an ICD-10-CM code: those start with a letter and have 3 to 7 characters.`
				};
	}
	if (list === 'icd10pcs') {
		return ICD10PCS.test(code)
			? { typed, code, lookup: { system: 'icd10pcs', code } }
			: {
					typed,
					code,
					problem: `${code} is not an ICD-10-PCS code: those have 7 characters, digits and letters other than I and O.`
				};
	}
	const line = parseProcedureLine(typed);
	const kind = line && procedureKind(line.code);
	if (!line || !kind) {
		const shown = line?.code ?? typed.toUpperCase();
		return {
			typed,
			code,
			problem: `${shown} is not a CPT or HCPCS Level II code: write five characters, modifiers after a hyphen and units after x (99213-25, J1100 x4).`
		};
	}
	const badModifier = line.modifiers.find((m) => /^\d+$/.test(m) && !CPT_MODIFIERS.has(m));
	if (badModifier) return { typed, code, problem: `${badModifier} is not a CPT modifier.` };
	if (line.units < 1) return { typed, code, problem: `${code}: units must be 1 or more.` };
	return kind === 'hcpcs'
		? { typed, code, lookup: { system: 'hcpcs', code: line.code } }
		: { typed, code };
}

/** Every code in a field's typing with what is wrong with its form, if anything. */
export function readEntry(list: CodeList, text: string): EntryCode[] {
	const seen = new Set<string>();
	return splitEntry(list, text).map((typed) => {
		const read = readOne(list, typed);
		if (!read.problem && seen.has(read.code))
			return { typed, code: read.code, problem: `${read.code} is entered twice.` };
		seen.add(read.code);
		return read;
	});
}

/** What the code book says of a code: absent, or present and whether it can be reported. */
export type CodeStatus = { found: false; deleted?: string } | { found: true; billable: boolean };

/** A code the code set does not have, or a heading that cannot be reported; else undefined. */
export function codeSetProblem(
	lookup: { system: CodeSystem; code: string },
	status: CodeStatus | undefined
): string | undefined {
	if (!status) return undefined;
	const { system, code } = lookup;
	if (status.found) {
		if (status.billable || system !== 'icd10cm') return undefined;
		const level = normalizeCode(code).length === 3 ? 'category' : 'subcategory';
		return `${code} is a ${level} heading: a billable code needs more characters.`;
	}
	if (system === 'icd10cm')
		return status.deleted
			? `${code} was deleted from ICD-10-CM.`
			: `${code} is not an ICD-10-CM code.`;
	if (system === 'hcpcs') return `${code} is not an active HCPCS Level II code.`;
	return `${code} is not an ICD-10-PCS code.`;
}

/**
 * The problems to show under a field: form problems always, code-set problems where the code
 * book has answered (`status` returns undefined for a code not looked up yet).
 */
export function entryProblems(
	codes: EntryCode[],
	status: (system: CodeSystem, code: string) => CodeStatus | undefined
): string[] {
	return codes.flatMap((c) => {
		const problem =
			c.problem ?? (c.lookup && codeSetProblem(c.lookup, status(c.lookup.system, c.lookup.code)));
		return problem ? [problem] : [];
	});
}
