/**
 * Back up and restore, as a learner moving to a cleared browser: drill, note the home page's
 * figures, download a backup, clear the site's data, restore the file (Replace) and find the
 * same figures. A malformed file is refused with an alert and changes nothing. Axe on the
 * settings page with the restore preview shown, with screenshots (desktop and phone).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';
import { answerBillingItem, isBillingKind } from './billing-keys';
import { open, shownType } from './fixtures';

/** Grades the drill card on screen with the keyboard (a wrong answer, or Good on a flashcard). */
async function grade(page: Page, done: number): Promise<void> {
	const counts = page.getByTestId('drill-counts');
	await expect(counts).toHaveAttribute('data-reviews', String(done));
	const type = await shownType(page);
	if (type === 'flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
		await page.keyboard.press('3');
	} else {
		if (isBillingKind(type)) {
			await answerBillingItem(page, false);
		} else {
			if (type === 'single-best-answer') await page.keyboard.press('1');
			else await page.keyboard.type('R69');
			await page.keyboard.press('Enter');
		}
		await expect(page.getByTestId('rating')).toBeVisible();
		await page.keyboard.press('Enter');
	}
	await expect(counts).toHaveAttribute('data-reviews', String(done + 1));
}

async function drill(page: Page, n: number): Promise<void> {
	await open(page, '/drill');
	for (let i = 0; i < n; i++) await grade(page, i);
}

/** The home page's figures once everything on it has loaded. */
async function homeFigures(page: Page): Promise<Record<string, string>> {
	await open(page, '/');
	const attempts = page.getByTestId('stat-attempts');
	await expect(attempts).toHaveText(/^\d+$/);
	await expect(page.getByTestId('due-today')).toHaveText(/^\d+$/);
	await expect(page.getByTestId('new-today')).toHaveText(/^\d+$/);
	await expect(page.getByTestId('recent').locator('li')).not.toHaveCount(0);
	return {
		progress: await page.getByTestId('progress').locator('dl.figures').innerText(),
		// What each recent answer was and its item, without the "seconds ago" that moves on.
		recent: (await page.getByTestId('recent').locator('li > :not(.when)').allInnerTexts()).join(
			'|'
		),
		due: await page.getByTestId('due-today').innerText(),
		fresh: await page.getByTestId('new-today').innerText(),
		streak: await page.getByTestId('streak').innerText()
	};
}

test.describe.configure({ timeout: 2 * AXE_TEST_TIMEOUT });

test('drill, back up, clear the site data, restore: the home page shows the same', async ({
	page
}) => {
	await drill(page, 3);
	const before = await homeFigures(page);
	expect(before.progress).toContain('3');

	await open(page, '/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^codedrill-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
	const path = await download.path();
	await page
		.locator('#backup')
		.screenshot({ path: 'test-results/screenshots/settings-backup-written.png' });
	await expect(page.getByTestId('backup-written')).toContainText('3 answers');
	await expect(page.getByTestId('backup-written')).toContainText('3 reviews');

	// Clear the site's IndexedDB as "Clear site data" would, then reload.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', {
		origin: new URL(page.url()).origin,
		storageTypes: 'indexeddb'
	});
	await open(page, '/');
	await expect(page.getByTestId('progress')).toContainText('No answers yet');

	await open(page, '/settings');
	await page.getByLabel(/Backup file/).setInputFiles({
		name: download.suggestedFilename(),
		mimeType: 'application/gzip',
		buffer: readFileSync(path)
	});
	const preview = page.getByTestId('restore-preview');
	await expect(preview).toBeVisible();
	await expect(preview.getByRole('row', { name: /Answers/ })).toHaveText(/Answers\s*3\s*0/);
	await page.getByRole('radio', { name: /Replace/ }).check();
	await preview.scrollIntoViewIfNeeded();
	await noViolations(page, 'settings with the restore preview', {
		shot: 'settings-restore-preview',
		fullPage: false
	});
	await page.setViewportSize({ width: 390, height: 844 });
	await preview.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/screenshots/settings-restore-preview-phone.png' });
	await page.setViewportSize({ width: 1280, height: 800 });

	await page.getByRole('button', { name: 'Replace my data with the backup' }).click();
	await expect(page.getByTestId('restore-result')).toContainText('3 answers');

	expect(await homeFigures(page)).toEqual(before);
});

test('a malformed backup is refused with an alert and changes nothing', async ({ page }) => {
	await drill(page, 1);
	const before = await homeFigures(page);
	await open(page, '/settings');
	await page.getByLabel(/Backup file/).setInputFiles({
		name: 'codedrill-backup.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"app":"codedrill","format":1,"schema":4,"exportedAt":17964')
	});
	await expect(page.getByRole('alert')).toHaveText(/cut short or damaged/);
	await expect(page.getByTestId('restore-preview')).toHaveCount(0);
	await page
		.locator('#backup')
		.screenshot({ path: 'test-results/screenshots/settings-restore-refused.png' });
	expect(await homeFigures(page)).toEqual(before);
});

test('the home page reminds of a backup over a week old, until dismissed for today', async ({
	page
}) => {
	await drill(page, 1);
	// The last backup, nine days ago: written straight into the app's settings store.
	await page.evaluate(
		async (at) => {
			const db = await new Promise<IDBDatabase>((ok, fail) => {
				const req = indexedDB.open('codedrill');
				req.onsuccess = () => ok(req.result);
				req.onerror = () => fail(req.error);
			});
			await new Promise((ok, fail) => {
				const tx = db.transaction('settings', 'readwrite');
				tx.objectStore('settings').put({ key: 'last-backup', value: at });
				tx.oncomplete = ok;
				tx.onerror = fail;
			});
			db.close();
		},
		Date.now() - 9 * 86_400_000
	);
	await open(page, '/');
	const reminder = page.getByTestId('backup-reminder');
	await expect(reminder).toHaveText(
		/Your last backup was 9 days ago; you have answered 1 question since\./
	);
	await expect(reminder.getByRole('link', { name: 'Back up now' })).toHaveAttribute(
		'href',
		'/settings#backup'
	);
	await noViolations(page, 'home with the backup reminder', {
		include: '[data-testid="backup-reminder"]'
	});
	await reminder.screenshot({ path: 'test-results/screenshots/home-backup-reminder.png' });
	await reminder.getByRole('button', { name: 'Not today' }).click();
	await expect(reminder).toHaveCount(0);
	await open(page, '/');
	await expect(page.getByTestId('stat-attempts')).toHaveText('1');
	await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
});
