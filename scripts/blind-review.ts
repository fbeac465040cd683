/**
 * Blind review of bank items: a second reviewer answers each new item without its key, and the
 * kind's own grader compares their answer with the key.
 *
 *   npx tsx scripts/blind-review.ts export <id-prefix> <out-dir>
 *     writes <out-dir>/<id>.md for each item whose id starts with the prefix: the item as the
 *     learner sees it (its kind's `blind.ts`), with no key and no rationale, and the JSON shape
 *     to answer in; plus <out-dir>/answers.json, an object of id -> null to fill in.
 *   npx tsx scripts/blind-review.ts grade <id-prefix> <answers.json>
 *     grades each answer with the kind's grader and prints the agreement rate and every item
 *     where the reviewer and the key differ (to settle against the official files).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Item } from '../src/lib/content/types.ts';
import { validateBanks } from '../src/lib/content/validate.ts';
import { kindOf } from '../src/lib/items/registry.ts';
import { loadCodeSets, readBankSources } from './lib/banks.ts';

const [command, prefix, path] = process.argv.slice(2);
if (!command || !prefix || !path || !['export', 'grade'].includes(command)) {
	console.error(
		'usage: blind-review.ts export <id-prefix> <out-dir> | grade <id-prefix> <answers.json>'
	);
	process.exit(2);
}

const { banks, problems } = validateBanks(readBankSources(), loadCodeSets());
if (problems.length) console.warn(`${problems.length} bank problem(s); those items are left out`);
const items = banks.flatMap((b) => b.items).filter((i) => i.id.startsWith(prefix));
if (!items.length) {
	console.error(`no item id starts with "${prefix}"`);
	process.exit(1);
}

/** The kind's blind rendering, or a plain one for kinds without `blind.ts`. */
async function blindText(item: Item): Promise<string> {
	const file = resolve(import.meta.dirname, `../src/lib/items/${item.type}/blind.ts`);
	if (existsSync(file)) {
		const mod = (await import(file)) as { blindText: (item: Item) => string };
		return mod.blindText(item);
	}
	const kind = kindOf(item);
	const options =
		item.type === 'single-best-answer'
			? '\n\n' + item.options.map((o) => `- ${o.letter}. ${o.text}`).join('\n')
			: '';
	return `${kind.prompt(item)}${options}\n\nAnswer as JSON: ${JSON.stringify(kind.empty(item))}`;
}

if (command === 'export') {
	const out = resolve(path);
	mkdirSync(out, { recursive: true });
	const answers: Record<string, null> = {};
	for (const item of items) {
		writeFileSync(`${out}/${item.id}.md`, `# ${item.id}\n\n${await blindText(item)}\n`);
		answers[item.id] = null;
	}
	writeFileSync(`${out}/answers.json`, JSON.stringify(answers, null, 2) + '\n');
	console.log(`${items.length} item(s) written to ${out}`);
} else {
	const given = JSON.parse(readFileSync(resolve(path), 'utf8')) as Record<string, unknown>;
	let agree = 0;
	let answered = 0;
	for (const item of items) {
		const kind = kindOf(item);
		const stored = given[item.id];
		if (stored === undefined || stored === null) {
			console.log(`${item.id}: not answered`);
			continue;
		}
		answered++;
		const r = kind.read(stored, item);
		if (r === undefined) {
			console.log(
				`${item.id}: the answer is not a ${item.type} response: ${JSON.stringify(stored)}`
			);
			continue;
		}
		const g = kind.grade(item, r);
		if (g.correct) agree++;
		else
			console.log(
				`${item.id}: DIFFERS (score ${g.score.toFixed(2)})\n  key:      ${kind.keyText(item)}\n  reviewer: ${kind.responseText(item, r)}`
			);
	}
	const rate = answered ? Math.round((agree / answered) * 1000) / 10 : 0;
	console.log(`\nagreement: ${agree} of ${answered} answered (${rate}%), ${items.length} item(s)`);
}
