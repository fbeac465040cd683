import { expect, test } from '@playwright/test';
import { answerWithKeyboard, nextWithKeyboard, open, rateFlashcard, shownType } from './fixtures';

test('a learner answers three items, reloads, and sees those answers from IndexedDB', async ({
	page
}) => {
	await open(page, '/');
	await expect(page.getByText('No answers yet')).toBeVisible();

	// Pick the CPC bank and the mixed section from the picker, with the mouse this time.
	await page.getByRole('link', { name: 'Practice Professional coding (CPC, COC)' }).click();
	await expect(page.getByRole('radio', { name: /Professional coding \(CPC, COC\)/ })).toBeChecked();
	await page.getByRole('button', { name: 'Start practice' }).click();
	await expect(page).toHaveURL(/\/practice\/run\?bank=cpc&section=mixed/);

	const answered: string[] = [];
	for (let i = 0; i < 3; i++) {
		answered.push(await answerWithKeyboard(page));
		await expect(page.getByTestId('tally')).toContainText(`${i + 1} answered`);
		await nextWithKeyboard(page);
	}

	await page.goto('/');
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByTestId('stat-attempts')).toHaveText('3');
	const recent = page.getByTestId('recent').locator('li');
	await expect(recent).toHaveCount(3);
	// Listed by title, each linking to its item.
	for (const id of answered)
		await expect(page.getByTestId('recent').locator(`a[href$="id=${id}"]`)).toBeVisible();
});

test('a multiple-choice item is chosen with a letter key and graded with the rationale', async ({
	page
}) => {
	await open(page, '/practice/run?bank=cpc&section=mixed');
	// Skip forward (answering) until a multiple-choice item is shown.
	for (let i = 0; i < 40 && (await shownType(page)) !== 'single-best-answer'; i++) {
		await answerWithKeyboard(page);
		await nextWithKeyboard(page);
	}
	await page.keyboard.press('c');
	await expect(page.getByRole('radio').nth(2)).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Rationale' })).toBeVisible();
	await expect(page.getByText('Correct answer')).toBeVisible();
});

test('code entry shows partial credit code by code', async ({ page }) => {
	await open(page, '/practice/run?bank=cpc&section=mixed');
	for (let i = 0; i < 40 && (await shownType(page)) !== 'code-entry'; i++) {
		await answerWithKeyboard(page);
		await nextWithKeyboard(page);
	}
	await page.getByLabel('Diagnosis codes (ICD-10-CM)').fill('R69');
	await page.getByRole('button', { name: /Check answer/ }).click();
	const table = page.getByRole('table', { name: 'Your codes compared with the key' });
	await expect(table).toBeVisible();
	await expect(table).toContainText('Not expected');
	await expect(table).toContainText('Missing');
	await expect(page.getByRole('status').first()).toContainText(/of \d+(\.5)? points/);
});

test('without IndexedDB the learner is told plainly, and can still practice', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined });
	});
	await open(page, '/practice/run?bank=foundations&section=mixed');
	await expect(page.getByRole('alert')).toContainText('Your progress cannot be saved');
	await rateFlashcard(page, '3');
	await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
});

test('an unknown bank gets a clear message, not a blank page', async ({ page }) => {
	await open(page, '/practice/run?bank=nope');
	await expect(page.getByRole('alert')).toContainText('There is no bank "nope"');
	await expect(page.getByRole('link', { name: 'Choose a bank' })).toBeVisible();
});
