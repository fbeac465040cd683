/**
 * Misses put back to work: a miss in practice comes back in the drill, the done screen lists the
 * misses and practices them, and a flagged item makes up the flagged practice set.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Item } from '../../src/lib/content/types';
import { index, itemById } from './bank-data';
import { nextWithKeyboard, open } from './fixtures';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';

const DAY = 86_400_000;
// A Monday noon, UTC: practice at noon, the drill a day later.
const T0 = Date.UTC(2027, 0, 11, 12, 0);

/** The first `n` multiple-choice items of the index, with their keys. */
async function choiceItems(page: Page, n: number): Promise<Extract<Item, { options: unknown }>[]> {
	const ix = await index(page.request);
	const ids = ix.entries.filter((e) => e.type === 'single-best-answer').map((e) => e.id);
	const items = await Promise.all(ids.slice(0, n).map((id) => itemById(page.request, id)));
	return items.map((item) => {
		if (item.type !== 'single-best-answer') throw new Error(`${item.id} is not multiple choice`);
		return item;
	});
}

/** A letter that is not the key. */
function wrongLetter(item: Extract<Item, { options: unknown }>): string {
	return item.options.find((o) => o.letter !== item.answer)!.letter;
}

/** Answers the multiple-choice item on screen with `letter` and waits until it is saved. */
async function answer(page: Page, letter: string): Promise<void> {
	await expect(page.locator('article[data-item-id]')).toBeVisible();
	await page.keyboard.press(letter.toLowerCase());
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

function listUrl(ids: string[], title: string): string {
	return `/practice/run?items=${encodeURIComponent(ids.join(','))}&title=${encodeURIComponent(title)}&new=1`;
}

test('a miss in practice is due in the next day’s drill', async ({ page }) => {
	const [item] = await choiceItems(page, 1);
	await page.clock.setFixedTime(T0);
	await open(page, listUrl([item!.id], 'One question'));
	await expect(page.locator(`article[data-item-id="${item!.id}"]`)).toBeVisible();
	await answer(page, wrongLetter(item!));

	await page.clock.setFixedTime(T0 + DAY);
	await open(page, '/drill');
	const card = page.locator('article[data-item-id]');
	await expect(card).toHaveAttribute('data-item-id', item!.id);
	// Shown as a review (a due card), not as one of the day's new items.
	await expect(page.locator('[data-pile="review"].current')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
});

test('the done screen lists the misses and practices them', async ({ page }) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const [a, b, c] = await choiceItems(page, 3);
	await open(page, listUrl([a!.id, 'no-such-item', b!.id, c!.id], 'Three questions'));
	await expect(page.getByRole('heading', { level: 1, name: 'Three questions' })).toBeVisible();
	await expect(page.getByTestId('dropped-note')).toHaveText(
		'1 item is no longer in the question banks and was left out.'
	);
	await answer(page, wrongLetter(a!));
	await nextWithKeyboard(page);
	await answer(page, b!.answer);
	await nextWithKeyboard(page);
	await answer(page, wrongLetter(c!));
	await nextWithKeyboard(page);

	await expect(page.getByRole('heading', { name: 'Run complete' })).toBeVisible();
	const misses = page.getByTestId('misses');
	await expect(misses.getByRole('heading', { name: 'What you missed (2)' })).toBeVisible();
	const rows = misses.getByRole('listitem');
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toContainText(`You answered ${wrongLetter(a!)} · key ${a!.answer}`);
	await expect(misses).toContainText('in your drill too');
	// Titles, never ids.
	await expect(misses).not.toContainText(a!.id);
	await noViolations(page, 'practice done with misses', { include: 'main' });

	await misses.getByRole('link', { name: 'Practice the misses' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Misses from Three questions' })
	).toBeVisible();
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', a!.id);
	await expect(page.getByRole('heading', { name: 'Item 1 of 2' })).toBeVisible();
	// A reload resumes the misses run where it was.
	await answer(page, a!.answer);
	await nextWithKeyboard(page);
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', c!.id);
	await expect(page.getByRole('heading', { name: 'Item 2 of 2' })).toBeVisible();
});

test('a flagged item makes up the flagged practice set', async ({ page }) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const [a, b] = await choiceItems(page, 2);
	await open(page, listUrl([a!.id, b!.id], 'Two questions'));
	const flag = page.getByRole('button', { name: /Flag to revisit/ });
	await expect(flag).toHaveAttribute('aria-pressed', 'false');
	await noViolations(page, 'practice item with the flag button', { include: 'main' });
	// V flags the item on screen, from the keyboard.
	await page.keyboard.press('v');
	await expect(page.getByRole('button', { name: /Flagged/ })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	await open(page, '/practice');
	const set = page.getByTestId('flagged-set');
	await expect(set.getByRole('heading', { name: 'Flagged items (1)' })).toBeVisible();
	await noViolations(page, 'practice picker with flagged items', { include: 'main' });
	await set.getByRole('link', { name: 'Practice flagged items' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Flagged items' })).toBeVisible();
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', a!.id);
	await expect(page.getByRole('heading', { name: 'Item 1 of 1' })).toBeVisible();

	// Taking the flag off on the item page empties the set.
	await open(page, `/item?id=${encodeURIComponent(a!.id)}`);
	const pressed = page.getByRole('button', { name: /Flagged/ });
	await expect(pressed).toHaveAttribute('aria-pressed', 'true');
	await pressed.click();
	await expect(page.getByRole('button', { name: /Flag to revisit/ })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	await open(page, '/practice');
	await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeVisible();
	await expect(page.getByTestId('open-run')).toBeVisible();
	await expect(page.getByTestId('flagged-set')).toHaveCount(0);
});

test('an exam report lists the misses, practices them, and the wrong answer is in the drill', async ({
	page,
	context
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await context.clock.setFixedTime(T0);
	await open(page, '/exam');
	const form = page.getByRole('form', { name: 'Custom exam' });
	await form.getByLabel('Bank').selectOption({ label: 'Professional coding (CPC, COC)' });
	await form.getByRole('checkbox', { name: /Evaluation and Management/ }).check();
	await form.getByLabel('Items').fill('3');
	await form.getByRole('button', { name: 'Start custom exam' }).click();
	// The draw is random and the section also holds code-entry items: answer (wrongly) the first
	// multiple-choice question of the three and leave the others blank.
	const shownId = async () =>
		(await page.locator('article[data-item-id]').getAttribute('data-item-id')) ?? '';
	await expect(page.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
	const firstId = await shownId();
	let at = 0;
	let item = await itemById(page.request, firstId);
	while (item.type !== 'single-best-answer' && at < 2) {
		at++;
		await page.keyboard.press('n');
		await expect(page.getByRole('heading', { name: `Question ${at + 1} of 3` })).toBeVisible();
		item = await itemById(page.request, await shownId());
	}
	if (item.type !== 'single-best-answer') throw new Error('no multiple-choice question was drawn');
	const id = item.id;
	await expect(page.getByRole('radio').first()).toBeEnabled();
	await page.keyboard.press(wrongLetter(item).toLowerCase());
	await expect(page.getByRole('radio', { checked: true })).toHaveValue(wrongLetter(item));
	await expect(page.getByTestId('save-state')).toHaveText('All answers saved');
	await page.keyboard.press('r');
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByTestId('confirm-submit').click();

	const misses = page.getByTestId('misses');
	await expect(misses.getByRole('heading', { name: 'What you missed (3)' })).toBeVisible();
	const rows = misses.getByRole('listitem');
	// Listed in exam order.
	await expect(rows.nth(at)).toContainText(
		`You answered ${wrongLetter(item)} · key ${item.answer}`
	);
	await expect(rows.nth(at === 0 ? 1 : 0)).toContainText('Left blank');
	await expect(misses).toContainText('The ones you answered are in your drill too');
	// Each question on the report can be flagged to revisit (not the exam's own review flag).
	await expect(page.getByRole('button', { name: /Flag to revisit/ })).toHaveCount(3);
	await noViolations(page, 'exam report with misses', { include: 'main' });

	await misses.getByRole('link', { name: 'Practice the misses' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Misses from / })).toBeVisible();
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', firstId);
	await expect(page.getByRole('heading', { name: 'Item 1 of 3' })).toBeVisible();

	await context.clock.setFixedTime(T0 + DAY);
	await open(page, '/drill');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', id);
	await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
});
