/**
 * `npm run banks:check [dir]`: validates every bank under question-banks/ (or `dir`) and prints
 * each problem as `file:line: message`, then runs the review checks (guideline citations, quoted
 * phrases beside CPT codes) and lists near-duplicate items, and sections whose keys are too often
 * the longest option, as warnings. Exits 1 on any problem.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/content/types.ts';
import { validateBanks } from '../src/lib/content/validate.ts';
import { loadCodeSets, readBankSources } from './lib/banks.ts';
import { reviewBanks } from './lib/review.ts';

const dir = process.argv[2] ? resolve(process.argv[2]) : undefined;
const files = readBankSources(dir);
const codes = loadCodeSets();
const { banks, problems: invalid } = validateBanks(files, codes);
const review = reviewBanks(
	files,
	banks.flatMap((b) => b.items),
	codes
);
const problems = [...invalid, ...review.problems];
for (const p of problems) console.error(formatProblem(p));
if (review.warnings.length) {
	// Warnings, not failures: paraphrase detection has false positives, and a reviewer decides.
	console.warn(
		`\n${review.warnings.length} possible near-duplicate pair(s) (same key, similar text):`
	);
	for (const d of review.warnings)
		console.warn(`  ${d.a.file} ~ ${d.b.file} (${Math.round(d.similarity * 100)}% alike)`);
}
for (const c of review.cues)
	console.warn(
		`\n${c.section}: the key is clearly the longest option in ${c.longest.length} of ${c.items} ` +
			`prose items, a cue test-wise learners use; even out the options of: ${c.longest.join(', ')}`
	);
const items = banks.reduce((n, b) => n + b.items.length, 0);
if (problems.length) {
	console.error(`\n${problems.length} problem(s); fix them before the bank can ship.`);
	process.exit(1);
}
const byType = new Map<string, number>();
for (const b of banks) for (const i of b.items) byType.set(i.type, (byType.get(i.type) ?? 0) + 1);
const types = [...byType].map(([t, n]) => `${n} ${t}`).join(', ');
console.log(`${banks.length} bank(s), ${items} item(s) OK (${types})`);
