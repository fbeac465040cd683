/**
 * `npm run bench`: prints timings; it never passes or fails. Results are recorded by hand in
 * bench/RESULTS.md with the machine and date.
 */
import { performance } from 'node:perf_hooks';
import { codeSetsFromText } from '../src/lib/codebook/codesets.ts';
import { gradeCodeEntry } from '../src/lib/grading/grade.ts';
import { readBankSources } from '../scripts/lib/banks.ts';
import { validateBanks } from '../src/lib/content/validate.ts';
import { readFileSync } from 'node:fs';

function time(label: string, runs: number, fn: () => void): void {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	samples.sort((a, b) => a - b);
	const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
	console.log(`${label.padEnd(44)} median ${p(0.5).toFixed(3)} ms  p95 ${p(0.95).toFixed(3)} ms  (n=${runs})`);
}

const texts = {
	icd10cm: readFileSync('codesets/icd10cm-2026.tsv', 'utf8'),
	hcpcs: readFileSync('codesets/hcpcs-2025-oct.tsv', 'utf8'),
	icd10pcs: readFileSync('codesets/icd10pcs-2026.txt', 'utf8')
};
let codes = codeSetsFromText(texts);
time('load code sets (186k rows)', 5, () => {
	codes = codeSetsFromText(texts);
});
const sources = readBankSources();
time(`validate shipped banks (${sources.length} files)`, 20, () => {
	validateBanks(sources, codes);
});
const key = { icd10cm: ['J02.9', 'R50.9'], procedures: ['99213-25', '96372', 'J1885 x2'], icd10pcs: [] };
time('grade one code-entry answer', 10_000, () => {
	gradeCodeEntry(key, { icd10cm: 'r50.9 j029', procedures: '99213 96372 J1885 x2 80053' });
});
