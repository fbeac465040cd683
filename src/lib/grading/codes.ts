/**
 * The written form of codes: what counts as an ICD-10-CM, CPT, HCPCS Level II or ICD-10-PCS code,
 * how a procedure line carries modifiers and units, and how a learner's typing is normalized.
 * Shared by the bank validator and by grading so both read codes the same way.
 */
import { dotCm, normalizeCode } from '../codebook/normalize.ts';

/** Dotted ICD-10-CM. The second character may be a letter (FY2026 added QA0). */
export const ICD10CM_DOTTED = /^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/;
/** CPT: five digits, or four digits then F (Category II), T (Category III) or U (PLA). */
export const CPT = /^\d{4}[0-9FTU]$/;
/** HCPCS Level II: a letter other than D (CDT is not ours to ship) and four digits. */
export const HCPCS = /^[A-CE-V]\d{4}$/;
/** ICD-10-PCS: seven characters from 0-9 and A-Z without I and O. */
export const ICD10PCS = /^[0-9A-HJ-NP-Z]{7}$/;
export const MODIFIER = /^[0-9A-Z]{2}$/;

export type ProcedureKind = 'cpt' | 'hcpcs';

export interface ProcedureLine {
	code: string;
	modifiers: string[];
	units: number;
}

/**
 * Uppercases, drops spaces, and puts the dot back after the third character when the learner
 * left it out (`e119` -> `E11.9`), because claims carry ICD-10-CM codes without the dot. The code
 * book's normalizer does the work, so a code reads the same in an answer and in the code book.
 */
export function normalizeIcd10cm(raw: string): string {
	return dotCm(raw);
}

export function normalizePcs(raw: string): string {
	return normalizeCode(raw);
}

const PROCEDURE_LINE = /^([0-9A-Z]{5})((?:-[0-9A-Z]{2})*)(?:\s*[X×*]\s*(\d+))?$/;

/** Reads `99213-25`, `64483-RT-59`, `J1100 x4`, case-insensitively; undefined if malformed. */
export function parseProcedureLine(raw: string): ProcedureLine | undefined {
	const m = PROCEDURE_LINE.exec(raw.trim().toUpperCase());
	if (!m || !m[1]) return undefined;
	const modifiers = (m[2] ?? '').split('-').filter(Boolean);
	const units = m[3] === undefined ? 1 : Number(m[3]);
	return { code: m[1], modifiers, units };
}

export function procedureKind(code: string): ProcedureKind | undefined {
	if (CPT.test(code)) return 'cpt';
	if (HCPCS.test(code)) return 'hcpcs';
	return undefined;
}

export function formatProcedureLine(line: ProcedureLine): string {
	const mods = line.modifiers.map((m) => `-${m}`).join('');
	return `${line.code}${mods}${line.units === 1 ? '' : ` x${line.units}`}`;
}

/**
 * Splits what a learner typed into code tokens: commas, semicolons, new lines or spaces separate
 * codes, except that a units suffix (`x4`) written after a space belongs to the code before it.
 */
export function splitCodes(text: string): string[] {
	const tokens: string[] = [];
	for (const chunk of text.split(/[,;\n]+/)) {
		for (const word of chunk.trim().split(/\s+/)) {
			if (!word) continue;
			const last = tokens.length - 1;
			if (/^[x×*]\d+$/i.test(word) && last >= 0) tokens[last] = `${tokens[last]} ${word}`;
			else tokens.push(word);
		}
	}
	return tokens;
}

/**
 * Numeric modifiers defined in CPT. Only the numbers are listed (what they mean is explained in
 * our own words in items): a modifier outside this list in an answer key is a typo.
 */
export const CPT_MODIFIERS: ReadonlySet<string> = new Set(
	(
		'22 23 24 25 26 27 32 33 47 50 51 52 53 54 55 56 57 58 59 62 63 66 73 74 76 77 78 79 80 81 82 ' +
		'90 91 92 93 95 96 97 99'
	).split(' ')
);
