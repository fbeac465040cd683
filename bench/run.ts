/**
 * `npm run bench`: prints timings; it never passes or fails. Figures are copied by hand into
 * bench/RESULTS.md with the machine and date.
 *
 * 1. Node: code-set loading, bank validation, grading.
 * 2. Chromium (Debian's, real IndexedDB): the drill with 20,000 cards and 200,000 review logs.
 * 3. Chromium: the code book's worker (index-ready, keystroke-to-results, memory) against plain
 *    fuse.js over the same documents.
 *
 * 4. Chromium: drill open, practice start, exam start, install download and page memory with the
 *    banks at today's size and at 10x, before and after the bank index (bench/banks.ts).
 *
 * 5. Node (fake-indexeddb): which items were answered, at practice start, with 100,000 attempts.
 *
 * 6. Chromium, the built app: home and stats with 300,000 attempts and 300,000 review logs, against
 *    a naive read of the whole log (bench/history.ts).
 *
 * 7. Node: the code book's search scored on everyday look-ups (bench/codebook-eval.ts).
 *
 * `npm run bench -- codebook` (or `node`, `drill`, `banks`, `answered`, `history`, `codebook-eval`)
 * runs one part only;
 * `npm run bench -- banks old 10` one approach at one size.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { readBankSources } from '../scripts/lib/banks.ts';
import { codeSetsFromText } from '../src/lib/codebook/codesets.ts';
import { validateBanks } from '../src/lib/content/validate.ts';
import { gradeCodeEntry } from '../src/lib/grading/grade.ts';
import { codeBookFiles } from '../src/lib/server/codebook-data.ts';
import { answeredBench } from './answered.ts';
import { banksBench, printFigures } from './banks.ts';
import { codebookEvalBench } from './codebook-eval.ts';
import { CODEBOOK_QUERIES } from './codebook-queries.ts';
import { historyBench } from './history.ts';

function time(label: string, runs: number, fn: () => void): void {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	samples.sort((a, b) => a - b);
	const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
	console.log(
		`${label.padEnd(48)} median ${p(0.5).toFixed(3)} ms  p95 ${p(0.95).toFixed(3)} ms  (n=${runs})`
	);
}

function node(): void {
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
	const key = {
		icd10cm: ['J02.9', 'R50.9'],
		procedures: ['99213-25', '96372', 'J1885 x2'],
		icd10pcs: []
	};
	time('grade one code-entry answer', 10_000, () => {
		gradeCodeEntry(key, { icd10cm: 'r50.9 j029', procedures: '99213 96372 J1885 x2 80053' });
	});
}

/** Bundles browser-side bench code (ES modules) into `outDir` with Vite. */
async function buildForBrowser(
	outDir: string,
	entry: string | Record<string, string>,
	fileName?: string
) {
	await build({
		configFile: false,
		logLevel: 'warn',
		build: {
			outDir,
			emptyOutDir: true,
			lib: { entry, formats: ['es'], ...(fileName ? { fileName } : {}) }
		}
	});
}

/** A throwaway local server on a free port; resolves with the port. */
async function serve(server: Server): Promise<number> {
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	return typeof address === 'object' && address ? address.port : 0;
}

/** Debian's Chromium, as the e2e tests use it. */
function launchChromium(extraArgs: string[] = []) {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs]
	});
}

