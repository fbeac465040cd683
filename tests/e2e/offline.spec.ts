import { expect, test } from '@playwright/test';
import {
	answerWithKeyboard,
	CODE_BOOK_TEST_TIMEOUT,
	CODE_BOOK_WAIT,
	open,
	openControlled
} from './fixtures';

// Offline use is the service worker's work (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('after one online visit the app opens offline and records an answer', async ({
	page,
	context
}) => {
	await openControlled(page, '/');

	await context.setOffline(true);
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(
		page.getByRole('heading', { name: 'Practice medical coding, anywhere' })
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Practice Professional coding (CPC, COC)' })
	).toBeVisible();

	await open(page, '/practice/run?bank=cpc&section=mixed');
	const id = await answerWithKeyboard(page);

	await open(page, '/');
	await expect(page.getByTestId('stat-attempts')).toHaveText('1');
	await expect(page.getByTestId('recent').locator(`a[href$="id=${id}"]`)).toBeVisible();
});

test('offline, a mock exam starts, takes an answer, resumes after a reload and scores', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await context.setOffline(true);
	await open(page, '/exam');
	await page.getByTestId('preset-CPC-mini').getByRole('button').click();
	await expect(page.getByRole('heading', { name: 'Question 1 of 25' })).toBeVisible();
	await expect(page.getByRole('radio').first()).toBeEnabled();
	await page.keyboard.press('1');
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
	await expect(page.getByTestId('save-state')).toHaveText('All answers saved');
	await page.reload();
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
	await page.keyboard.press('r');
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByTestId('confirm-submit').click();
	await expect(page.getByTestId('points')).toHaveText(/^[01] of 25$/);
});

test('after visiting only the home page, the code book works offline', async ({
	page,
	context
}) => {
	test.setTimeout(CODE_BOOK_TEST_TIMEOUT);
	await openControlled(page, '/');
	// The code book downloads in the background once the app is installed; the home page says so.
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-codebook', 'saved', {
		timeout: CODE_BOOK_WAIT
	});
	await expect(page.getByTestId('offline-status')).toContainText('including the code book');

	await context.setOffline(true);
	await open(page, '/codes');
	await page.getByRole('combobox', { name: 'Search the code book' }).fill('chf');
	const first = page.getByRole('listbox', { name: 'Matching codes' }).getByRole('option').first();
	await expect(first.locator('.code')).toHaveText(/^I50/, { timeout: CODE_BOOK_WAIT });

	await open(page, '/codes?c=I50.9');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'I50.9 Heart failure, unspecified',
		{
			timeout: CODE_BOOK_WAIT
		}
	);
});
