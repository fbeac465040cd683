/**
 * `npm run bench -- history`: home and stats with a long history (issue 12). Builds the app,
 * serves it with `vite preview`, fills the app's own IndexedDB in Chromium with 300,000 attempts
 * and 300,000 review logs (bench/history.browser.ts), then times, from navigation start, until
 * the page shows its figures: the home page (answers, due today) and the stats page; and, in the
 * same run, the naive full read of the attempt and review logs that the old home page did.
 */
import { spawn, execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const RUNS = 5;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] ?? NaN;
}

/**
 * Milliseconds from navigation start until `ready` holds in the page (checked every frame; a
 * function, not a string: the app's CSP forbids eval).
 */
async function timeTo<A>(
	page: Page,
	url: string,
	ready: (arg: A) => boolean,
	arg: A
): Promise<number> {
	// A visit from a quiet browser: the last page's reads (IndexedDB keeps serving a page's
	// queued requests after it is left) are over before the clock starts.
	await page.goto('about:blank');
	await new Promise((r) => setTimeout(r, 1500));
	await page.goto(url);
	await page.waitForFunction(ready as (arg: unknown) => boolean, arg, {
		polling: 'raf',
		timeout: 60_000
	});
	return page.evaluate(() => performance.now());
}

// No inner named functions in these two: tsx would wrap them in a `__name` helper that the page
// does not have.
function homeReady(attempts: string): boolean {
	const answers = document.querySelector('[data-testid="stat-attempts"]')?.textContent?.trim();
	const due = document.querySelector('[data-testid="due-today"]')?.textContent?.trim() ?? '';
	return answers === attempts && /^\d+$/.test(due);
}

function statsReady(): boolean {
	return (
		document.querySelector('[data-stats-ready]') !== null &&
		document.querySelector('[data-testid="readiness"]') !== null
	);
}

/** The page's performance marks (see the state classes): name to ms from navigation start. */
function marksOf(tab: Page): Promise<Record<string, number>> {
	return tab.evaluate(() =>
		Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))
	);
}

function printMarks(runs: Record<string, number>[]): void {
	const names = [...new Set(runs.flatMap((m) => Object.keys(m)))];
	const at = names.map((n) => `${n} ${median(runs.map((m) => m[n] ?? NaN)).toFixed(0)}`);
	console.log(`    marks (medians from navigation start): ${at.join(', ')} ms`);
}

export async function historyBench(attempts = 300_000, reviews = 300_000): Promise<void> {
	execSync('npx svelte-kit sync && npx vite build --logLevel warn', { stdio: 'inherit' });
	const out = resolve('bench/out/history');
	await build({
		configFile: false,
		logLevel: 'warn',
		build: {
			outDir: out,
			emptyOutDir: true,
			lib: { entry: resolve('bench/history.browser.ts'), formats: ['es'], fileName: 'history' }
		}
	});
	const preview = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	// A kept profile: the filled database survives to the next run (filling takes minutes).
	const context = await chromium.launchPersistentContext(resolve(`bench/out/profile-${attempts}`), {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
		serviceWorkers: 'block'
	});
	try {
		const origin = `http://localhost:${PORT}`;
		for (let i = 0; ; i++) {
			try {
				if ((await fetch(`${origin}/data/banks.json`)).ok) break;
			} catch {
				if (i > 100) throw new Error('vite preview did not start');
				await new Promise((r) => setTimeout(r, 300));
			}
		}
		const page = await context.newPage();
		// The bundle and any chunk it splits off, served from the app's origin.
		await page.route('**/__bench/*.js', (route) =>
			route.fulfill({
				contentType: 'text/javascript',
				body: readFileSync(join(out, new URL(route.request().url()).pathname.slice(9)), 'utf8')
			})
		);
		await page.goto(`${origin}/about`);
		const filled = await page.evaluate(
			async ([a, r]) => (await import(`${location.origin}/__bench/history.js`)).fill(a, r),
			[attempts, reviews] as const
		);
		const version = (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1];
		console.log(
			`\nHome and stats in Chromium ${version}, ${attempts.toLocaleString('en-US')} attempts + ${reviews.toLocaleString('en-US')} review logs in IndexedDB:`
		);
		if (filled.fillMs !== undefined)
			console.log(
				`  fill database ${(filled.fillMs / 1000).toFixed(1)} s; start the totals from the log (the version 3 upgrade) ${filled.totalsMs.toFixed(0)} ms`
			);
		// Timed in a tab of its own: a page with a route handler (the bundle's, above) makes
		// Chromium skip its HTTP cache, which a learner's browser would not.
		const tab = await context.newPage();
		const hydrated: number[] = [];
		for (let i = 0; i < RUNS; i++)
			hydrated.push(
				await timeTo(tab, `${origin}/`, () => document.body.dataset.hydrated === 'true', undefined)
			);
		console.log(
			`  home page, navigation to hydrated (the floor) (n=${RUNS}) median ${median(hydrated).toFixed(0)} ms`
		);
		await page.goto(`${origin}/about`);
		const probe = await page.evaluate(async () =>
			(await import(`${location.origin}/__bench/history.js`)).probe()
		);
		console.log(
			`  the home page's reads, each alone: ${Object.entries(probe)
				.map(([k, v]) => `${k} ${(v as number).toFixed(0)}`)
				.join(', ')} ms`
		);
		const home: number[] = [];
		const marks: Record<string, number>[] = [];
		for (let i = 0; i < RUNS; i++) {
			home.push(await timeTo(tab, `${origin}/`, homeReady, attempts.toLocaleString('en-US')));
			marks.push(await marksOf(tab));
		}
		console.log(
			`  home page, navigation to figures shown (n=${RUNS})   median ${median(home).toFixed(0)} ms  max ${Math.max(...home).toFixed(0)} ms  (target <= 300 ms)`
		);
		printMarks(marks);
		const hasStats = (await fetch(`${origin}/stats`)).ok;
		if (hasStats) {
			const stats: number[] = [];
			const statsMarks: Record<string, number>[] = [];
			for (let i = 0; i < RUNS; i++) {
				stats.push(await timeTo(tab, `${origin}/stats`, statsReady, undefined));
				statsMarks.push(await marksOf(tab));
			}
			console.log(
				`  stats page, navigation to every chart drawn (n=${RUNS}) median ${median(stats).toFixed(0)} ms  max ${Math.max(...stats).toFixed(0)} ms  (target <= 1000 ms)`
			);
			printMarks(statsMarks);
		}
		const naive: { attemptsMs: number; reviewsMs: number }[] = [];
		await page.goto(`${origin}/about`);
		for (let i = 0; i < 3; i++)
			naive.push(
				await page.evaluate(async () =>
					(await import(`${location.origin}/__bench/history.js`)).naive()
				)
			);
		console.log(
			`  baseline: read the whole attempt log (n=3)           median ${median(naive.map((n) => n.attemptsMs)).toFixed(0)} ms`
		);
		console.log(
			`  baseline: read the whole review log (n=3)            median ${median(naive.map((n) => n.reviewsMs)).toFixed(0)} ms`
		);
	} finally {
		await context.close();
		if (preview.pid) process.kill(-preview.pid);
	}
}
