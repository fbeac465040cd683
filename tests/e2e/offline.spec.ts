import { expect, test } from '@playwright/test';
import { answerWithKeyboard, open, openControlled } from './fixtures';

test('after one online visit the app opens offline and records an answer', async ({
	page,
	context
}) => {
	await openControlled(page, '/');

	await context.setOffline(true);
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(
		page.getByRole('heading', { name: 'Practise medical coding, anywhere' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Practise CPC starter bank' })).toBeVisible();

	await open(page, '/practice/run?bank=cpc&section=mixed');
	const id = await answerWithKeyboard(page);

	await open(page, '/');
	await expect(page.getByTestId('stat-attempts')).toHaveText('1');
	await expect(page.getByTestId('recent')).toContainText(id);
});
