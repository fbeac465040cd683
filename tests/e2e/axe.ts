/**
 * axe-core on the screen as it stands, in the light and then the dark color scheme. Checking
 * both schemes on one screen, instead of replaying a whole path once per scheme, halves what
 * the suite spends reaching screens (the code book's load, an exam's 25 items).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SCHEMES = ['light', 'dark'] as const;

/**
 * For a test that checks screens with `noViolations`: each call is two full axe runs of a few
 * seconds each, which beside the other e2e worker on the 2-core machine take 5-7 s a screen.
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

export async function noViolations(page: Page, label: string, options: AxeOptions = {}) {
	for (const scheme of SCHEMES) {
		await page.emulateMedia({ colorScheme: scheme });
		// Legacy mode runs axe in the page itself; the default opens a blank page per run to merge
		// results across frames, which the app (no iframes) does not need: 30-40 % faster here.
		let builder = new AxeBuilder({ page }).setLegacyMode(true);
		if (options.include) builder = builder.include(options.include);
		const { violations } = await builder.analyze();
		const summary = violations.map(
			(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
		expect(summary, `axe violations on ${label} (${scheme})`).toEqual([]);
		if (options.shot)
			await page.screenshot({
				path: `test-results/screenshots/${options.shot}-${scheme}.png`,
				fullPage: options.fullPage ?? true
			});
	}
	// Back to the browser's default, so what the test does next sees the usual scheme.
	await page.emulateMedia({ colorScheme: null });
}
