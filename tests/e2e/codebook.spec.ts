/**
 * The code book: search to code page to hierarchy, keyboard only where a coder would use it,
 * offline after "make available offline", axe on its screens, and screenshots to look at.
 * Each test stays well inside half of its 30 s budget on the shared 2-core machine: a long path
 * is split into tests that each open the page they need.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	answerWithKeyboard,
	CODE_BOOK_TEST_TIMEOUT,
	CODE_BOOK_WAIT,
	nextWithKeyboard,
	open,
	openControlled,
	shownType
} from './fixtures';
import { noViolations } from './axe';

// Every test here waits on the code book's worker (see CODE_BOOK_TEST_TIMEOUT).
test.describe.configure({ timeout: CODE_BOOK_TEST_TIMEOUT });

const search = (page: Page) => page.getByRole('combobox', { name: 'Search the code book' });
const results = (page: Page) =>
	page.getByRole('listbox', { name: 'Matching codes' }).getByRole('option');

/**
 * The browser's Data Saver: the code book then waits for first use instead of downloading in
 * the background, which lets a test see the manual path and the never-saved state.
 */
async function dataSaver(page: Page) {
	await page.addInitScript(() =>
		Object.defineProperty(navigator, 'connection', { value: { saveData: true } })
	);
}

test('search with the keyboard and open E11.9 with Enter', async ({ page }) => {
	await open(page, '/codes');
	// The box has focus on arrival; leave it, then `/` brings focus back.
	await page.getByRole('heading', { name: 'Code book', level: 1 }).click();
	await expect(search(page)).not.toBeFocused();
	await page.keyboard.press('/');
	await expect(search(page)).toBeFocused();
	await page.keyboard.type('type 2 diabetes without complications');
	await expect(results(page).first()).toBeVisible({ timeout: CODE_BOOK_WAIT });
	const top3 = await results(page)
		.locator('.code')
		.evaluateAll((els) => els.slice(0, 3).map((e) => e.textContent));
	expect(top3).toContain('E11.9');

	// Arrow to E11.9 and open it with Enter.
	const at = top3.indexOf('E11.9');
	for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
	await expect(results(page).nth(at)).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/codes\?c=E11\.9$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'E11.9 Type 2 diabetes mellitus without complications'
	);
	await expect(page.getByText('Billable', { exact: true })).toBeVisible();
});

test('a code page goes up to its category and chapter by the breadcrumb', async ({ page }) => {
	await open(page, '/codes?c=E11.9');
	const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
	await crumbs.getByRole('link', { name: 'E11', exact: true }).click({ timeout: CODE_BOOK_WAIT });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('E11 Type 2 diabetes mellitus');
	await expect(page.getByRole('note')).toContainText('E11 is a header, not a billable code');
	await expect(page.getByRole('link', { name: /^E11\.9 / })).toBeVisible();

	await crumbs.getByRole('link', { name: 'Chapter 4' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Endocrine, nutritional and metabolic diseases'
	);
	await expect(page.getByRole('link', { name: /E08-E13 Diabetes mellitus/ })).toBeVisible();
});

test('a code typed in any form, and a filter by code set', async ({ page }) => {
	await open(page, '/codes?q=e11%209');
	await expect(search(page)).toHaveValue('e11 9');
	await expect(results(page).first().locator('.code')).toHaveText('E11.9', {
		timeout: CODE_BOOK_WAIT
	});
	// E11.9 and two HCPCS codes that start E119 (E1190, E1195): each counted once, each listed.
	await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('3 matches.');
	await expect(results(page)).toHaveCount(3);

	await search(page).fill('dexamethasone');
	await page.getByLabel('Code set').selectOption('hcpcs');
	await expect(results(page).first()).toContainText('HCPCS Level II');
	await expect(results(page).filter({ hasText: 'ICD-10-CM' })).toHaveCount(0);
});

test('plain words: an everyday term leads to its code, and nonsense says there is no close match', async ({
	page
}) => {
	await open(page, '/codes?q=heart%20attack');
	await expect(results(page).first().locator('.code')).toHaveText('I21.9', {
		timeout: CODE_BOOK_WAIT
	});
	await expect(results(page).first()).toContainText('list of everyday terms: “heart attack”');

	await search(page).fill('xyzzy plugh');
	await expect(page.getByRole('status').filter({ hasText: 'close match' })).toHaveText(
		'No close match for “xyzzy plugh”. Check the spelling, or try other or fewer words.'
	);
	await expect(results(page)).toHaveCount(0);
});

test('a later visit searches from the stored index, without downloading the code sets again', async ({
	page
}) => {
	const downloads: string[] = [];
	page.on('request', (r) => {
		if (/\/data\/codebook\/(?!manifest\.json)/.test(r.url())) downloads.push(r.url());
	});
	await open(page, '/codes?q=heart%20attack');
	await expect(results(page).first().locator('.code')).toHaveText('I21.9', {
		timeout: CODE_BOOK_WAIT
	});
	expect(downloads.length).toBeGreaterThan(0);
	// The worker stores the index after the first search: wait for the record, not for time.
	const stored = () =>
		page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const req = indexedDB.open('codedrill-codebook-index', 1);
					req.onupgradeneeded = () => req.result.createObjectStore('snapshots');
					req.onerror = () => resolve(0);
					req.onsuccess = () => {
						const db = req.result;
						const count = db.transaction('snapshots').objectStore('snapshots').count();
						count.onsuccess = () => {
							db.close();
							resolve(count.result);
						};
					};
				})
		);
	await expect.poll(stored, { timeout: CODE_BOOK_WAIT }).toBeGreaterThan(0);

	downloads.length = 0;
	await page.reload();
	await expect(results(page).first().locator('.code')).toHaveText('I21.9', {
		timeout: CODE_BOOK_WAIT
	});
	expect(downloads).toEqual([]);
});

