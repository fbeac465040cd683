/**
 * After the answer: closing the code peek with Esc leaves Enter going on to the next item; on a
 * phone the code comparison fits the screen, codes never break inside, and keyboard hints are gone.
 */
import { expect, test, type Page } from '@playwright/test';
import { findCodes } from '../../src/lib/codebook/code-links';
import { answerWithKeyboard } from './fixtures';
import { bank, practiceAt } from './practice-at';

/** Shift+Tab back from the focused Next button to the nearest code link in the rationale. */
async function tabBackToCodeLink(page: Page) {
	for (let i = 0; i < 40; i++) {
		if (await page.evaluate(() => document.activeElement?.matches('a.code-link') ?? false)) return;
		await page.keyboard.press('Shift+Tab');
	}
	throw new Error('no code link before the Next button');
}

test('Esc on the code peek returns focus to Next, so Enter goes on to the next item', async ({
	page,
	request
}) => {
	const cpc = await bank(request, 'cpc');
	await practiceAt(
		page,
		cpc,
		'mixed',
		(i) => i.type === 'single-best-answer' && findCodes(i.rationale).length > 0
	);
	await expect(page.getByRole('heading', { name: /^Item 1 of/ })).toBeVisible();
	await answerWithKeyboard(page);
	const next = page.getByRole('button', { name: /Next item/ });
	await expect(next).toBeFocused();

	await tabBackToCodeLink(page);
	await page.keyboard.press('Enter');
	const peek = page.getByTestId('code-peek');
	await expect(peek).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(peek).toBeHidden();
	await expect(next).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /^Item 2 of/ })).toBeVisible();
	await expect(peek).toBeHidden();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the code comparison fits without page scroll, codes do not wrap, and key hints are hidden', async ({
		page,
		request
	}) => {
		const cpc = await bank(request, 'cpc');
		// A modifier in the key: `99213-25` is the code that used to break at its hyphen.
		const item = await practiceAt(
			page,
			cpc,
			'mixed',
			(i) => i.type === 'code-entry' && i.answer.procedures.some((p) => p.includes('-'))
		);
		if (item.type !== 'code-entry') throw new Error('not a code-entry item');
		await expect(page.locator('.keys')).toBeHidden();
		await expect(page.locator('kbd').first()).toBeHidden();

		// Every line of the table filled: a wrong diagnosis, the procedures as keyed, an extra one.
		await page.getByLabel('Diagnosis codes (ICD-10-CM)').fill('R69');
		await page
			.getByLabel('Procedure and supply codes (CPT, HCPCS Level II)')
			.fill([...item.answer.procedures, '99499-59'].join(', '));
		await page.getByRole('button', { name: /Check answer/ }).tap();
		const table = page.getByRole('table', { name: 'Your codes compared with the key' });
		await expect(table).toBeVisible();

		const overflow = await page.evaluate(() => {
			const el = document.scrollingElement!;
			return el.scrollWidth - el.clientWidth;
		});
		expect(overflow, 'horizontal page overflow in px').toBeLessThanOrEqual(0);
		// Each code sits on one line: its box is no taller than one line of its text.
		const wrapped = await table.locator('code').evaluateAll((codes) =>
			codes
				.filter((c) => c.getClientRects().length > 1)
				.map((c) => c.textContent)
				.filter(Boolean)
		);
		expect(wrapped, 'codes broken across lines').toEqual([]);
		await expect(page.locator('kbd').first()).toBeHidden();
		await expect(page.locator('.keys')).toBeHidden();
	});
});
