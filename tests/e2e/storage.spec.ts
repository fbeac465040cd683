/**
 * The learner's database under pressure from outside the page: a write still under way when the
 * tab closes, another tab holding an older connection, another tab opening a newer version, and
 * stored progress this version cannot open. Each banner passes axe and is keyboard-operable.
 */
import { expect, test, type Page } from '@playwright/test';
import { noViolations as axe } from './axe';
import { answerBillingItem, isBillingKind } from './billing-keys';
import { open, shownType } from './fixtures';

/** axe on the banner: the page behind it has its own axe tests. */
const noViolations = (page: Page) =>
	axe(page, 'the storage banner', { include: '[data-testid="storage-banner"]' });

async function shot(page: Page, name: string) {
	await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/**
 * Holds a readwrite transaction on `cards` from a second connection in the page, as a slow disk
 * would: the app's next write to cards waits behind it until `release` is called.
 */
async function holdCards(page: Page): Promise<{ release: () => Promise<void> }> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const w = window as unknown as { releaseCards?: boolean };
				w.releaseCards = false;
				const req = indexedDB.open('codedrill');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const store = req.result.transaction('cards', 'readwrite').objectStore('cards');
					// A request after each answer keeps the transaction alive until released.
					const spin = () => {
						if (!w.releaseCards) store.get('hold').onsuccess = spin;
					};
					spin();
					resolve();
				};
			})
	);
	return {
		release: () =>
			page.evaluate(() => {
				(window as unknown as { releaseCards?: boolean }).releaseCards = true;
			})
	};
}

/** Grades the drill card on screen with the keyboard, without waiting for the save. */
async function gradeNow(page: Page): Promise<void> {
	const type = await shownType(page);
	if (type === 'flashcard') {
		await page.keyboard.press('Space');
		await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
		await page.keyboard.press('3');
	} else if (type === 'single-best-answer') {
		await page.keyboard.press('1');
		await page.keyboard.press('Enter');
	} else if (isBillingKind(type)) {
		await answerBillingItem(page, false);
	} else {
		await page.getByLabel('Diagnosis codes (ICD-10-CM)').first().focus();
		await page.keyboard.type('R69');
		await page.keyboard.press('Enter');
	}
}

/** How many drill reviews are stored, read through a connection of its own. */
function reviewCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('codedrill');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const count = req.result.transaction('reviews').objectStore('reviews').count();
					count.onsuccess = () => {
						req.result.close();
						resolve(count.result);
					};
				};
			})
	);
}

/** A page of the app's origin that runs none of its code: stands in for another tab. */
async function bareTab(page: Page): Promise<Page> {
	const other = await page.context().newPage();
	await other.goto('/data/banks.json');
	return other;
}

test('closing the page while a drill grade is being written asks the learner to stay', async ({
	page
}) => {
	await open(page, '/drill');
	await expect(page.locator('article[data-item-id]')).toBeVisible();
	const hold = await holdCards(page);
	await gradeNow(page);

	// The grade cannot be committed yet: leaving now would lose it, so the browser asks.
	const asked = page.waitForEvent('dialog', { timeout: 5_000 });
	await page.close({ runBeforeUnload: true });
	const dialog = await asked;
	expect(dialog.type()).toBe('beforeunload');
	await dialog.dismiss();
	expect(page.isClosed()).toBe(false);

	// Once the write is through, leaving asks nothing.
	await hold.release();
	await expect.poll(() => reviewCount(page)).toBe(1);
	let askedAgain = false;
	page.on('dialog', (d) => {
		askedAgain = true;
		void d.accept();
	});
	await page.close({ runBeforeUnload: true });
	await expect.poll(() => page.isClosed()).toBe(true);
	expect(askedAgain).toBe(false);
});

