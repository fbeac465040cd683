/**
 * `npm run bench -- banks`: how the app copes with bigger banks (issue 11, "Scale with the
 * banks"). For each approach (the code before the change, `old`, and the working tree, `new`)
 * and each size (today's banks, and every item copied to 10x), builds the app in a scratch copy
 * and measures in Debian's Chromium:
 *
 * - drill open, practice start and exam start: navigation to the first item on screen (a fresh
 *   profile each run, service worker blocked, as a first visit sees it);
 * - page memory: the JS heap of /drill after a garbage collection, with the first card shown;
 * - install download: every byte the first visit fetches until the service worker is installed
 *   (the code book's background download excluded: it is the same in both);
 * - release download: after a second build in which one bank changed (one item's rationale),
 *   the bytes the update fetches until the new service worker is installed.
 *
 * The old code comes from `git archive` of BENCH_OLD_REV (default: the commit before the change).
 * Run it under the shared lock: it builds the app six times.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync, execSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The last commit before the bank index and the content-hashed bank files. */
const OLD_REV = process.env.BENCH_OLD_REV ?? '1d2afe0';
const ROOT = resolve('.');
const SCRATCH = join(tmpdir(), `codedrill-bench-banks-${process.pid}`);
const RUNS = 5;

type Approach = 'old' | 'new';

export interface Figures {
	approach: Approach;
	scale: number;
	items: number;
	drillOpenMs: number[];
	/** Of drill open, the part after the page hydrated: the data's share. */
	drillDataMs: number[];
	practiceStartMs: number[];
	practiceDataMs: number[];
	examStartMs: number[];
	drillHeapBytes: number;
	installBytes: number;
	installRequests: number;
	/** Of the install download: bank body files fetched, and their bytes. */
	installBankFiles?: [number, number];
	releaseBytes?: number;
	releaseBankFiles?: [number, number];
	releaseRequests?: number;
}

/** A copy of the source tree of `approach`, with node_modules linked. */
function sourceTree(approach: Approach, dir: string): void {
	mkdirSync(dir, { recursive: true });
	if (approach === 'old') {
		execSync(`git archive ${OLD_REV} | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT });
	} else {
		const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT })
			.toString()
			.split('\n')
			.filter((f) => f && existsSync(join(ROOT, f)));
		for (const f of files) cpSync(join(ROOT, f), join(dir, f));
	}
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

/**
 * Replaces the tree's banks with `scale` copies of every item (`<id>-x2` … `<id>-x10`), and, with
 * `change`, one edited item: a release in which one bank changed.
 */
function scaleBanks(dir: string, scale: number, change: boolean, approach: Approach): number {
	const banks = join(dir, 'question-banks');
	rmSync(banks, { recursive: true, force: true });
	cpSync(join(ROOT, 'question-banks'), banks, { recursive: true });
	let items = 0;
	for (const bank of readdirSync(banks)) {
		const folder = join(banks, bank);
		if (!statSync(folder).isDirectory()) continue;
		// The old validator predates `order` in bank.yaml and refuses unknown fields.
		if (approach === 'old') {
			const manifest = join(folder, 'bank.yaml');
			writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^order: \d+\n/m, ''));
		}
		for (const name of readdirSync(folder)) {
			if (!name.endsWith('.md')) continue;
			items += scale;
			const text = readFileSync(join(folder, name), 'utf8');
			const id = name.replace(/\.md$/, '');
			for (let k = 2; k <= scale; k++) {
				const copy = `${id}-x${k}`;
				writeFileSync(join(folder, `${copy}.md`), text.replace(`id: ${id}\n`, `id: ${copy}\n`));
			}
		}
	}
	if (change) {
		const file = join(
			banks,
			'billing',
			readdirSync(join(banks, 'billing')).find((n) => n.endsWith('.md'))!
		);
		writeFileSync(
			file,
			readFileSync(file, 'utf8').trimEnd() + '\n\nEdited for the next release.\n'
		);
	}
	return items;
}

function build(dir: string): string {
	const t0 = performance.now();
	execSync('npx svelte-kit sync && npx vite build --logLevel warn', { cwd: dir, stdio: 'inherit' });
	console.log(`  built ${dir} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
	return join(dir, 'build');
}

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.gz': 'application/gzip'
};

/** A static server for a build folder that can be swapped for another (a new release). */
async function staticServer() {
	let root = '';
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const candidates = [path, `${path}.html`, join(path, 'index.html')].map((p) => join(root, p));
		const file = candidates.find(
			(p) => p.startsWith(root) && existsSync(p) && statSync(p).isFile()
		);
		if (!file) {
			res.statusCode = 404;
			res.end('not found');
			return;
		}
		res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
		// No validators and no caching: every fetch the app makes reaches the network and is counted.
		res.setHeader('cache-control', 'no-store');
		res.end(readFileSync(file));
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		origin: `http://127.0.0.1:${port}`,
		serve: (dir: string) => (root = dir),
		close: () => server.close()
	};
}

