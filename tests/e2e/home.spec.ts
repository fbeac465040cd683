/**
 * The home page as the day's plan, over the seeded 60-day history (./history.ts): the figures are
 * the history's own, readiness and the exam-day card show, the next step is one click, and recent
 * answers carry item titles. Axe in both schemes, with a screenshot of each (the stats page's
 * are taken in stats.spec.ts, beside its one axe pass over the history).
 */
import { expect, test } from '@playwright/test';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';
import { open } from './fixtures';
import { seedHistory } from './history';
import { localDay } from '../../src/lib/db/totals';
import { streak } from '../../src/lib/stats/summary';

// The test builds or loads the 60-day history, then runs an axe pass in each scheme with a
// full-page screenshot: 15-20 s alone, up to 50 s beside the second worker on the loaded machine.
test.describe.configure({ timeout: 2 * AXE_TEST_TIMEOUT });

test('home shows the day plan, progress and readiness from the history', async ({ page }) => {
	const h = await seedHistory(page);
	await open(page, '/');
	await expect(page.getByTestId('stat-attempts')).toHaveText(
		h.attempts.length.toLocaleString('en-US')
	);
	const days = h.attempts.map((a) => localDay(a.at, h.offsetOf(a.at)));
	const { days: expected } = streak(days, localDay(h.now, h.offsetOf(h.now)));
	expect(expected).toBeGreaterThan(0);
	await expect(page.getByTestId('streak')).toHaveText(
		`${expected} day${expected === 1 ? '' : 's'}`
	);
	// The drill's own counts, once the engine has opened.
	await expect(page.getByTestId('due-today')).toHaveText(/^\d+$/);
	await expect(page.getByTestId('new-today')).toHaveText(/^\d+$/);
	await expect(page.getByTestId('next-step')).toHaveText("Start today's drill");
	await expect(page.getByTestId('readiness-headline')).toContainText(/Estimated \d+%|not enough/i);
	await expect(page.getByRole('link', { name: /Set your exam date/ })).toBeVisible();
	// Recent answers name their items, never by id.
	const recent = page.getByTestId('recent').locator('a.title');
	await expect(recent).toHaveCount(8);
	for (const text of await recent.allInnerTexts())
		expect(text).not.toMatch(/^[a-z]+-[a-z0-9-]+-\d{4}$/);
	await noViolations(page, 'home with a 60-day history', { shot: 'home-history' });

	await page.getByTestId('next-step').click();
	await expect(page).toHaveURL(/\/drill$/);
});
