/**
 * `npm run banks:stats [dir]`: item counts by bank, section, type, difficulty and exam, and for
 * each full exam preset how many items its blueprint lacks per area and whether two exams with
 * no item in common can be drawn (src/lib/exam/coverage.ts). Exits 1 if the banks are invalid.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/content/types.ts';
import { coverageReport } from '../src/lib/exam/coverage.ts';
import { PRESETS } from '../src/lib/exam/presets.ts';
import { checkBanks } from './lib/banks.ts';

const { banks, problems } = checkBanks(process.argv[2] ? resolve(process.argv[2]) : undefined);
if (problems.length) {
	for (const p of problems) console.error(formatProblem(p));
	console.error(`\n${problems.length} problem(s): run npm run banks:check first.`);
	process.exit(1);
}
console.log(
	coverageReport(
		banks.flatMap((b) => b.items),
		PRESETS
	)
);