async function hydrated(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForSelector('body[data-hydrated="true"]');
}

/** Milliseconds from navigation to `ready` resolving, in a fresh profile. */
async function timed(
	chrome: Browser,
	origin: string,
	act: (page: Page) => Promise<void>
): Promise<{ ms: number; page: Page; context: BrowserContext }> {
	const context = await chrome.newContext({ baseURL: origin, serviceWorkers: 'block' });
	const page = await context.newPage();
	const t0 = performance.now();
	await act(page);
	return { ms: performance.now() - t0, page, context };
}

async function firstItem(page: Page): Promise<void> {
	await page.locator('article[data-item-id]').first().waitFor({ timeout: 120_000 });
}

async function heapAfterGc(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.enable');
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	return usedSize;
}

/** Counts the bytes the context fetches (page and service worker), the code book left out. */
function countBytes(context: BrowserContext) {
	const totals = { bytes: 0, requests: 0, bankBytes: 0, bankFiles: 0 };
	const pending: Promise<void>[] = [];
	context.on('requestfinished', (request) => {
		if (request.url().includes('/data/codebook/') && request.url().endsWith('.gz')) return;
		pending.push(
			request.sizes().then((s) => {
				totals.bytes += s.responseBodySize + s.responseHeadersSize;
				totals.requests++;
				// Bank bodies: the whole banks before, the item files now.
				if (/\/data\/(banks|items)\/[^/]+\.json$/.test(new URL(request.url()).pathname)) {
					totals.bankBytes += s.responseBodySize;
					totals.bankFiles++;
				}
			})
		);
	});
	return { totals, settle: () => Promise.all(pending) };
}

/** Waits until the registration has no worker installing or waiting (install finished). */
async function installed(page: Page): Promise<void> {
	await page.waitForFunction(
		async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			return !!reg?.active && !reg.installing && !reg.waiting;
		},
		undefined,
		{ timeout: 300_000, polling: 250 }
	);
}