test('an older connection in another tab: says to close it, then opens by itself', async ({
	page
}) => {
	// Another tab holds version 1 of the database and ignores requests to close (an old build).
	const other = await bareTab(page);
	await other.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const req = indexedDB.open('codedrill', 1);
				req.onsuccess = () => {
					(window as unknown as { held: IDBDatabase }).held = req.result;
					resolve();
				};
			})
	);
	await open(page, '/drill');
	const banner = page.getByTestId('storage-banner');
	await expect(banner).toContainText('Close the other CodeDrill tabs to continue.');
	await expect(page.getByText("Building today's queue…")).toBeVisible();
	await noViolations(page);
	await shot(page, 'storage-blocked');

	await other.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
	await expect(banner).toBeHidden();
	await expect(page.locator('article[data-item-id]')).toBeVisible();
});

test('a newer version opened in another tab: this tab lets go and offers a reload', async ({
	page
}) => {
	await open(page, '/drill');
	await expect(page.locator('article[data-item-id]')).toBeVisible();
	const other = await bareTab(page);
	// The newer tab's open goes through (this tab closed its connection) rather than waiting.
	const version = await other.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('codedrill', 990);
				req.onsuccess = () => {
					const v = req.result.version;
					req.result.close();
					resolve(v);
				};
				req.onerror = () => reject(req.error);
			})
	);
	expect(version).toBe(990);
	const banner = page.getByTestId('storage-banner');
	await expect(banner).toContainText('The app was updated in another tab; reload to continue.');
	await noViolations(page);
	await shot(page, 'storage-updated-elsewhere');

	const reload = banner.getByRole('button', { name: 'Reload' });
	await reload.focus();
	await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.locator('article[data-item-id]')).toBeVisible();
	await expect(banner).toBeHidden();
});

test('progress this version cannot open: says so and what to do, library words folded away', async ({
	page
}) => {
	// Stored progress whose cards table has another primary key than this version's schema.
	const other = await bareTab(page);
	await other.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const req = indexedDB.open('codedrill', 5);
				req.onupgradeneeded = () =>
					req.result.createObjectStore('cards', { keyPath: 'id', autoIncrement: true });
				req.onsuccess = () => {
					req.result.close();
					resolve();
				};
			})
	);
	await other.close();
	await open(page, '/');
	const banner = page.getByTestId('storage-banner');
	await expect(banner).toContainText('Your progress cannot be opened.');
	await expect(banner).not.toContainText('could not be saved');
	await expect(banner.getByText(/primary key/)).toBeHidden();
	await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
	await noViolations(page);
	await banner.getByText('Technical details').click();
	await expect(banner.getByText(/primary key/)).toBeVisible();
	await shot(page, 'storage-unopenable');
});

test('storage full: the banner says so, Try again clears it once a write goes through', async ({
	page
}) => {
	// Every add and put fails as a full disk does, until the test frees "space".
	await page.addInitScript(() => {
		const w = window as unknown as { diskFull?: boolean };
		w.diskFull = false;
		for (const method of ['add', 'put'] as const) {
			const real = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (
				this: IDBObjectStore,
				...args: Parameters<IDBObjectStore['put']>
			) {
				if (w.diskFull)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return real.apply(this, args);
			};
		}
	});
	await open(page, '/drill');
	await expect(page.locator('article[data-item-id]')).toBeVisible();
	await page.evaluate(() => ((window as unknown as { diskFull?: boolean }).diskFull = true));
	await gradeNow(page);
	const banner = page.getByTestId('storage-banner');
	await expect(banner).toContainText('Storage is full.');
	// The browser's own words are folded away under Technical details.
	await expect(banner.getByText(/quota has been exceeded/)).toBeHidden();
	await noViolations(page);
	await shot(page, 'storage-full');

	// Still full: Try again (from the keyboard) keeps the banner and says it still fails.
	const retry = banner.getByRole('button', { name: 'Try again' });
	await retry.focus();
	await page.keyboard.press('Enter');
	await expect(banner).toContainText('Still failing');

	await page.evaluate(() => ((window as unknown as { diskFull?: boolean }).diskFull = false));
	await retry.focus();
	await page.keyboard.press('Enter');
	await expect(banner).toContainText('Saving works again.');
	await expect(banner).not.toContainText('Storage is full.');
	await noViolations(page);
	await shot(page, 'storage-full-cleared');
});
