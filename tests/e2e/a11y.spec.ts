/**
 * axe-core on every screen, in the light and the dark theme (see ./axe.ts), and screenshots of
 * the main screens for a human to look at (written to test-results/screenshots/).
 */
import { expect, test, type Page } from '@playwright/test';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';
import { answerWithKeyboard, nextWithKeyboard, open, shownType, type ShownType } from './fixtures';

test.use({ viewport: { width: 1200, height: 900 } });
test.describe.configure({ timeout: AXE_TEST_TIMEOUT });

/** Answers items until one of the given type is shown. */
async function until(page: Page, type: ShownType) {
	for (let i = 0; i < 60 && (await shownType(page)) !== type; i++) {
		await answerWithKeyboard(page);
		await nextWithKeyboard(page);
	}
	expect(await shownType(page)).toBe(type);
}

const STATIC_SCREENS = [
	['/', 'Question banks'],
	['/practice', 'Start practice'],
	['/settings', 'Storage on this computer'],
	['/about', 'Code sets and licensing']
] as const;

// Two screens a test: each screen's axe runs take seconds, in two schemes.
for (const screens of [STATIC_SCREENS.slice(0, 2), STATIC_SCREENS.slice(2)])
	test(`static screens have no axe violations: ${screens.map(([path]) => path).join(', ')}`, async ({
		page
	}) => {
		for (const [path, ready] of screens) {
			await open(page, path);
			await expect(page.getByText(ready).first()).toBeVisible();
			await noViolations(page, path);
		}
	});

// Three tests, not one: each screen's axe run takes seconds, and one test holding all six
// needed two thirds of its timeout on a quiet 2-core machine.
test('a multiple-choice item and its feedback have no axe violations', async ({ page }) => {
	await open(page, '/practice/run?bank=cpc&section=mixed');
	await until(page, 'single-best-answer');
	await page.keyboard.press('2');
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
	await noViolations(page, 'multiple choice', { shot: 'practice-item' });
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Rationale' })).toBeVisible();
	await noViolations(page, 'multiple-choice feedback', { shot: 'practice-feedback' });
});

test('a code-entry item and its feedback have no axe violations', async ({ page }) => {
	await open(page, '/practice/run?bank=cpc&section=mixed');
	await until(page, 'code-entry');
	await noViolations(page, 'code entry');
	await expect(page.getByLabel('Diagnosis codes (ICD-10-CM)').first()).toBeFocused();
	await page.keyboard.type('R69');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('table')).toBeVisible();
	await noViolations(page, 'code-entry feedback', { shot: 'practice-codes' });
});

test('a flashcard and the home page with progress have no axe violations', async ({ page }) => {
	await open(page, '/practice/run?bank=foundations&section=mixed');
	await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
	await noViolations(page, 'flashcard');
	await page.keyboard.press('3');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

	await open(page, '/');
	await expect(page.getByTestId('stat-attempts')).toHaveText('1');
	await noViolations(page, 'home with progress', { shot: 'home' });
});