async function measure(
	chrome: Browser,
	approach: Approach,
	scale: number,
	dir: string,
	release: string | undefined,
	items: number
): Promise<Figures> {
	const server = await staticServer();
	server.serve(dir);
	const origin = server.origin;
	const f: Figures = {
		approach,
		scale,
		items,
		drillOpenMs: [],
		drillDataMs: [],
		practiceStartMs: [],
		practiceDataMs: [],
		examStartMs: [],
		drillHeapBytes: NaN,
		installBytes: NaN,
		installRequests: 0
	};
	try {
		for (let run = 0; run < RUNS; run++) {
			let t1 = 0;
			const drill = await timed(chrome, origin, async (page) => {
				await hydrated(page, '/drill');
				t1 = performance.now();
				await firstItem(page);
				f.drillDataMs.push(performance.now() - t1);
			});
			f.drillOpenMs.push(drill.ms);
			if (run === RUNS - 1) f.drillHeapBytes = await heapAfterGc(drill.page);
			await drill.context.close();

			const practice = await timed(chrome, origin, async (page) => {
				await hydrated(page, '/practice/run?bank=cpc&section=mixed');
				t1 = performance.now();
				await firstItem(page);
				f.practiceDataMs.push(performance.now() - t1);
			});
			f.practiceStartMs.push(practice.ms);
			await practice.context.close();

			// From the exam picker with its data loaded: the press on Start to question 1.
			const context = await chrome.newContext({ baseURL: origin, serviceWorkers: 'block' });
			const page = await context.newPage();
			await hydrated(page, '/exam');
			const start = page.getByTestId('preset-CPC-mini').getByRole('button');
			await start.waitFor();
			const t0 = performance.now();
			await start.click();
			await page.getByRole('heading', { name: /Question 1 of/ }).waitFor({ timeout: 120_000 });
			f.examStartMs.push(performance.now() - t0);
			await context.close();
		}

		const context = await chrome.newContext({ baseURL: origin, serviceWorkers: 'allow' });
		const count = countBytes(context);
		const page = await context.newPage();
		await hydrated(page, '/');
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await installed(page);
		await count.settle();
		f.installBytes = count.totals.bytes;
		f.installRequests = count.totals.requests;
		f.installBankFiles = [count.totals.bankFiles, count.totals.bankBytes];
		if (release) {
			Object.assign(count.totals, { bytes: 0, requests: 0, bankBytes: 0, bankFiles: 0 });
			server.serve(release);
			// Waits for the new worker to finish installing: update() resolves before it has.
			await page.evaluate(async () => {
				const reg = await navigator.serviceWorker.getRegistration();
				if (!reg) throw new Error('no service worker');
				const found = new Promise<void>((r) => reg.addEventListener('updatefound', () => r()));
				await reg.update();
				await found;
				const worker = reg.installing;
				if (!worker) return;
				// No named helpers in here: tsx would wrap them in a function the page lacks.
				await new Promise<void>((r) => {
					if (worker.state === 'activated' || worker.state === 'redundant') r();
					worker.addEventListener('statechange', () => {
						if (worker.state === 'activated' || worker.state === 'redundant') r();
					});
				});
			});
			await installed(page);
			await count.settle();
			f.releaseBytes = count.totals.bytes;
			f.releaseRequests = count.totals.requests;
			f.releaseBankFiles = [count.totals.bankFiles, count.totals.bankBytes];
		}
		await context.close();
	} finally {
		server.close();
	}
	return f;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function printFigures(all: Figures[]): void {
	const mb = (n: number | undefined) => (n === undefined ? '-' : `${(n / 1e6).toFixed(2)} MB`);
	const ms = (xs: number[]) =>
		`${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
	for (const f of all) {
		console.log(`\n${f.approach} approach, banks at ${f.scale}x (${f.items} items):`);
		console.log(`  drill open            ${ms(f.drillOpenMs)}`);
		console.log(`    after hydration     ${ms(f.drillDataMs)}`);
		console.log(`  practice start (cpc)  ${ms(f.practiceStartMs)}`);
		console.log(`    after hydration     ${ms(f.practiceDataMs)}`);
		console.log(`  exam start (CPC mini) ${ms(f.examStartMs)}`);
		console.log(`  /drill JS heap        ${mb(f.drillHeapBytes)}`);
		console.log(`  install download      ${mb(f.installBytes)} in ${f.installRequests} requests`);
		const files = (b?: [number, number]) => (b ? `${b[0]} bank files, ${mb(b[1])}` : '-');
		console.log(`    of which            ${files(f.installBankFiles)}`);
		if (f.releaseBytes !== undefined)
			console.log(
				`  release, one bank changed: ${mb(f.releaseBytes)} in ${f.releaseRequests} requests, of which ${files(f.releaseBankFiles)}`
			);
	}
}

/** `approaches` and `scales` default to both and [1, 10]; the 10x run also measures a release. */
export async function banksBench(
	approaches: Approach[] = ['old', 'new'],
	scales: number[] = [1, 10]
): Promise<Figures[]> {
	const all: Figures[] = [];
	const chrome = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		for (const approach of approaches) {
			for (const scale of scales) {
				const dir = join(SCRATCH, `${approach}-${scale}x`);
				sourceTree(approach, dir);
				const items = scaleBanks(dir, scale, false, approach);
				const first = build(dir);
				let release: string | undefined;
				if (scale > 1) {
					// The release build: same code, one bank edited, its own output folder.
					const next = join(SCRATCH, `${approach}-${scale}x-release`);
					sourceTree(approach, next);
					scaleBanks(next, scale, true, approach);
					release = build(next);
				}
				const f = await measure(chrome, approach, scale, first, release, items);
				all.push(f);
				printFigures([f]);
				mkdirSync('bench/out', { recursive: true });
				writeFileSync(`bench/out/banks-${approach}-${scale}x.json`, JSON.stringify(f, null, 2));
			}
		}
	} finally {
		await chrome.close();
		rmSync(SCRATCH, { recursive: true, force: true });
	}
	return all;
}
