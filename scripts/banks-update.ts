/**
 * `npm run banks:update -- <year> [folder] [--apply]`: the yearly ICD-10-CM move of the banks
 * (every October). Lists, as `file:line: ...`, each place where an item still at an older
 * `codeSetYear` uses a code that `<year>`'s addenda deleted, turned into a header or retitled, or
 * whose category gained codes. With `--apply`, items with no finding move to `<year>` (only
 * their `codeSetYear` line changes); the listed ones wait for a reviewed edit. Exits 1 when
 * anything is listed, so a script can tell a finished move from an unfinished one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAddendaTsv } from '../src/lib/codebook/addenda.ts';
import { formatFinding, moveToYear, planUpdate } from '../src/lib/content/bank-update.ts';
import { readBankSources } from './lib/banks.ts';

const args = process.argv.slice(2);
const apply = args.includes('--apply');
const [yearArg, dirArg] = args.filter((a) => a !== '--apply');
const year = Number(yearArg);
const root = resolve(import.meta.dirname, '..');
const addenda = join(root, `codesets/icd10cm-${year}-addenda.tsv`);
if (!Number.isInteger(year) || !existsSync(addenda)) {
	console.error(
		`usage: npm run banks:update -- <year> [folder] [--apply]\n` +
			`"${yearArg ?? ''}" is not a year with an addenda file (codesets/icd10cm-<year>-addenda.tsv).`
	);
	process.exit(2);
}

const sources = readBankSources(dirArg ? resolve(dirArg) : undefined).map((s) => ({
	path: s.path,
	text: new TextDecoder().decode(s.text as Uint8Array)
}));
const plan = planUpdate(sources, year, parseAddendaTsv(readFileSync(addenda, 'utf8')));
const flagged = plan.items.filter((i) => i.findings.length);
for (const item of flagged) for (const f of item.findings) console.log(formatFinding(f));

const clean = plan.items.filter((i) => !i.findings.length);
if (apply) {
	for (const item of clean) {
		const path = join(root, item.file);
		writeFileSync(path, moveToYear(readFileSync(path, 'utf8'), year));
	}
}
console.log(
	`\n${plan.items.length} item(s) older than FY${year}: ${flagged.length} need a review ` +
		`(listed above), ${clean.length} use no changed code` +
		(apply ? ` and were moved to codeSetYear ${year}.` : ` (--apply moves them to ${year}).`)
);
if (flagged.length) {
	console.log(`Not moved: ${flagged.map((i) => i.id).join(', ')}`);
	process.exit(1);
}
