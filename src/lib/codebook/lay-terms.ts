/**
 * The lay and chart vocabulary (`codesets/lay-terms.tsv`): whole consumer or chart phrases
 * ("heart attack", "SOB", "s/p") mapped to the codes a coder would look them up as. Unlike
 * `synonyms.ts`, which expands one typed word into title words, a lay term names codes directly,
 * so the search can offer I21.9 for "heart attack" although no title says "heart attack".
 * Pure: parses text and resolves against entries, so the worker and the tests share it.
 */
import type { CodeEntry, CodeSystem } from './data';

/** Where the equivalence comes from (see codesets/README.md, "Lay terms"). */
export type LaySource = 'title' | 'lay' | 'abbr';

export const LAY_SOURCES: readonly LaySource[] = ['title', 'lay', 'abbr'];

export interface LayTerm {
	/** The phrase as a learner or a chart writes it. */
	term: string;
	/**
	 * Codes as written in the file, most likely first (the concept's default or unspecified
	 * code). ICD-10-CM codes are dotted; a code ending in `*` is a prefix meaning every code
	 * that starts with it (`I21*`).
	 */
	codes: string[];
	source: LaySource;
	/** The code system of every code in the row (ICD-10-CM unless the row says otherwise). */
	system: CodeSystem;
	/** The row's line in the file, for messages that send a maintainer to it. */
	line: number;
}

const SYSTEMS: readonly CodeSystem[] = ['icd10cm', 'hcpcs', 'icd10pcs'];

/** The shape of each system's codes (a prefix may stop anywhere, so it is checked as a start). */
const CODE_SHAPE: Record<CodeSystem, RegExp> = {
	// Category, then a dot and up to four characters; QA0 has a letter second.
	icd10cm: /^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$/,
	hcpcs: /^[A-V][0-9]{4}$/,
	icd10pcs: /^[0-9A-HJ-NP-Z]{7}$/
};

/** A malformed row, with the file's 1-based line number. */
export class LayTermsError extends Error {
	constructor(
		readonly line: number,
		message: string
	) {
		super(`lay-terms.tsv:${line}: ${message}`);
		this.name = 'LayTermsError';
	}
}

/** Whether a written code is a prefix (`I21*`) rather than one code. */
export function isLayPrefix(code: string): boolean {
	return code.endsWith('*');
}

function checkCode(code: string, system: CodeSystem, line: number): void {
	const prefix = isLayPrefix(code);
	const body = prefix ? code.slice(0, -1) : code;
	if (!body) throw new LayTermsError(line, `empty code "${code}"`);
	if (system === 'icd10cm') {
		// A prefix is at least a category (`I21*`, `E11.6*`, `F50.81*`): `F5*` is too broad to be
		// meant, and `resolveLayTerms` relies on the first three characters.
		if (
			prefix
				? !/^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{0,4})?$/.test(body)
				: !CODE_SHAPE.icd10cm.test(body)
		)
			throw new LayTermsError(line, `"${code}" is not a dotted ICD-10-CM code or prefix`);
		return;
	}
	// HCPCS and PCS prefixes: three characters at least (a PCS table), short of a whole code.
	const shape = CODE_SHAPE[system];
	const full = system === 'hcpcs' ? 5 : 7;
	if (prefix ? !/^[0-9A-Z]{3,}$/.test(body) || body.length >= full : !shape.test(body))
		throw new LayTermsError(line, `"${code}" is not a ${system} code or prefix`);
}

/**
 * Reads the vocabulary: a header line `term codes source system` (tab-separated), then one
 * term a line. Blank lines and lines starting with `#` (the body-system headings) are skipped.
 * `system` may be left empty for ICD-10-CM. A malformed row throws `LayTermsError` naming its
 * line; a term listed twice for one system is an error too, so two rows never disagree.
 */
