/**
 * Node-side inputs of the review checks (src/lib/content/lint.ts) and of banks:audit: the
 * guideline sections committed in codesets/, and the bank files as text.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeSource, type SourceFile } from '../../src/lib/content/validate.ts';
import type { GuidelineSections } from '../../src/lib/content/guidelines.ts';
import type { TitleLookup } from '../../src/lib/content/audit.ts';
import {
	citationProblems,
	cptQuoteProblems,
	lengthCues,
	nearDuplicates,
	type LengthCue,
	type NearDuplicate
} from '../../src/lib/content/lint.ts';
import type { Item, Problem } from '../../src/lib/content/types.ts';
import type { CodeSets } from '../../src/lib/codebook/codesets.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * The guidelines of a code-set year. Only FY2026 is extracted today; a later year is one more
 * file from `npm run codesets:guidelines`, and this is the one place that picks it.
 */
export function loadGuidelines(year = 2026): GuidelineSections {
	return JSON.parse(
		readFileSync(join(root, `codesets/icd10cm-${year}-guideline.json`), 'utf8')
	) as GuidelineSections;
}

/** Bank files as text (files that are not UTF-8 are the validator's to report). */
export function sourceTexts(files: readonly SourceFile[]): { path: string; text: string }[] {
	return files.flatMap((f) => {
		const text = typeof f.text === 'string' ? f.text : decodeSource(f.path, f.text);
		return typeof text === 'string' ? [{ path: f.path, text }] : [];
	});
}

export interface Review {
	problems: Problem[];
	warnings: NearDuplicate[];
	/** Sections whose keys are too often the longest option. */
	cues: LengthCue[];
}

/** The review checks over validated banks: citations and CPT quotes fail, near-duplicates warn. */
export function reviewBanks(
	files: readonly SourceFile[],
	items: readonly Item[],
	codes: CodeSets
): Review {
	const texts = sourceTexts(files);
	const sections = new Set(Object.keys(loadGuidelines()));
	return {
		problems: [...citationProblems(texts, sections), ...cptQuoteProblems(texts, codes)].sort(
			(a, b) => a.file.localeCompare(b.file) || a.line - b.line
		),
		warnings: nearDuplicates(items),
		cues: lengthCues(items)
	};
}

function titleMap(
	path: string,
	codeCol: number,
	titleCol: number,
	keep?: (cols: string[]) => boolean
) {
	const map = new Map<string, string>();
	// Read without quote handling: HCPCS titles contain literal `"` (PITFALLS.md).
	for (const line of readFileSync(join(root, path), 'utf8').split('\n').slice(1)) {
		const cols = line.split('\t');
		const code = cols[codeCol];
		if (code && (!keep || keep(cols))) map.set(code, cols[titleCol] ?? '');
	}
	return map;
}

/**
 * The code-set files of an item's `codeSetYear`: the one place that maps a year to files.
 */
export function codeSetFiles(year: number): { icd10cm: string; icd10pcs: string; hcpcs: string } {
	// Only ICD-10-CM has a file per year here: ICD-10-PCS stays FY2026 and HCPCS Level II the
	// October 2025 release whichever ICD-10-CM year an item uses (see codesets/README.md).
	return {
		icd10cm: `codesets/icd10cm-${year}.tsv`,
		icd10pcs: 'codesets/icd10pcs-2026.tsv',
		hcpcs: 'codesets/hcpcs-2025-oct.tsv'
	};
}

const lookups = new Map<number, TitleLookup>();

/** Official titles for a code-set year (long titles for HCPCS), read once per year. */
export function titleLookup(year: number): TitleLookup {
	let t = lookups.get(year);
	if (!t) {
		const f = codeSetFiles(year);
		const cm = titleMap(f.icd10cm, 0, 2);
		const pcs = titleMap(f.icd10pcs, 0, 2, (c) => c[1] === '1');
		const hcpcs = titleMap(f.hcpcs, 0, 5, (c) => c[1] === 'procedure');
		t = {
			year,
			icd10cm: (c) => cm.get(c),
			icd10pcs: (c) => pcs.get(c),
			hcpcs: (c) => hcpcs.get(c)
		};
		lookups.set(year, t);
	}
	return t;
}
