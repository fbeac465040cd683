/**
 * Node-side inputs of the review checks (src/lib/content/lint.ts) and of banks:audit: the
 * guideline sections committed in codesets/, and the bank files as text.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeSource, type SourceFile } from '../../src/lib/content/validate.ts';
import type { GuidelineSections } from '../../src/lib/content/guidelines.ts';
import {
	citationProblems,
	cptQuoteProblems,
	nearDuplicates,
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
		warnings: nearDuplicates(items)
	};
}
