/**
 * `npm run banks:check [dir]`: validates every bank under question-banks/ (or `dir`) and prints
 * each problem as `file:line: message`. Exits 1 if there is any.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/content/types.ts';
import { checkBanks } from './lib/banks.ts';

const dir = process.argv[2] ? resolve(process.argv[2]) : undefined;
const { banks, problems } = checkBanks(dir);
for (const p of problems) console.error(formatProblem(p));
const items = banks.reduce((n, b) => n + b.items.length, 0);
if (problems.length) {
	console.error(`\n${problems.length} problem(s); fix them before the bank can ship.`);
	process.exit(1);
}
const byType = new Map<string, number>();
for (const b of banks) for (const i of b.items) byType.set(i.type, (byType.get(i.type) ?? 0) + 1);
const types = [...byType].map(([t, n]) => `${n} ${t}`).join(', ');
console.log(`${banks.length} bank(s), ${items} item(s) OK (${types})`);
