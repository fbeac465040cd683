/**
 * Bring your own cards (issue 13.5): a small tab-separated deck imported with the keyboard only
 * (preview, skipped row, deck name), practiced, then removed with a confirmation that names it.
 * A Markdown bank with a problem is refused with file:line and nothing imported.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';
import { open, rateFlashcard } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/imports');

test('a deck imported with the keyboard, practiced, then removed', async ({ page }) => {
	// Two axe passes (light and dark) and three pages: 36 s beside the other worker.
	test.setTimeout(2 * AXE_TEST_TIMEOUT);
	await open(page, '/settings');
	const file = page.getByLabel('Exported text file');
	// The file chooser opens from the keyboard; Playwright then hands it the file.
	await file.focus();
	const chooser = page.waitForEvent('filechooser');
	await page.keyboard.press('Space');
	await (await chooser).setFiles(join(FIXTURES, 'small-deck.txt'));

	const preview = page.getByTestId('cards-preview');
	await expect(preview).toContainText('3 cards ready to import, 1 row skipped');
	await expect(preview.getByRole('row')).toHaveCount(4);
	await expect(preview.getByRole('row').nth(1)).toContainText('Type 2 diabetes mellitus');
	await preview.getByText('Skipped rows (1)').click();
	await expect(preview).toContainText('small-deck.txt:3: the front is empty');
	await noViolations(page, 'settings with a card preview', {
		include: '#imports',
		shot: 'import-cards-preview'
	});

	// Keyboard only: from the separator to the deck name, type it, then on to Import.
	await expect(page.getByLabel('Deck name')).toHaveValue('small deck');
	await page.getByLabel('Deck name').focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Chapter 4 codes');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Import 3 cards' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Imported 3 cards as "Chapter 4 codes".')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Chapter 4 codes' })).toContainText(
		'3 items'
	);

	// Listed on the practice page, marked as imported; practice one card.
	await open(page, '/practice?bank=my-chapter-4-codes');
	const radio = page.getByRole('radio', { name: /Chapter 4 codes/ });
	await expect(radio).toBeChecked();
	await expect(page.getByText('imported', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Start practice' }).click();
	await expect(page.getByRole('heading', { name: 'Item 1 of 3' })).toBeVisible();
	await expect(page.locator('article[data-item-id]')).toHaveAttribute(
		'data-item-id',
		/^my-chapter-4-codes-000[123]$/
	);
	await rateFlashcard(page, '3');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

	// Removed from Settings, after a confirmation that names it.
	await open(page, '/settings');
	await page.getByRole('button', { name: 'Remove Chapter 4 codes' }).click();
	const dialog = page.getByRole('dialog', { name: 'Remove “Chapter 4 codes”?' });
	await expect(dialog).toContainText('Your answers to them stay in your history');
	await noViolations(page, 'the remove dialog', { include: 'dialog', shot: 'import-remove' });
	await dialog.getByRole('button', { name: 'Remove' }).click();
	await expect(page.getByText('Removed "Chapter 4 codes".')).toBeVisible();
	await expect(page.getByText('Nothing imported yet.')).toBeVisible();
});

test('a bank with a problem is refused with file:line and nothing is imported', async ({
	page
}) => {
	test.setTimeout(90_000);
	await open(page, '/settings');
	const { strToU8, zipSync } = await import('fflate');
	const zip = zipSync({
		'mine/bank.yaml': strToU8(
			'id: mine\ntitle: Mine\ndescription: x\nsections:\n  - { id: s, title: S }\n'
		),
		'mine/mine-0001.md': strToU8(
			'---\nid: mine-0001\ntype: flashcard\nexams: [CPC]\nsection: nope\nsystems: []\ncodeSetYear: 2027\ndifficulty: 1\n---\n\n## Front\n\nF\n\n## Back\n\nB\n\n## Rationale\n\nR\n'
		)
	});
	await page.getByLabel('or a .zip').setInputFiles({
		name: 'mine.zip',
		mimeType: 'application/zip',
		buffer: Buffer.from(zip)
	});
	const problems = page.getByTestId('bank-problems');
	await expect(problems).toContainText('Nothing was imported', { timeout: 40_000 });
	await expect(problems).toContainText(
		'mine/mine-0001.md:5: section "nope" is not one of this bank\'s sections: s'
	);
	await expect(problems).toHaveAttribute('role', 'alert');
	await noViolations(page, 'settings with bank problems', {
		include: '#imports',
		shot: 'import-bank-problems'
	});
	await expect(page.getByText('Nothing imported yet.')).toBeVisible();
});