async function browser(): Promise<void> {
	const out = resolve('bench/out');
	await buildForBrowser(out, resolve('bench/drill.browser.ts'), 'drill');
	const page = '<!doctype html><meta charset="utf-8"><title>bench</title>';
	const server = createServer((req, res) => {
		if (req.url === '/drill.js') {
			res.setHeader('content-type', 'text/javascript');
			res.end(readFileSync(join(out, 'drill.js')));
		} else {
			res.setHeader('content-type', 'text/html');
			res.end(page);
		}
	});
	const port = await serve(server);
	const chrome = await launchChromium();
	try {
		const tab = await chrome.newPage();
		await tab.goto(`http://127.0.0.1:${port}/`);
		const r = await tab.evaluate(async () => {
			const mod = await import(`${location.origin}/drill.js`);
			return mod.run();
		});
		console.log(
			`\nDrill in Chromium ${chrome.version()}, 20,000 cards + 200,000 review logs in IndexedDB:`
		);
		console.log(
			`  fill database (cards ${r.cardsMs.toFixed(0)} ms)                 ${r.fillMs.toFixed(0)} ms`
		);
		console.log(
			`  open drill (build today's queue of ${r.queueLength})      ${r.openMs.toFixed(1)} ms`
		);
		console.log(
			`  next-item selection (n=${r.samples})                 median ${r.selectP50.toFixed(2)} ms  p95 ${r.selectP95.toFixed(2)} ms  (target p95 <= 10 ms)`
		);
		console.log(
			`  grade-to-next-card incl. write (n=${r.samples})      median ${r.gradeP50.toFixed(2)} ms  p95 ${r.gradeP95.toFixed(2)} ms  (target p95 <= 50 ms)`
		);
	} finally {
		await chrome.close();
		server.close();
	}
}

/**
 * `codepage`: only the direct code-page load, new path against the old (a quick run); `warm`:
 * only issue 14's first-visit and later-visit figures.
 */
async function codebook(part: 'all' | 'codepage' | 'warm' = 'all'): Promise<void> {
	const out = resolve('bench/out/codebook');
	await buildForBrowser(out, {
		codebook: resolve('bench/codebook.browser.ts'),
		'codebook-worker': resolve('src/lib/codebook/search.worker.ts')
	});
	const files = codeBookFiles();
	const server = createServer((req, res) => {
		const path = req.url ?? '/';
		// Cross-origin isolation lets the page measure the worker's memory
		// (performance.measureUserAgentSpecificMemory).
		res.setHeader('cross-origin-opener-policy', 'same-origin');
		res.setHeader('cross-origin-embedder-policy', 'require-corp');
		const body = files.bodies.get(path.replace('/data/codebook/', ''));
		if (path === '/data/codebook/manifest.json') {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(files.manifest));
		} else if (body) {
			res.setHeader('content-type', 'application/gzip');
			res.end(body);
		} else if (/^\/[\w.-]+\.js$/.test(path)) {
			res.setHeader('content-type', 'text/javascript');
			res.end(readFileSync(join(out, path)));
		} else {
			res.setHeader('content-type', 'text/html');
			res.end('<!doctype html><meta charset="utf-8"><title>bench</title>');
		}
	});
	const port = await serve(server);
	const chrome = await launchChromium(['--enable-blink-features=ForceEagerMeasureMemory']);
	try {
		const tab = await chrome.newPage();
		await tab.goto(`http://127.0.0.1:${port}/`);
		if (part === 'codepage') {
			const c = await tab.evaluate(async () => {
				const mod = await import(`${location.origin}/codebook.js`);
				return mod.runCodePage(`${location.origin}/codebook-worker.js`);
			});
			console.log(`\nCode page on a direct load in Chromium ${chrome.version()}:`);
			printCodePage(c);
			return;
		}
		if (part === 'warm') {
			const w = await tab.evaluate(async (queries) => {
				const mod = await import(`${location.origin}/codebook.js`);
				return mod.runWarm(queries, `${location.origin}/codebook-worker.js`);
			}, CODEBOOK_QUERIES);
			console.log(`\nCode book warm start in Chromium ${chrome.version()}:`);
			printWarm(w);
			return;
		}
		const r = await tab.evaluate(async (queries) => {
			const mod = await import(`${location.origin}/codebook.js`);
			return mod.run(queries, `${location.origin}/codebook-worker.js`);
		}, CODEBOOK_QUERIES);
		const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
		console.log(
			`\nCode book in Chromium ${chrome.version()}, ${r.documents} documents, ${CODEBOOK_QUERIES.length} queries:`
		);
		console.log(
			`  download ${mb(files.manifest.bytes)} gzipped (${mb(files.manifest.files.reduce((s, f) => s + f.rawBytes, 0))} of text)`
		);
		console.log(
			`  worker ready for the keystroke run (a later visit: restored)  ${r.readyMs.toFixed(0)} ms`
		);
		printCodePage(r);
		printWarm(r);
		console.log(
			`  worker JS heap after the keystroke run (later visit)  ${Number.isNaN(r.memoryBytes) ? 'n/a' : mb(r.memoryBytes)}`
		);
		console.log(
			`  keystroke-to-results via the worker (n=${r.keystrokes})  median ${r.keyP50.toFixed(2)} ms  p95 ${r.keyP95.toFixed(2)} ms  max ${r.keyMax.toFixed(1)} ms  (target p95 <= 16 ms)`
		);
		console.log(`  of which search inside the worker             p95 ${r.workerP95.toFixed(2)} ms`);
		console.log(
			`  full queries via the worker (n=${CODEBOOK_QUERIES.length})         median ${r.fullP50.toFixed(2)} ms  p95 ${r.fullP95.toFixed(2)} ms`
		);
		console.log(
			`  baseline: plain fuse.js, same documents (index ${r.fuseIndexMs.toFixed(0)} ms)  median ${r.fuseP50.toFixed(0)} ms  p95 ${r.fuseP95.toFixed(0)} ms`
		);
	} finally {
		await chrome.close();
		server.close();
	}
}

