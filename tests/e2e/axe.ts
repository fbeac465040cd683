/**
 * axe-core on the screen as it stands, in the light and then the dark color scheme. Checking
 * both schemes on one screen, instead of replaying a whole path once per scheme, halves what
 * the suite spends reaching screens (the code book's load, an exam's 25 items).
 */
import axe from 'axe-core';
import { expect, type Locator, type Page } from '@playwright/test';

export const SCHEMES = ['light', 'dark'] as const;

/**
 * For a test that checks screens with `noViolations`: each call is two full axe runs, which
 * beside the other e2e worker on the loaded 2-core machine have taken up to 5-7 s a screen.
 */
export const AXE_TEST_TIMEOUT = 60_000;

export interface AxeOptions {
	/** Check only this part of the page (a CSS selector). */
	include?: string;
	/** Also save a screenshot per scheme, as test-results/screenshots/<shot>-<scheme>.png. */
	shot?: string;
	/** Whether the screenshot holds the whole page (default) or the viewport. */
	fullPage?: boolean;
}

type AxeWindow = { axe?: typeof axe };

/**
 * Whether axe passes also save their screenshots: always on a developer's machine, where someone
 * looks at them; in CI (`CI` set) only with `E2E_SHOTS=1`, since nobody opens them there and the
 * full-page shots of both schemes cost about a minute of the 2-core machine's suite.
 */
const SHOTS = !process.env.CI || process.env.E2E_SHOTS === '1';

/** A screenshot for a person to look at, taken under the same rule as axe's (see `SHOTS`). */
export async function shot(target: Page | Locator, path: string, fullPage = false): Promise<void> {
	if (!SHOTS) return;
	await target.screenshot(fullPage ? { path, fullPage } : { path });
}

export async function noViolations(page: Page, label: string, options: AxeOptions = {}) {
	// axe-core goes into the page once per call and runs there for each scheme, as
	// @axe-core/playwright's legacy mode does (no iframes in the app, so no per-frame runs) but
	// without its two injections of the 580 kB script and its extra round trips per run: those
	// made an analyze() 1.0-1.7 s where the run itself took 0.1-0.4 s.
	if (!(await page.evaluate(() => !!(window as AxeWindow).axe))) await page.evaluate(axe.source);
	for (const scheme of SCHEMES) {
		await page.emulateMedia({ colorScheme: scheme });
		// The context @axe-core/playwright builds for `include`, and the whole document without.
		const context = { include: options.include ? [options.include] : [], exclude: [] };
		const violations = await page.evaluate(
			async (context) => (await (window as AxeWindow).axe!.run(context, {})).violations,
			context
		);
		const summary = violations.map(
			(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
		expect(summary, `axe violations on ${label} (${scheme})`).toEqual([]);
		if (options.shot && SHOTS)
			await page.screenshot({
				path: `test-results/screenshots/${options.shot}-${scheme}.png`,
				fullPage: options.fullPage ?? true
			});
	}
	// Back to the browser's default, so what the test does next sees the usual scheme.
	await page.emulateMedia({ colorScheme: null });
}
