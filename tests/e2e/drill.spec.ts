import { expect, test, type Page } from '@playwright/test';
import type { Item } from '../../src/lib/content/types';
import { itemById } from './bank-data';
import { answerBillingItem, isBillingKind } from './billing-keys';
import { open, shownType } from './fixtures';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';

/** The bank item behind a drill card, read from the app's own prerendered item files. */
async function keyOf(page: Page, id: string): Promise<Item> {
	return itemById(page.request, id);
}

/**
 * Grades the current drill card with the keyboard only; returns its id. `right` answers from the
 * key (so cards graduate and the day can end); otherwise the first option or a wrong code.
 */
async function gradeWithKeyboard(page: Page, right = false): Promise<string> {
	const card = page.locator('article[data-item-id]');
	const id = (await card.getAttribute('data-item-id')) ?? '';
	const type = await shownType(page);
	const item = right ? await keyOf(page, id) : undefined;
	if (type === 'flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
		await page.keyboard.press(right ? '4' : '3');
	} else if (isBillingKind(type)) {
		await answerBillingItem(page, right, item);
		await expect(page.getByTestId('rating')).toBeVisible();
		await page.keyboard.press('Enter');
	} else {
		if (item?.type === 'single-best-answer') {
			await page.keyboard.press(item.answer.toLowerCase());
			await page.keyboard.press('Enter');
		} else if (type === 'single-best-answer') {
			await page.keyboard.press('1');
			await page.keyboard.press('Enter');
		} else {
			const keys =
				item?.type === 'code-entry'
					? [item.answer]
					: item?.type === 'case'
						? item.parts.map((p) => p.answer)
						: [];
			if (!right) {
				await page.keyboard.type('R69');
			} else {
				// Tab through each part's fields: diagnoses, procedures, then PCS if shown.
				for (const [n, key] of keys.entries()) {
					if (n > 0) await page.keyboard.press('Tab');
					await page.keyboard.type(key.icd10cm.join(', '));
					await page.keyboard.press('Tab');
					await page.keyboard.type(key.procedures.join(', '));
					if (key.icd10pcs.length) {
						await page.keyboard.press('Tab');
						await page.keyboard.type(key.icd10pcs.join(', '));
					}
				}
			}
			await page.keyboard.press('Enter');
		}
		await expect(page.getByTestId('rating')).toBeVisible();
		await page.keyboard.press('Enter');
	}
	return id;
}

/** The three counts (new, learning, to review) and the review tally the page keeps. */
const counts = (page: Page) => page.getByTestId('drill-counts');
const pile = (page: Page, name: 'new' | 'learning' | 'review') =>
	counts(page).locator(`[data-pile="${name}"] strong`);
/** The three numbers, new first. */
const numbers = (page: Page) => counts(page).locator('[data-pile] strong');
/** Waits until `n` grades have been saved today. */
const reviewed = (page: Page, n: number) =>
	expect(counts(page)).toHaveAttribute('data-reviews', String(n));

test('drill five cards with the keyboard only, reload, and the queue continues', async ({
	page
}) => {
	await open(page, '/drill');
	await reviewed(page, 0);
	const graded: string[] = [];
	for (let i = 0; i < 5; i++) {
		await reviewed(page, i);
		graded.push(await gradeWithKeyboard(page));
	}
	await reviewed(page, 5);
	const left = await numbers(page).allInnerTexts();
	const nextId = await page.locator('article[data-item-id]').getAttribute('data-item-id');

	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(numbers(page)).toHaveText(left);
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', nextId!);
	expect(graded).not.toContain(nextId);
});

test('new, learning and review counts go down as cards leave their pile', async ({ page }) => {
	await open(page, '/drill');
	// A first visit: every card today is new.
	await expect(counts(page)).toContainText('Cards left today');
	await expect(pile(page, 'new')).toHaveText('15');
	await expect(pile(page, 'learning')).toHaveText('0');
	await expect(pile(page, 'review')).toHaveText('0');
	await expect(page.getByRole('heading', { name: 'New card' })).toBeVisible();
	const type = await shownType(page);
	await gradeWithKeyboard(page);
	await reviewed(page, 1);
	await expect(pile(page, 'new')).toHaveText('14');
	// A flashcard graded Good enters its learning steps; a scenario question waits for another
	// day (a wrong answer included), so it does not come back today.
	await expect(pile(page, 'learning')).toHaveText(type === 'flashcard' ? '1' : '0');
	await expect(pile(page, 'review')).toHaveText('0');
});

