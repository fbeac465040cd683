/**
 * Report a problem with an item, keyboard only, from practice: the item says it is disputed, the
 * report is listed in Settings and exported for the author; then one bank's progress is reset
 * from Settings and the home page keeps only the other bank's answers. Axe on the dialogs and the
 * Settings sections, with screenshots at desktop and phone sizes.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';
import { itemById } from './bank-data';
import { answerWithKeyboard, open } from './fixtures';

// Two practice answers, four axe passes (each light and dark) and a reset: 20-25 s alone.
test.describe.configure({ timeout: 2 * AXE_TEST_TIMEOUT });

const CPC = 'Professional coding (CPC, COC)';

async function phoneShot(page: Page, name: string) {
	const size = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `test-results/screenshots/${name}-phone.png` });
	if (size) await page.setViewportSize(size);
}

test('report an item with the keyboard, see it disputed, export it, then reset its bank', async ({
	page,
	request
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await open(page, '/practice/run?bank=cpc&section=mixed');
	const itemId = await answerWithKeyboard(page);
	const item = await itemById(request, itemId);
	const next = page.getByRole('button', { name: /Next item|Finish/ });
	await expect(next).toBeFocused();
	await expect(page.getByRole('button', { name: /Report a problem/ })).toHaveAttribute(
		'title',
		/\(R\)/
	);

	// R opens the dialog; focus is on the first choice.
	await page.keyboard.press('r');
	const dialog = page.getByRole('dialog', { name: 'Report a problem' });
	await expect(dialog).toBeVisible();
	const keyChoice = dialog.getByRole('radio', { name: 'The answer key' });
	await expect(keyChoice).toBeFocused();
	// Keys typed in the dialog stay there: V must not flag the item behind it.
	await page.keyboard.press('v');
	await expect(page.getByTestId('flag-item')).toHaveAttribute('aria-pressed', 'false');
	await page.keyboard.press('Space');
	await expect(keyChoice).toBeChecked();
	await page.keyboard.press('Tab');
	const text = dialog.getByRole('textbox', { name: 'What is wrong, in a sentence or two' });
	await expect(text).toBeFocused();
	// Saving with no explanation says what is missing and keeps the dialog open.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(dialog.getByRole('button', { name: 'Save report' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog.getByRole('alert')).toHaveText('Write a short explanation of what is wrong.');
	await text.focus();
	await page.keyboard.type('T');
	await expect(dialog.getByRole('alert')).toBeHidden();
	await page.keyboard.press('Backspace');
	await page.keyboard.type('The note supports a different answer.');
	await expect(dialog.getByText('37 / 1000 characters')).toBeVisible();
	await noViolations(page, 'the report dialog', { include: 'dialog[open]', fullPage: false });
	await page.screenshot({ path: 'test-results/screenshots/report-dialog-desktop.png' });
	await phoneShot(page, 'report-dialog');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	// Focus is back where the learner was; the item now says it is disputed.
	await expect(next).toBeFocused();
	const disputed = page.getByTestId('disputed');
	await expect(disputed).toHaveText(/Disputed — you reported: the answer key · your reports/);
	await expect(disputed.getByRole('link', { name: 'your reports' })).toHaveAttribute(
		'href',
		'/settings#reports'
	);
	await page.locator('article[data-item-id]').screenshot({
		path: 'test-results/screenshots/report-disputed-desktop.png'
	});
	// Esc closes it without saving anything.
	await page.keyboard.press('r');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(next).toBeFocused();

	// An answer in another bank, which the reset must leave alone.
	await open(page, '/practice/run?bank=foundations&section=mixed');
	await answerWithKeyboard(page);

	// The item's own page says so too, beside its report button.
	await open(page, `/item?id=${itemId}`);
	await expect(page.getByTestId('disputed')).toContainText('you reported: the answer key');
	await expect(page.getByRole('button', { name: /Report a problem/ })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/report-item-page-desktop.png' });

	// Settings lists the report and exports it for the author.
	await open(page, '/settings#reports');
	const row = page.getByTestId('report-row');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText(itemId);
	await expect(row).toContainText('The answer key');
	await expect(row).toContainText('The note supports a different answer.');
	await expect(row).toContainText('Open');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export reports' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^codedrill-reports-\d{4}-\d{2}-\d{2}\.md$/);
	const md = await readFile((await file.path())!, 'utf8');
	expect(md).toContain(`## ${CPC} (\`cpc\`)`);
	expect(md).toContain(`### \`${itemId}\``);
	expect(md).toContain(`- File: \`${item.file}\``);
	expect(md).toContain('**The answer key** · open');
	expect(md).toContain('   > The note supports a different answer.');
	await noViolations(page, 'settings: reports and reset', {
		include: '#reports, #reset',
		shot: 'settings-reports'
	});
	await page.setViewportSize({ width: 390, height: 844 });
	await page.locator('#reports').screenshot({
		path: 'test-results/screenshots/settings-reports-phone.png'
	});
	await page.setViewportSize({ width: 1280, height: 800 });

	// Reset the CPC bank: the confirmation names what goes, with counts; keyboard to confirm.
	await page.getByLabel('Bank', { exact: true }).selectOption('cpc');
	await page.getByRole('button', { name: 'Reset this bank…' }).click();
	const confirm = page.getByRole('dialog', { name: `Reset your progress on “${CPC}”?` });
	await expect(confirm).toBeVisible();
	// A wrong answer in practice also made a drill card and its review (the practice draw is
	// random, so the answer given may be right or wrong).
	await expect(confirm.getByTestId('reset-text')).toHaveText(
		new RegExp(
			`^Delete 1 answer(?:, 1 drill card, 1 drill review)? and 1 report of the “${CPC.replace(/[()]/g, '\\$&')}” bank\\. Mock exams are kept\\.$`
		)
	);
	await noViolations(page, 'the reset confirmation', { include: 'dialog[open]', fullPage: false });
	await page.screenshot({ path: 'test-results/screenshots/reset-confirm-desktop.png' });
	await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('reset-status')).toHaveText(
		/^Deleted 1 answer(?:, 1 drill card, 1 drill review)? and 1 report of/
	);
	await expect(page.getByTestId('reports-empty')).toBeVisible();

	// Home: only the other bank's answer is left; CPC's sections are gone from the progress.
	await open(page, '/');
	await expect(page.getByTestId('stat-attempts')).toHaveText('1');
	await expect(page.getByTestId('progress')).not.toContainText(CPC);
	await expect(page.getByTestId('progress')).toContainText('Coding foundations flashcards');
});
