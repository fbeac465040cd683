/**
 * axe-core on every screen, in the light and the dark theme, and screenshots of the main screens
 * for a human to look at (written to test-results/screenshots/).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerWithKeyboard, nextWithKeyboard, open, shownType, type ShownType } from './fixtures';

async function noViolations(page: Page, label: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const summary = violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

async function shot(page: Page, name: string) {
	await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Answers items until one of the given type is shown. */
async function until(page: Page, type: ShownType) {
	for (let i = 0; i < 60 && (await shownType(page)) !== type; i++) {
		await answerWithKeyboard(page);
		await nextWithKeyboard(page);
	}
	expect(await shownType(page)).toBe(type);
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.use({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });

		test('static screens have no axe violations', async ({ page }) => {
			for (const [path, ready] of [
				['/', 'Question banks'],
				['/practice', 'Start practice'],
				['/settings', 'Storage on this computer'],
				['/about', 'Code sets and licensing']
			] as const) {
				await open(page, path);
				await expect(page.getByText(ready).first()).toBeVisible();
				await noViolations(page, `${path} (${scheme})`);
			}
		});

		// Three tests, not one: each screen's axe run takes seconds, and one test holding all six
		// needed two thirds of its timeout on a quiet 2-core machine.
		test('a multiple-choice item and its feedback have no axe violations', async ({ page }) => {
			await open(page, '/practice/run?bank=cpc&section=mixed');
			await until(page, 'single-best-answer');
			await page.keyboard.press('2');
			await shot(page, `practice-item-${scheme}`);
			await noViolations(page, `multiple choice (${scheme})`);
			await page.keyboard.press('Enter');
			await expect(page.getByRole('heading', { name: 'Rationale' })).toBeVisible();
			await shot(page, `practice-feedback-${scheme}`);
			await noViolations(page, `multiple-choice feedback (${scheme})`);
		});

		test('a code-entry item and its feedback have no axe violations', async ({ page }) => {
			await open(page, '/practice/run?bank=cpc&section=mixed');
			await until(page, 'code-entry');
			await noViolations(page, `code entry (${scheme})`);
			await page.keyboard.type('R69');
			await page.keyboard.press('Enter');
			await expect(page.getByRole('table')).toBeVisible();
			await shot(page, `practice-codes-${scheme}`);
			await noViolations(page, `code-entry feedback (${scheme})`);
		});

		test('a flashcard and the home page with progress have no axe violations', async ({ page }) => {
			await open(page, '/practice/run?bank=foundations&section=mixed');
			await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
			await page.keyboard.press('Space');
			await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
			await noViolations(page, `flashcard (${scheme})`);
			await page.keyboard.press('3');
			await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

			await open(page, '/');
			await expect(page.getByTestId('stat-attempts')).toHaveText('1');
			await shot(page, `home-${scheme}`);
			await noViolations(page, `home with progress (${scheme})`);
		});
	});
}