test('U undoes the last grade and shows that card again', async ({ page }) => {
	await open(page, '/drill');
	const first = await gradeWithKeyboard(page);
	await reviewed(page, 1);
	// A code-entry card focuses its first field, where U is typed (U07.1 is a real code); the
	// shortcut works from outside the fields, as the hint says.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('u');
	await reviewed(page, 0);
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', first);
});

test('U undoes the last grade after a reload, and the counts come back', async ({ page }) => {
	await open(page, '/drill');
	await reviewed(page, 0);
	const before = await numbers(page).allInnerTexts();
	const first = await gradeWithKeyboard(page);
	await reviewed(page, 1);

	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await reviewed(page, 1);
	// U is a letter a code field accepts: press it from outside any field.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('u');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', first);
	await reviewed(page, 0);
	await expect(numbers(page)).toHaveText(before);
});

test('a drill card has no axe violations', async ({ page }) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await open(page, '/drill');
	await expect(page.locator('article[data-item-id]')).toBeVisible();
	await expect(pile(page, 'new')).toHaveText('15');
	await noViolations(page, 'drill card', { shot: 'drill' });
});

test('a wrong scenario answer is back tomorrow, and its feedback has no axe violations', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await open(page, '/drill');
	// New cards are interleaved across sections: a scenario question comes within a few.
	for (let i = 0; i < 8 && (await shownType(page)) === 'flashcard'; i++) {
		await gradeWithKeyboard(page);
		await reviewed(page, i + 1);
	}
	expect(await shownType(page)).not.toBe('flashcard');
	const id = await page.locator('article[data-item-id]').getAttribute('data-item-id');
	const learning = await pile(page, 'learning').innerText();
	// A wrong answer (the first option, or a wrong code) is Again, and waits for another day.
	const type = await shownType(page);
	if (type === 'single-best-answer') {
		const key = (await keyOf(page, id!)) as Extract<Item, { type: 'single-best-answer' }>;
		await page.keyboard.press(key.answer === 'A' ? 'b' : 'a');
	} else {
		await page.keyboard.type('R69');
	}
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('rating')).toHaveText(/Scheduled as Again\s*· back tomorrow/);
	await expect(pile(page, 'learning')).toHaveText(learning);
	await noViolations(page, 'scenario feedback', { shot: 'drill-feedback' });
});

test('the end of the day has no axe violations', async ({ page }) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await open(page, '/drill');
	await reviewed(page, 0);
	// Lower the daily limit so the end-of-day screen is reached quickly.
	await page.evaluate(async () => {
		const req = indexedDB.open('codedrill');
		await new Promise((r) => (req.onsuccess = r));
		const db = req.result;
		const tx = db.transaction('settings', 'readwrite');
		tx.objectStore('settings').put({ key: 'srs', value: { newPerDay: 2 } });
		// Today's saved queue would otherwise keep its cards.
		tx.objectStore('settings').delete('drill-session');
		await new Promise((r) => (tx.oncomplete = r));
		db.close();
	});
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	const done = page.getByRole('heading', { name: /Done for today|Nothing to drill/ });
	const card = page.locator('article[data-item-id]');
	for (let i = 0; i < 12; i++) {
		// Wait until the last grade has landed, then see whether another card is shown.
		await reviewed(page, i);
		await expect(card.or(done)).toBeVisible();
		if (await done.isVisible()) break;
		await gradeWithKeyboard(page, true);
	}
	await expect(done).toBeVisible();
	// Two new cards, answered right: each graduates at its first review.
	await expect(page.getByTestId('done-summary')).toHaveText('Today: 2 cards, 2 reviews.');
	await expect(page.getByTestId('forecast')).toBeVisible();
	await noViolations(page, 'end of day', { shot: 'drill-done' });
});