function printWarm(r: Record<string, number>): void {
	const ms = (n: number | undefined) => `${(n ?? NaN).toFixed(0)} ms`;
	const mb = (n: number | undefined) =>
		n === undefined || Number.isNaN(n) ? 'n/a' : `${(n / 1024 / 1024).toFixed(1)} MB`;
	console.log(
		`  first visit: fresh worker to first search answered (no snapshot)  ${ms(r.coldReadyMs)} (index ${ms(r.coldIndexMs)})`
	);
	console.log(
		`  later visit: fresh worker to first search answered (n=5)  median ${ms(r.warmP50)}  max ${ms(r.warmMax)}  (IndexedDB read median ${ms(r.readP50)}, read + restore ${ms(r.restoreP50)})`
	);
	console.log(
		`  code page E11.9 on a later visit (fresh worker, n=3)  median ${ms(r.warmCodePageP50)}  max ${ms(r.warmCodePageMax)}`
	);
	console.log(
		`  worker memory: first visit after searching ${mb(r.coldMemory)}; later visit after searching ${mb(r.warmMemory)}, then a code page ${mb(r.warmTreeMemory)}`
	);
}

function printCodePage(r: Record<string, number>): void {
	const ms = (n: number | undefined) => `${(n ?? NaN).toFixed(0)} ms`;
	console.log(
		`  code page on a direct load (E11.9, fresh worker, n=3)  median ${ms(r.codePageP50)}  max ${ms(r.codePageMax)}`
	);
	console.log(
		`  same, old path (index built first)                   median ${ms(r.codePageEagerP50)}  max ${ms(r.codePageEagerMax)}`
	);
}

const only = process.argv[2];
if (!only || only === 'node') node();
if (!only || only === 'drill') await browser();
if (!only || only === 'history') {
	const [attempts, reviews] = process.argv.slice(3).map(Number);
	await historyBench(attempts || undefined, reviews || undefined);
}
if (!only || only === 'codebook') await codebook();
if (only === 'codepage') await codebook('codepage');
if (only === 'warm') await codebook('warm');
if (only === 'codekeys') await (await import('./codekeys.ts')).codeKeysBench(process.argv[3]);
if (!only || only === 'banks') {
	const [approach, scale] = process.argv.slice(3);
	const figures = await banksBench(
		approach === 'old' || approach === 'new' ? [approach] : undefined,
		scale ? [Number(scale)] : undefined
	);
	console.log('\nBanks, all runs:');
	printFigures(figures);
}
if (!only || only === 'answered') await answeredBench(Number(process.argv[3] ?? 100_000));
if (!only || only === 'codebook-eval') codebookEvalBench(Number(process.argv[3] ?? 8));
