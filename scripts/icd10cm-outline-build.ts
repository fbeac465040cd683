/**
 * `npm run codesets:outline`: writes `src/lib/grading/icd10cm-outline.json` (chapters by
 * category, and codes that differ only in laterality) from `codesets/`, for the mistake
 * classifier. Run it after `codesets:build`; a unit test fails while the two disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOutline } from './lib/icd10cm-outline.ts';

const read = (f: string) => readFileSync(resolve('codesets', f), 'utf8');
const outline = buildOutline({
	codes: read('icd10cm-2027.tsv'),
	categories: read('icd10cm-2027-categories.tsv'),
	chapters: read('icd10cm-2026-chapters.tsv')
});
const out = resolve('src/lib/grading/icd10cm-outline.json');
writeFileSync(out, JSON.stringify(outline, null, '\t') + '\n');
console.log(
	`${out}: ${outline.chapters.length} chapters, ${outline.laterality.length} laterality groups`
);
