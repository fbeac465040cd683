/**
 * The stats page over the seeded 60-day history (./history.ts): each chart and its table show
 * the history's own figures, "Drill these" opens practice of the weakest section, an empty
 * history shows the empty state, and axe passes in both color schemes.
 */
import { expect, test, type Page } from '@playwright/test';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';
import { open } from './fixtures';
import { seedHistory, type History } from './history';
import { forecastEnd, weakestSections } from '../../src/lib/stats/charts';
import { localDay } from '../../src/lib/db/totals';
import type { DayTotal } from '../../src/lib/stats/types';
import type { BankSummary } from '../../src/lib/content/types';

test.describe.configure({ timeout: AXE_TEST_TIMEOUT });

async function openStats(page: Page): Promise<History> {
	const history = await seedHistory(page);
	await open(page, '/stats');
	await expect(page.locator('[data-stats-ready]')).toBeVisible();
	return history;
}

/** Opens a chart's "Show as table" and returns its body rows as cell texts. */
async function tableOf(page: Page, chart: string): Promise<string[][]> {
	const card = page.locator(`[data-chart="${chart}"]`);
	await card.getByText('Show as table').click();
	const rows = card.locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	return rows.evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()))
	);
}

test('every chart shows the history, with its figures in a table', async ({ page }) => {
	// Seeding, five tables, and the axe pass with full-page screenshots: 15-20 s alone, and up to
	// 50 s beside the second worker on the loaded 2-core machine.
	test.setTimeout(2 * AXE_TEST_TIMEOUT);
	const h = await openStats(page);
	const drill = h.attempts.filter((a) => a.mode === 'drill');
	const drillDays = new Set(drill.map((a) => localDay(a.at, h.offsetOf(a.at))));
	const heat = page.locator('[data-chart="heat"]');
	await expect(heat).toContainText(`${drill.length} drill answers on ${drillDays.size} days`);
	await expect(heat.locator('svg rect').first()).toBeAttached();
	const months = await tableOf(page, 'heat');
	expect(months.reduce((s, r) => s + Number(r[2]), 0)).toBe(drill.length);

	// Mock exams: every submitted one, oldest first, with its score and verdict.
	const exams = h.exams.filter((e) => e.result).sort((a, b) => a.submittedAt! - b.submittedAt!);
	expect(exams).toHaveLength(3);
	const examRows = await tableOf(page, 'exams');
	expect(examRows.map((r) => [r[2], r[3]])).toEqual(
		exams.map((e) => [
			`${Math.round(e.result!.reported)}%`,
			e.result!.passed ? 'Passed' : 'Not passed'
		])
	);
	await expect(page.locator('[data-chart="exams"]')).toContainText(
		'1 of 3 submitted mock exams passed'
	);

	// Due forecast: today holds every card due before tomorrow, overdue ones included.
	const end = forecastEnd(h.now, h.offsetOf(h.now), 1);
	const dueToday = h.cards.filter((c) => c.due < end).length;
	const forecast = await tableOf(page, 'forecast');
	expect(forecast).toHaveLength(30);
	expect(forecast[0]![1]).toBe(String(dueToday));

	// Time per item: every answer of the year sits in one time bin.
	const pace = await tableOf(page, 'pace');
	expect(pace.reduce((s, r) => s + Number(r[1]), 0)).toBe(h.attempts.length);
	await expect(page.locator('[data-chart="pace"]')).toContainText(
		'allows 144 s (2.4 min) a question'
	);

	// Accuracy: a column per charted section, named by its title, never its id.
	const accuracy = await tableOf(page, 'accuracy');
	expect(accuracy.length).toBe(12);
	const summaries = (await (await page.request.get('/data/banks.json')).json()) as BankSummary[];
	const titleOf = (k: string) => {
		const [bank, section] = k.split('/');
		return summaries.find((b) => b.id === bank)!.sections.find((s) => s.id === section)!.title;
	};
	const heads = await page.locator('[data-chart="accuracy"] thead th').allTextContents();
	expect(heads.slice(1).every((t) => h.sections.map(titleOf).includes(t))).toBe(true);

	// Weakest sections, as the app's own ranking of the seeded day totals.
	const weak = weakestSections(h.tables.dayTotals as DayTotal[], h.now, h.offsetOf(h.now));
	const listed = page.getByRole('region', { name: 'Where to work next' }).locator('li strong');
	await expect(listed.first()).toHaveText(titleOf(`${weak[0]!.bankId}/${weak[0]!.section}`));
	expect(`${weak[0]!.bankId}/${weak[0]!.section}`).toBe(h.weakSection);

	// Readiness too, then axe in both schemes with the five tables above open, and a full-page
	// screenshot in each: the one axe pass over the charted history (it used to run twice, here
	// and in home.spec.ts, where it was the slowest test of the suite).
	await expect(page.getByTestId('readiness')).toBeVisible();
	await noViolations(page, 'stats with a 60-day history', { shot: 'stats-history' });
});

test('"Drill these" on the weakest section opens practice of that section', async ({ page }) => {
	const h = await openStats(page);
	const [bank, section] = h.weakSection.split('/');
	await page
		.getByRole('link', { name: /^Drill these: / })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`/practice/run\\?bank=${bank}&section=${section}`));
	const item = page.locator('article[data-item-id]');
	await expect(item).toBeVisible();
	const id = await item.getAttribute('data-item-id');
	// The item shown belongs to that section.
	const ix = (await (await page.request.get('/data/items.json')).json()) as {
		files: { bankId: string; section: string }[];
		items: [string, number][];
	};
	const row = ix.items.find((r) => r[0] === id)!;
	expect(ix.files[row[1]]).toMatchObject({ bankId: bank, section });
});

test('with no history the page says so instead of drawing empty charts', async ({ page }) => {
	await open(page, '/stats');
	await expect(page.getByRole('heading', { name: 'Nothing to chart yet' })).toBeVisible();
	await expect(page.locator('[data-chart]')).toHaveCount(0);
	await expect(page.getByRole('link', { name: "Start today's drill" })).toBeVisible();
	await noViolations(page, '/stats (empty)');
});