test('a code that does not exist says so, and a code FY2027 deleted names its successor', async ({
	page
}) => {
	await open(page, '/codes?c=E11.99');
	await expect(page.getByRole('note')).toContainText('is not a code in the ICD-10-CM FY2027', {
		timeout: CODE_BOOK_WAIT
	});

	await open(page, '/codes?c=T52.8X1A');
	await expect(page.getByText('Deleted in FY2027', { exact: true })).toBeVisible({
		timeout: CODE_BOOK_WAIT
	});
	await expect(page.getByRole('note')).toContainText(
		'T52.8X1A was deleted on 1 October 2026 (FY2027 addenda)'
	);
	await expect(
		page.getByRole('heading', { name: 'Still in the FY2026 index tables' })
	).toBeVisible();
	await noViolations(page, 'deleted code page');
	await page.getByRole('link', { name: 'T52.891A' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('T52.891A');
	await expect(page.getByText('New in FY2027', { exact: true })).toBeVisible();
});

test.describe('with the service worker', () => {
	// Offline use is the service worker's work (the config blocks it elsewhere).
	test.use({ serviceWorkers: 'allow' });

	test('after "make available offline" the code book searches with the network off', async ({
		page,
		context
	}) => {
		await dataSaver(page);
		await openControlled(page, '/settings');

		await page.getByRole('button', { name: 'Make the code book available offline now' }).click();
		await expect(page.getByTestId('codebook-offline-state')).toContainText('Available offline', {
			timeout: CODE_BOOK_WAIT
		});

		await context.setOffline(true);
		await open(page, '/codes');
		await search(page).fill('chf');
		await expect(results(page).first()).toBeVisible({ timeout: CODE_BOOK_WAIT });
		await expect(results(page).locator('.code').first()).toHaveText(/^I50/);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Heart failure');
	});

	test('offline before the code book was ever saved: a clear message and a way to retry', async ({
		page,
		context
	}) => {
		await dataSaver(page);
		await openControlled(page, '/');
		await expect(page.getByTestId('offline-status')).toHaveAttribute('data-codebook', 'absent');
		await context.setOffline(true);
		await open(page, '/codes');
		await expect(page.getByRole('alert')).toContainText('The code book could not be loaded', {
			timeout: CODE_BOOK_WAIT
		});
		await expect(page.getByRole('alert')).toContainText('make it available offline in Settings');

		await context.setOffline(false);
		await page.getByRole('button', { name: 'Try again' }).click();
		await expect(page.getByRole('alert')).toHaveCount(0, { timeout: CODE_BOOK_WAIT });
		await search(page).fill('gerd');
		await expect(results(page).locator('.code').first()).toHaveText(/^K21/, {
			timeout: CODE_BOOK_WAIT
		});
	});
});

test.describe('axe', () => {
	test.use({ viewport: { width: 1200, height: 900 } });

	test('code book home and search results', async ({ page }) => {
		await open(page, '/codes');
		await expect(page.getByRole('heading', { name: 'Browse' })).toBeVisible({
			timeout: CODE_BOOK_WAIT
		});
		await noViolations(page, 'code book home', { shot: 'codes-home' });

		await search(page).fill('copd exac');
		await expect(results(page).first()).toBeVisible({ timeout: CODE_BOOK_WAIT });
		await noViolations(page, 'search results', { shot: 'codes-search', fullPage: false });
	});

	test('a header code page (one FY2027 turned from billable into a header)', async ({ page }) => {
		await open(page, '/codes?c=D69.1');
		await expect(page.getByRole('heading', { name: /^Codes below/ })).toBeVisible({
			timeout: CODE_BOOK_WAIT
		});
		await expect(page.getByTestId('now-header')).toContainText(
			'Now a header: choose a code below it.'
		);
		await expect(page.getByText('Now a header in FY2027', { exact: true })).toBeVisible();
		await noViolations(page, 'header code page', { shot: 'codes-header', fullPage: false });
	});

	test('a code page', async ({ page }) => {
		await open(page, '/codes?c=E11.9');
		await expect(page.getByRole('heading', { name: 'In our question banks' })).toBeVisible({
			timeout: CODE_BOOK_WAIT
		});
		await expect(page.getByText('Looking…')).toHaveCount(0);
		await noViolations(page, 'code page', { shot: 'codes-page' });
	});

	test('a chapter with its list shown in full', async ({ page }) => {
		await open(page, '/codes?c=chapter:19');
		await page.getByRole('button', { name: /^Show all/ }).click({ timeout: CODE_BOOK_WAIT });
		await noViolations(page, 'chapter page');
	});

	test.describe('with the service worker', () => {
		// The download it shows is the service worker's (the config blocks it elsewhere).
		test.use({ serviceWorkers: 'allow' });

		test('settings and the home page while the code book downloads or is saved', async ({
			page
		}) => {
			await open(page, '/');
			await expect(page.getByTestId('offline-status')).toBeVisible();
			await noViolations(page, 'home');
			await open(page, '/settings');
			await expect(page.getByRole('heading', { name: 'Code book offline' })).toBeVisible();
			await noViolations(page, 'settings');
		});
	});
});

test('practice: the open-book panel inserts a picked code into the last code field', async ({
	page
}) => {
	await open(page, '/practice/run?bank=cpc&section=mixed');
	for (let i = 0; i < 60 && (await shownType(page)) !== 'code-entry'; i++) {
		await answerWithKeyboard(page);
		await nextWithKeyboard(page);
	}
	expect(await shownType(page)).toBe('code-entry');
	const dx = page.getByLabel('Diagnosis codes (ICD-10-CM)').first();
	await dx.focus();
	await page.getByText('Open the code book').click();
	const lookup = page.getByRole('combobox', { name: 'Look up a code' });
	await expect(lookup).toBeFocused();

	await lookup.fill('E11');
	await expect(results(page).first()).toContainText('E11', { timeout: CODE_BOOK_WAIT });
	await lookup.press('Enter');
	await expect(page.getByRole('alert')).toContainText('E11 is a header, not a billable code');
	await expect(dx).toHaveValue('');

	await lookup.fill('type 2 diabetes without complications');
	await expect(results(page).first().locator('.code')).toHaveText('E11.9');
	await lookup.press('Enter');
	await expect(dx).toHaveValue('E11.9');
	await expect(dx).toBeFocused();
});

test('practice: a code in a rationale links to its code page through a small dialog', async ({
	page
}) => {
	await open(page, '/practice/run?bank=cpc&section=mixed');
	await answerWithKeyboard(page);
	await expect(page.getByRole('heading', { name: 'Rationale' })).toBeVisible();
	// Not every rationale cites a code we ship (an anesthesia item may cite only CPT numbers):
	// go on until one does. The practice order is random.
	for (let i = 0; i < 30 && (await page.locator('.prose a.code-link').count()) === 0; i++) {
		await nextWithKeyboard(page);
		await answerWithKeyboard(page);
	}
	const link = page.locator('.prose a.code-link').first();
	await expect(link).toHaveAttribute('href', /^\/codes\?c=[A-Z0-9.]+(&s=\w+)?$/);
	await expect(page.locator('.prose a.code-link').filter({ hasText: /^\d{5}$/ })).toHaveCount(0);
	const code = (await link.textContent()) ?? '';
	// A click shows the code in a dialog, keeping the learner's place in the practice run.
	const itemId = await page.locator('article[data-item-id]').getAttribute('data-item-id');
	await link.click();
	const peek = page.getByRole('dialog');
	await expect(peek.getByRole('heading')).toContainText(code);
	await expect(peek.getByText(/Billable|Header|Valid code/).first()).toBeVisible({
		timeout: CODE_BOOK_WAIT
	});
	await noViolations(page, 'code peek', { include: 'dialog', shot: 'code-peek', fullPage: false });
	await page.keyboard.press('Escape');
	await expect(peek).toBeHidden();
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', itemId!);
	// The full page is one more click away.
	await link.click();
	await peek.getByRole('link', { name: 'Open the full code page' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(code, {
		timeout: CODE_BOOK_WAIT
	});
});

test('a code page opened directly shows the code without building the search index', async ({
	page
}) => {
	// Record whether the index build ever shows (its message, or the client's state), however
	// briefly.
	await page.addInitScript(() => {
		new MutationObserver(() => {
			const html = document.documentElement;
			const text = document.body?.textContent ?? '';
			if (
				text.includes('Indexing') ||
				text.includes('Preparing the search') ||
				html.dataset.codebookIndex
			)
				html.dataset.sawIndexing = 'true';
		}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
	});
	await open(page, '/codes?c=E11.9');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'E11.9 Type 2 diabetes mellitus without complications',
		{ timeout: CODE_BOOK_WAIT }
	);
	await expect(page.locator('html')).not.toHaveAttribute('data-saw-indexing', 'true');
	await expect(page.locator('html')).not.toHaveAttribute('data-codebook-index', /building|ready/);
});

test('on a code page `/` focuses a search box, and a slash typed in it stays', async ({ page }) => {
	await open(page, '/codes?c=E11.9');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('E11.9', {
		timeout: CODE_BOOK_WAIT
	});
	const box = page.getByRole('searchbox', { name: 'Search the code book' });
	await expect(box).not.toBeFocused();
	await page.keyboard.press('/');
	await expect(box).toBeFocused();
	await page.keyboard.type('heart/failure');
	await expect(box).toHaveValue('heart/failure');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/codes\?q=heart%2Ffailure$/);
	await expect(search(page)).toHaveValue('heart/failure');
});

test('at 390 px a code page’s heading leaves room for the code’s details', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page, '/codes?c=T20.011A');
	const h1 = page.getByRole('heading', { level: 1 });
	await expect(h1).toContainText('T20.011A Burn of unspecified degree of right ear', {
		timeout: CODE_BOOK_WAIT
	});
	const box = (await h1.boundingBox())!;
	// The title is long ("Burn of unspecified degree of right ear [any part, except ear drum],
	// initial encounter"): at the desktop size it took four lines and most of the first screen.
	expect(box.height).toBeLessThan(844 * 0.2);
	await expect(page.getByText('Billable', { exact: true })).toBeInViewport();
});

test('"Same level" shows every code it counts, without a hidden scroll box', async ({ page }) => {
	await open(page, '/codes?c=chapter:4');
	const same = page.getByRole('region', { name: /^Same level/ });
	await expect(same.getByRole('heading')).toHaveText('Same level (21)', {
		timeout: CODE_BOOK_WAIT
	});
	await expect(same).toContainText('Showing 12 of 21');
	await same.getByRole('button', { name: 'Show all 21' }).press('Enter');
	await expect(same.getByRole('link')).toHaveCount(21);
	const clipped = await same
		.getByRole('list')
		.evaluate((ul) => ul.scrollHeight > ul.clientHeight + 1);
	expect(clipped).toBe(false);
});
