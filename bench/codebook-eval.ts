/**
 * `npm run bench -- codebook-eval [misses per kind]`: the code book's search (the real
 * SearchIndex over the shipped code sets, in Node) scored on the everyday look-ups of
 * bench/codebook-eval/everyday.tsv, by kind, beside the official-table recall that
 * src/lib/codebook/quality.test.ts holds it to. Prints Markdown for bench/RESULTS.md.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluate, figuresTable, missLine, parseEvalTsv } from '../src/lib/codebook/eval.ts';
import { officialRecallAt10, officialTableSet } from '../src/lib/codebook/official-cases.ts';
import { SearchIndex } from '../src/lib/codebook/search.ts';
import { realCodeBook } from '../tests/factories/codebook.ts';

const FILE = 'bench/codebook-eval/everyday.tsv';

export function codebookEvalBench(missesPerKind = 8): void {
	const rows = parseEvalTsv(readFileSync(FILE, 'utf8'), FILE);
	const data = realCodeBook();
	const t0 = performance.now();
	const index = new SearchIndex(data);
	const buildMs = performance.now() - t0;
	const search = (query: string) =>
		index
			.search(query, {}, 10)
			.hits.map((h) => ({ code: h.code, system: h.system, title: h.title }));

	const t1 = performance.now();
	const report = evaluate(rows, search);
	const everydayMs = performance.now() - t1;
	const official = officialRecallAt10(search, officialTableSet(data));

	console.log(
		`\nCode book search on everyday look-ups (${FILE}, ${rows.length} queries; ` +
			`index built in ${buildMs.toFixed(0)} ms, queries run in ${everydayMs.toFixed(0)} ms):\n`
	);
	console.log(figuresTable(report));
	console.log(
		`\nofficial-table recall@10 (quality.test.ts's ${officialTableSet(data).length} drug table and external cause terms): ${official.recall.toFixed(3)}`
	);
	console.log(`\nFirst misses (not in the top 10) by kind, with what came first:`);
	for (const kind of report.kinds) {
		if (kind.misses.length === 0) continue;
		console.log(`\n${kind.kind} (${kind.misses.length} of ${kind.n} missed):`);
		for (const miss of kind.misses.slice(0, missesPerKind)) console.log(`- ${missLine(miss)}`);
	}
}
