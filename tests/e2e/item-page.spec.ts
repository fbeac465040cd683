/**
 * Items are listed by their opening words, not their ids, and open in a read-only view with the
 * key, the rationale and the learner's recent answers; the view works offline and passes axe.
 */
import { expect, test } from '@playwright/test';
import {
	answerWithKeyboard,
	CODE_BOOK_TEST_TIMEOUT,
	CODE_BOOK_WAIT,
	open,
	openControlled
} from './fixtures';
import { noViolations } from './axe';

const ID_SHAPED = /\b[a-z]+-[a-z0-9-]+-\d{4}\b/;

test('recent answers on the home page show titles that open the item with its key', async ({
	page
}) => {
	await open(page, '/practice/run?bank=cpc&section=mixed');
	const id = await answerWithKeyboard(page);

	await open(page, '/');
	const link = page.getByTestId('recent').getByRole('link');
	await expect(link).toHaveCount(1);
	await expect(link).not.toHaveText(ID_SHAPED);
	await expect(page.getByTestId('recent')).not.toContainText(id);
	const title = (await link.innerText()).trim();
	expect(title.length).toBeGreaterThan(10);
	await link.focus();
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(new RegExp(`/item\\?bank=cpc&id=${id}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('heading', { name: 'Rationale', exact: true })).toBeVisible();
	await expect(page.getByTestId('item-answers').getByRole('listitem')).toHaveCount(1);
	await page.getByRole('link', { name: /Back/ }).click();
	await expect(page).toHaveURL(/\/$/);
});

test('the item view shows the key and passes axe', async ({ page }) => {
	await open(page, '/item?bank=cpc&id=cpc-anesthesia-0001');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/^An anesthesiologist personally provides general anesthesia/
	);
	await expect(page.getByText('Correct answer')).toBeVisible();
	await expect(page.getByText('You have not answered this item yet.')).toBeVisible();
	await noViolations(page, 'item view');
});

test('an unknown item gets a clear message and a way back', async ({ page }) => {
	await open(page, '/item?bank=cpc&id=nope-0000');
	await expect(page.getByRole('alert')).toContainText('There is no item "nope-0000"');
	await expect(page.getByRole('link', { name: /Back/ })).toBeVisible();
});

test.describe('with the service worker', () => {
	// Offline use is the service worker's work (the config blocks it elsewhere).
	test.use({ serviceWorkers: 'allow' });

	test('the item view opens offline after one online visit', async ({ page, context }) => {
		await openControlled(page, '/');
		await context.setOffline(true);
		await open(page, '/item?bank=foundations&id=fnd-icd10cm-conventions-0605');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'A patient in observation for a medical condition is then admitted as an inpatient.'
		);
		await expect(
			page.getByText('The medical condition that led to the hospital admission.')
		).toBeVisible();
	});
});

test('a code page lists the items that use it by title, linking to the item', async ({ page }) => {
	test.setTimeout(CODE_BOOK_TEST_TIMEOUT);
	await open(page, '/codes?c=E11.9');
	const uses = page.getByTestId('code-uses');
	await expect(uses.getByRole('link').first()).toBeVisible({ timeout: CODE_BOOK_WAIT });
	await expect(uses).not.toContainText(ID_SHAPED);
	const first = uses.getByRole('link').first();
	const title = (await first.innerText()).trim();
	await first.click();
	await expect(page).toHaveURL(/\/item\?bank=[a-z]+&id=/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});
