import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Item } from '../../src/lib/content/types';
import { open, shownType } from './fixtures';

/** The bank item behind a drill card, read from the app's own prerendered bank JSON. */
async function keyOf(page: Page, id: string): Promise<Item> {
	const bankId = id.startsWith('fnd-') ? 'foundations' : 'cpc';
	const bank = await (await page.request.get(`/data/banks/${bankId}.json`)).json();
	return (bank.items as Item[]).find((i) => i.id === id)!;
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

test('drill five cards with the keyboard only, reload, and the queue continues', async ({
	page
}) => {
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
	// A code-entry card focuses its first field, where U is typed (U07.1 is a real code); the
	// shortcut works from outside the fields, as the hint says.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('u');
	await expect(page.getByTestId('drill-count')).toContainText('0 done');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', first);
});

test('U undoes the last grade after a reload, and the counts come back', async ({ page }) => {
	await open(page, '/drill');
	const counts = page.getByTestId('drill-count');
	await expect(counts).toContainText('0 done');
	const before = await counts.innerText();
	const first = await gradeWithKeyboard(page);
	await expect(counts).toContainText('1 done');

	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(counts).toContainText('1 done');
	// U is a letter a code field accepts: press it from outside any field.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('u');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', first);
	await expect(counts).toHaveText(before);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`drill screens have no axe violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await open(page, '/drill');
		await expect(page.locator('article[data-item-id]')).toBeVisible();
		const check = async (label: string) => {
			const { violations } = await new AxeBuilder({ page }).analyze();
			expect(
				violations.map((v) => v.id),
				label
			).toEqual([]);
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
		const done = page.getByRole('heading', { name: /Done for today|Nothing to drill/ });
		const card = page.locator('article[data-item-id]');
		for (let i = 0; i < 12; i++) {
			// Wait until the last grade has landed, then see whether another card is shown.
			await expect(page.getByTestId('drill-count')).toContainText(`${i} done`);
			await expect(card.or(done)).toBeVisible();
			if (await done.isVisible()) break;
			await gradeWithKeyboard(page, true);
		}
		await expect(done).toBeVisible();
		await expect(page.getByTestId('forecast')).toBeVisible();
		await page.screenshot({
			path: `test-results/screenshots/drill-done-${scheme}.png`,
			fullPage: true
		});
		await check('end of day');
	});
}
