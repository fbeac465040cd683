import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, shownType } from './fixtures';

/** Grades the current drill card with the keyboard only; returns its id. */
async function gradeWithKeyboard(page: Page, flashcardGrade = '3'): Promise<string> {
	const card = page.locator('article[data-item-id]');
	const id = (await card.getAttribute('data-item-id')) ?? '';
	const type = await shownType(page);
	if (type === 'flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
		await page.keyboard.press(flashcardGrade);
	} else if (type === 'single-best-answer') {
		await page.keyboard.press('1');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('rating')).toBeVisible();
		await page.keyboard.press('Enter');
	} else {
		await page.keyboard.type('R69');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('rating')).toBeVisible();
		await page.keyboard.press('Enter');
	}
	return id;
}

test('drill five cards with the keyboard only, reload, and the queue continues', async ({ page }) => {
	await open(page, '/drill');
	await expect(page.getByTestId('drill-count')).toContainText('0 done');
	const graded: string[] = [];
	for (let i = 0; i < 5; i++) {
		await expect(page.getByTestId('drill-count')).toContainText(`${i} done`);
		graded.push(await gradeWithKeyboard(page));
	}
	await expect(page.getByTestId('drill-count')).toContainText('5 done');
	const remaining = await page.getByTestId('drill-count').innerText();
	const nextId = await page.locator('article[data-item-id]').getAttribute('data-item-id');

	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByTestId('drill-count')).toHaveText(remaining);
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', nextId!);
	expect(graded).not.toContain(nextId);
});

test('U undoes the last grade and shows that card again', async ({ page }) => {
	await open(page, '/drill');
	const first = await gradeWithKeyboard(page);
	await expect(page.getByTestId('drill-count')).toContainText('1 done');
	await page.keyboard.press('u');
	await expect(page.getByTestId('drill-count')).toContainText('0 done');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', first);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`drill screens have no axe violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await open(page, '/drill');
		await expect(page.locator('article[data-item-id]')).toBeVisible();
		const check = async (label: string) => {
			const { violations } = await new AxeBuilder({ page }).analyze();
			expect(violations.map((v) => v.id), label).toEqual([]);
		};
		await check('drill card');
		await page.screenshot({ path: `test-results/screenshots/drill-${scheme}.png`, fullPage: true });
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
		for (let i = 0; i < 12 && (await page.locator('article[data-item-id]').count()) > 0; i++) {
			await gradeWithKeyboard(page, '4');
		}
		await expect(page.getByRole('heading', { name: /Done for today|Nothing to drill/ })).toBeVisible();
		await expect(page.getByTestId('forecast')).toBeVisible();
		await page.screenshot({ path: `test-results/screenshots/drill-done-${scheme}.png`, fullPage: true });
		await check('end of day');
	});
}
