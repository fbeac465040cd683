/**
 * A practice run keeps its place: the item, its verdict, the order and the tally come back after
 * a reload or a closed tab, and the picker offers to resume it or start afresh.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerWithKeyboard, nextWithKeyboard, open } from './fixtures';

const RUN = '/practice/run?bank=cpc&section=mixed';

function heading(page: Page) {
	return page.locator('#item-heading');
}

function shownId(page: Page) {
	return page.locator('article[data-item-id]').getAttribute('data-item-id');
}

/** Answers `n` items and moves past each; returns their ids in order. */
async function answerAndMoveOn(page: Page, n: number): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < n; i++) {
		ids.push(await answerWithKeyboard(page));
		await nextWithKeyboard(page);
	}
	return ids;
}

test('a reload keeps the item, its verdict, the order and the tally', async ({ page }) => {
	await open(page, RUN);
	const before = await answerAndMoveOn(page, 3);
	await expect(heading(page)).toHaveText(/^Item 4 of \d+$/);
	const total = (await heading(page).innerText()).replace(/^Item 4 of /, '');
	const fourth = await answerWithKeyboard(page);
	const tally = await page.getByTestId('tally').innerText();
	expect(tally).toMatch(/^4 answered · \d correct/);

	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(heading(page)).toHaveText(`Item 4 of ${total}`);
	expect(await shownId(page)).toBe(fourth);
	await expect(page.getByTestId('tally')).toHaveText(tally);
	// The fourth item was answered before the reload: its verdict shows again, and Enter goes on.
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Rationale' })).toBeVisible();
	await nextWithKeyboard(page);
	await expect(heading(page)).toHaveText(`Item 5 of ${total}`);
	// Same order: none of the items already answered comes round again.
	expect([...before, fourth]).not.toContain(await shownId(page));
	await expect(page.getByTestId('tally')).toHaveText(tally);
});

test('after a closed tab the picker offers the run back, and Start practice starts afresh', async ({
	page,
	context
}) => {
	await open(page, RUN);
	await answerAndMoveOn(page, 2);
	await expect(heading(page)).toHaveText(/^Item 3 of \d+$/);
	const third = await shownId(page);
	const tally = await page.getByTestId('tally').innerText();
	await page.close();

	const again = await context.newPage();
	await open(again, '/practice');
	const resume = again.getByRole('link', { name: /Resume your practice run/ });
	await expect(resume).toBeVisible();
	await expect(again.getByTestId('open-run')).toContainText('Item 3 of');
	await expect(again.getByTestId('open-run')).toContainText('2 answered');
	await new AxeBuilder({ page: again }).analyze().then((r) => expect(r.violations).toEqual([]));
	await resume.focus();
	await again.keyboard.press('Enter');
	await expect(heading(again)).toHaveText(/^Item 3 of \d+$/);
	expect(await shownId(again)).toBe(third);
	await expect(again.getByTestId('tally')).toHaveText(tally);

	// Starting from the picker is a new run: item 1, nothing answered, and no resume offer after.
	await open(again, '/practice?bank=cpc');
	await again.getByRole('button', { name: 'Start practice' }).click();
	await expect(heading(again)).toHaveText(/^Item 1 of \d+$/);
	await expect(again.getByTestId('tally')).toHaveText('0 answered · 0 correct');
	await again.reload();
	await again.waitForSelector('body[data-hydrated="true"]');
	await expect(heading(again)).toHaveText(/^Item 1 of \d+$/);
});