export function parseLayTerms(text: string): LayTerm[] {
	const lines = text.split('\n');
	const header = lines[0]?.replace(/\r$/, '').split('\t');
	if (header?.[0] !== 'term' || header[1] !== 'codes' || header[2] !== 'source')
		throw new LayTermsError(1, 'the header must be "term<TAB>codes<TAB>source<TAB>system"');
	const out: LayTerm[] = [];
	const seen = new Map<string, number>();
	for (let i = 1; i < lines.length; i++) {
		const line = i + 1;
		const raw = lines[i]!.replace(/\r$/, '');
		if (!raw.trim() || raw.startsWith('#')) continue;
		const cells = raw.split('\t');
		if (cells.length < 3 || cells.length > 4)
			throw new LayTermsError(line, `expected 3 or 4 tab-separated columns, found ${cells.length}`);
		const [term, codeText, source, systemText] = cells.map((c) => c.trim()) as [
			string,
			string,
			string,
			string | undefined
		];
		if (!term) throw new LayTermsError(line, 'empty term');
		if (!LAY_SOURCES.includes(source as LaySource))
			throw new LayTermsError(line, `source "${source}" is not one of ${LAY_SOURCES.join(', ')}`);
		const system = (systemText || 'icd10cm') as CodeSystem;
		if (!SYSTEMS.includes(system))
			throw new LayTermsError(line, `system "${systemText}" is not one of ${SYSTEMS.join(', ')}`);
		const codes = codeText.split(/\s+/).filter(Boolean);
		if (!codes.length) throw new LayTermsError(line, `no codes for "${term}"`);
		for (const code of codes) checkCode(code, system, line);
		if (new Set(codes).size !== codes.length)
			throw new LayTermsError(line, `a code is listed twice for "${term}"`);
		const key = `${system}:${term.toLowerCase()}`;
		const first = seen.get(key);
		if (first) throw new LayTermsError(line, `"${term}" is already on line ${first}`);
		seen.set(key, line);
		out.push({ term, codes, source: source as LaySource, system, line });
	}
	return out;
}

/**
 * The entries each lay term points at, in the order its codes are written, each once: a code
 * gives its entry, a prefix every entry of the row's system that starts with it (in table
 * order). Codes that the chosen year does not have (a FY2027 code in the FY2026 book) give
 * nothing. Returns entry indexes, one list per term.
 */
export function resolveLayTerms(
	lays: readonly LayTerm[],
	entries: readonly CodeEntry[]
): number[][] {
	// Every code and prefix is at least three characters (a CM category, a PCS table), and the
	// book keeps each system's codes with the same first three characters together, so the
	// entries are split once into runs by those characters and a look-up reads one run, rather
	// than a key being built or the book sorted for its 186,000 entries.
	const runs = new Map<string, [number, number][]>();
	let start = 0;
	for (let i = 1; i <= entries.length; i++) {
		const a = entries[start]!;
		const b = entries[i];
		if (b && b.system === a.system && b.code.startsWith(a.code.slice(0, 3))) continue;
		const key = `${a.system}:${a.code.slice(0, 3)}`;
		const list = runs.get(key);
		if (list) list.push([start, i]);
		else runs.set(key, [[start, i]]);
		start = i;
	}
	return lays.map((lay) => {
		const out: number[] = [];
		const seen = new Set<number>();
		for (const code of lay.codes) {
			// The file's codes are in the book's display form (dotted CM, checked when parsed),
			// so they compare with the entries' codes as they are.
			const prefix = isLayPrefix(code);
			const want = prefix ? code.slice(0, -1) : code;
			for (const [from, to] of runs.get(`${lay.system}:${want.slice(0, 3)}`) ?? [])
				for (let i = from; i < to; i++) {
					const have = entries[i]!.code;
					if ((prefix ? have.startsWith(want) : have === want) && !seen.has(i)) {
						seen.add(i);
						out.push(i);
					}
				}
		}
		return out;
	});
}
