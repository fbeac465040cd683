/**
 * Builds `src/lib/grading/icd10cm-outline.json`: the little of ICD-10-CM that classifying a wrong
 * code needs (see `src/lib/grading/mistakes.ts`), small enough to ship with the grader so every
 * answer is classified at once, offline, without waiting for the code book's worker.
 *
 * - `chapters`: each chapter's categories, in Tabular order. A category belongs to the chapter
 *   whose official range (the chapters file's `(A00-B99)`) it falls in, read by position in the
 *   Tabular's category order, not by spelling: QA1 (FY2027) follows QA0, the end of chapter 17.
 * - `laterality`: groups of codes whose official titles are the same apart from the side
 *   (right, left, bilateral, unspecified), e.g. H40.111, H40.112, H40.113, H40.119. Only titles
 *   can say this: E11.21 and E11.22 differ in their last character too, and are not sides. A code
 *   whose 7th character is an extension (S72.001A) is left out when its six-character stem is in
 *   a group: the grader compares stems when the 7th characters agree. A group whose codes share
 *   all but their last character is written `prefix:lastchars` (`H40.11:1239` as `H4011:1239`),
 *   any other as its codes separated by spaces.
 * Pure: takes the files' texts, returns the JSON's value. `npm run codesets:outline` writes it.
 */

export interface Icd10cmOutline {
	source: string;
	/** Chapter n's categories (undotted, space-separated) at index n - 1. */
	chapters: string[];
	/** Groups of undotted codes that differ only in the side their titles name. */
	laterality: string[];
}

export const OUTLINE_SOURCE =
	'codesets/icd10cm-2027.tsv, icd10cm-2027-categories.tsv, icd10cm-2026-chapters.tsv (npm run codesets:outline)';

/**
 * A side, with the paired organ after it when there is one: "right eye" and "bilateral" name
 * the same place in H40.111 and H40.113, and so do "right leg" and "bilateral legs".
 */
const SIDE =
	/\b(right|left|bilateral|unspecified)\b(\s+(eyes?|ears?|legs?|arms?|hips?|knees?|feet|foot|hands?)\b)?/gi;
const NAMES_SIDE = /\b(right|left|bilateral)\b/i;

function tsvRows(text: string): string[][] {
	return text
		.split('\n')
		.slice(1)
		.filter((l) => l.trim())
		.map((l) => l.replace(/\r$/, '').split('\t'));
}

export function chaptersOf(categoriesTsv: string, chaptersTsv: string): string[] {
	const ranges = tsvRows(chaptersTsv).map(([n = '', title = '']) => {
		const m = /\(([A-Z0-9]{3})-([A-Z0-9]{3})\)\s*$/.exec(title);
		if (!m) throw new Error(`chapter ${n}: no code range in "${title}"`);
		return { n: Number(n), first: m[1]!, last: m[2]! };
	});
	const categories = tsvRows(categoriesTsv).map(([c = '']) => c);
	const out: string[][] = ranges.map(() => []);
	let at = -1;
	for (const c of categories) {
		// By spelling where a range holds it; a category no range holds (QA1, added after the
		// ranges were written) stays in the chapter of the category before it.
		const inRange = ranges.findIndex((r) => r.first <= c && c <= r.last);
		if (inRange >= 0) at = inRange;
		if (at < 0) throw new Error(`category ${c} comes before the first chapter`);
		out[at]!.push(c);
	}
	// A range's last category (when it exists: U85 does not) must be in its own chapter, or the
	// Tabular order was not what we read.
	ranges.forEach((r, i) => {
		if (categories.includes(r.last) && !out[i]!.includes(r.last))
			throw new Error(`chapter ${r.n} (${r.first}-${r.last}) does not hold ${r.last}`);
	});
	return out.map((cs) => cs.join(' '));
}

export function lateralityGroups(codesTsv: string): string[] {
	const rows = tsvRows(codesTsv).map(([code = '', , title = '']) => ({
		code: code.replace('.', ''),
		title
	}));
	const titleOf = new Map(rows.map((r) => [r.code, r.title]));
	const groups = new Map<string, string[]>();
	for (const { code, title } of rows) {
		if (!NAMES_SIDE.test(title) && !/\bunspecified\b/i.test(title)) continue;
		const stem = titleOf.get(code.slice(0, 6));
		if (code.length === 7 && stem !== undefined && NAMES_SIDE.test(stem)) continue;
		const neutral = title.toLowerCase().replace(SIDE, '\u0000');
		const key = `${code.slice(0, 3)}|${code.length}|${neutral}`;
		const group = groups.get(key);
		if (group) group.push(code);
		else groups.set(key, [code]);
	}
	const out: string[] = [];
	for (const codes of groups.values()) {
		// A group of one has no twin; a group with no right, left or bilateral is about something
		// other than sides ("unspecified" alone also names unspecified types and sites).
		if (codes.length < 2 || !codes.some((c) => NAMES_SIDE.test(titleOf.get(c)!))) continue;
		const prefix = codes[0]!.slice(0, -1);
		out.push(
			codes.every((c) => c.slice(0, -1) === prefix)
				? `${prefix}:${codes.map((c) => c.slice(-1)).join('')}`
				: codes.join(' ')
		);
	}
	return out;
}

export function buildOutline(texts: {
	codes: string;
	categories: string;
	chapters: string;
}): Icd10cmOutline {
	return {
		source: OUTLINE_SOURCE,
		chapters: chaptersOf(texts.categories, texts.chapters),
		laterality: lateralityGroups(texts.codes)
	};
}
