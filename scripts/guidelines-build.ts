/**
 * `npm run codesets:guidelines [file]`: extracts the section tree of the ICD-10-CM Official
 * Guidelines (plain text, as pdftotext -layout prints it) into codesets/icd10cm-2026-guideline.json:
 * `{ "I.C.4.a.2": "Type of diabetes mellitus not documented ...", ... }`. The banks checker uses
 * the ids to catch citations of sections that do not exist; banks:audit prints the text.
 * Maintainers only: a fresh clone reads the committed JSON.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseGuidelines } from '../src/lib/content/guidelines.ts';

const root = resolve(import.meta.dirname, '..');
const source = resolve(
	process.argv[2] ?? '/work/shared/data/icd10cm/guidelines/icd10cm_guidelines_fy2026.txt'
);
const bytes = readFileSync(source);
const sections = parseGuidelines(bytes.toString('utf8'));
const out = resolve(root, 'codesets/icd10cm-2026-guideline.json');
writeFileSync(out, JSON.stringify(sections, null, '\t') + '\n');
console.log(
	`${Object.keys(sections).length} sections -> ${out}\nsource sha256 ${createHash('sha256').update(bytes).digest('hex')}`
);
