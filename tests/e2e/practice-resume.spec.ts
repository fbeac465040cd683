/**
 * A practice run keeps its place: the item, its verdict, the order and the tally come back after
 * a reload or a closed tab, and the picker offers to resume it or start afresh.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerWithKeyboard, nextWithKeyboard, open } from './fixtures';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';

const RUN = '/practice/run?bank=cpc&section=mixed';

function heading(page: Page) {
	return page.locator('#item-heading');
}

function shownId(page: Page) {
	return page.locator('article[data-item-id]').getAttribute('data-item-id');
}

/** The position the stored practice run holds (the settings record the run page writes). */
function storedRunIndex(page: Page): Promise<number | undefined> {
	return page.evaluate(async () => {
		const req = indexedDB.open('codedrill');
		await new Promise((r) => (req.onsuccess = r));
		const db = req.result;
		const get = db.transaction('settings').objectStore('settings').get('practice-run');
		await new Promise((r) => (get.onsuccess = r));
		db.close();
		return (get.result?.value as { index?: number } | undefined)?.index;
	});
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
	const before = await answerAndMoveOn(page, 2);
	await expect(heading(page)).toHaveText(/^Item 3 of \d+$/);
	const total = (await heading(page).innerText()).replace(/^Item 3 of /, '');
	const third = await answerWithKeyboard(page);
	const tally = await page.getByTestId('tally').innerText();
	expect(tally).toMatch(/^3 answered · \d correct/);

	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(heading(page)).toHaveText(`Item 3 of ${total}`);
	expect(await shownId(page)).toBe(third);
	await expect(page.getByTestId('tally')).toHaveText(tally);
	// The third item was answered before the reload: its verdict shows again, and Enter goes on.
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Rationale' })).toBeVisible();
	await nextWithKeyboard(page);
	await expect(heading(page)).toHaveText(`Item 4 of ${total}`);
	// Same order: none of the items already answered comes round again.
	expect([...before, third]).not.toContain(await shownId(page));
	await expect(page.getByTestId('tally')).toHaveText(tally);
});

test('after a closed tab the picker offers the run back and resumes it', async ({
	page,
	context
}) => {
	await open(page, RUN);
	await answerAndMoveOn(page, 2);
	await expect(heading(page)).toHaveText(/^Item 3 of \d+$/);
	const third = await shownId(page);
	const tally = await page.getByTestId('tally').innerText();
	// Moving on is written after the screen changes: close the tab once the run says item 3.
	await expect.poll(() => storedRunIndex(page)).toBe(2);
	await page.close();

	const again = await context.newPage();
	await open(again, '/practice');
	const offer = again.getByTestId('open-run');
	await expect(offer).toContainText('Item 3 of');
	await expect(offer).toContainText(tally);
	await again.getByRole('link', { name: 'Resume your practice run' }).focus();
	await again.keyboard.press('Enter');
	await expect(heading(again)).toHaveText(/^Item 3 of \d+$/);
	expect(await shownId(again)).toBe(third);
	await expect(again.getByTestId('tally')).toHaveText(tally);
});

test('Start practice in the picker starts a new run, and a reload keeps that one', async ({
	page
}) => {
	await open(page, RUN);
	const first = await answerWithKeyboard(page);
	await open(page, '/practice?bank=cpc');
	await expect(page.getByTestId('open-run')).toContainText('1 answered');
	await page.getByRole('button', { name: 'Start practice' }).click();
	await expect(heading(page)).toHaveText(/^Item 1 of \d+$/);
	await expect(page.getByTestId('tally')).toHaveText('0 answered · 0 correct');
	// Unanswered items come first in a new run, so the item answered before is not first.
	const fresh = await shownId(page);
	expect(fresh).not.toBe(first);
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByTestId('tally')).toHaveText('0 answered · 0 correct');
	expect(await shownId(page)).toBe(fresh);
});

test('the offer to resume passes axe', async ({ page }) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await open(page, RUN);
	await answerWithKeyboard(page);
	await open(page, '/practice');
	await expect(page.getByRole('link', { name: 'Resume your practice run' })).toBeVisible();
	await noViolations(page, 'the offer to resume');
});
