/**
 * E/M level items in Chromium, answered with the keyboard alone in practice, a custom mock exam
 * and the drill; each attempt is stored as `{ mdm: {...} }`. axe reads the answer screen before
 * and after grading and in the exam's review; screenshots of the MDM grid at 1280x800, on a
 * phone and in print go to /tmp/shots-em/ (and test-results/screenshots/ through axe).
 */
import { expect, test } from '@playwright/test';
import type { Item } from '../../src/lib/content/types';
import { ELEMENTS, RATINGS } from '../../src/lib/items/em-level/levels';
import type { EmLevelItem } from '../../src/lib/items/em-level/types';
import { AXE_TEST_TIMEOUT, noViolations, shot } from './axe';
import { index, itemById } from './bank-data';
import { answerEmLevel } from './billing-keys';
import { startBillingExam } from './billing-exam';
import { attemptsOf, open } from './fixtures';
import { bank, practiceAt } from './practice-at';

const SHOTS = '/tmp/shots-em';

/** The response the keys above give. */
function expected(item: EmLevelItem, off?: (typeof ELEMENTS)[number]) {
	if (item.method === 'time' || !item.grid) return { mdm: { level: item.level } };
	const grid = { ...item.grid };
	if (off) {
		const step = RATINGS.indexOf(grid[off]);
		grid[off] = RATINGS[step === 0 ? 1 : step - 1]!;
	}
	return { mdm: { ...grid, level: item.level } };
}

const isMdm = (i: Item) => i.type === 'em-level' && (i as EmLevelItem).method === 'mdm';

test('practice: an MDM item with the keyboard alone, graded element by element, stored as mdm', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await page.setViewportSize({ width: 1280, height: 800 });
	const b = await bank(page.request, 'billing');
	const item = (await practiceAt(page, b, 'billing', isMdm)) as EmLevelItem;
	const grid = page.getByRole('group', { name: 'Medical decision making' });
	await expect(grid).toBeVisible();
	await noViolations(page, 'E/M item before grading', { include: 'main' });

	await answerEmLevel(page, item, 'data');
	await shot(page, `${SHOTS}/practice-answered-1280.png`);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	// The grid shows where the response differs from the key, and why.
	await expect(grid).toContainText('Matches the key.');
	await expect(grid).toContainText(/You: [a-z ]+; key: [a-z ]+\./);
	await expect(page.getByText(`Key: ${item.level}`)).toBeVisible();
	await noViolations(page, 'E/M item after grading', { include: 'main', shot: 'em-level-graded' });
	await shot(page, `${SHOTS}/practice-graded-1280.png`, true);
	await page.emulateMedia({ media: 'print' });
	await shot(page, `${SHOTS}/practice-graded-print.png`, true);
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, `${SHOTS}/practice-graded-phone.png`, true);

	const stored = await attemptsOf(page, item.id);
	expect(stored.map((a) => a.response)).toEqual([expected(item, 'data')]);
});

test('practice on a phone: a time item with the keyboard alone', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const b = await bank(page.request, 'billing');
	const item = (await practiceAt(
		page,
		b,
		'billing',
		(i) => i.type === 'em-level' && (i as EmLevelItem).method === 'time'
	)) as EmLevelItem;
	await expect(
		page.getByRole('radiogroup', { name: 'Level (code)' }).getByRole('radio').first()
	).toBeFocused();
	await shot(page, `${SHOTS}/practice-time-phone.png`, true);
	await answerEmLevel(page, item);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	const stored = await attemptsOf(page, item.id);
	expect(stored.map((a) => a.response)).toEqual([expected(item)]);
});

test('a mock exam: an MDM item answered with the keyboard, reviewed after submitting', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const isMdm = async (e: { id: string; type: string }) =>
		e.type === 'em-level' && ((await itemById(page.request, e.id)) as EmLevelItem).method === 'mdm';
	const first = (await itemById(
		page.request,
		await startBillingExam(
			page,
			{ section: 'billing', title: 'Claims and claim forms', items: 3, minutes: 10 },
			isMdm
		)
	)) as EmLevelItem;
	const radio = page
		.getByRole('radiogroup', { name: /^problems/i })
		.getByRole('radio')
		.first();
	await expect(radio).toBeEnabled();
	// Tab from the top of the page to the grid, as a keyboard user would.
	for (let i = 0; i < 40 && !(await radio.evaluate((r) => r === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(radio).toBeFocused();
	await answerEmLevel(page, first);
	await expect(page.getByTestId('save-state')).toHaveText('All answers saved');
	await shot(page, `${SHOTS}/exam-answered-1280.png`, true);

	await page.keyboard.press('r');
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByTestId('confirm-submit').click();
	await expect(page.getByTestId('item-review')).toHaveCount(3);
	const review = page
		.getByTestId('item-review')
		.filter({ has: page.locator(`[data-item-id="${first.id}"]`) });
	await expect(review.or(page.getByTestId('item-review').first())).toBeVisible();
	await noViolations(page, 'exam report with an E/M item');
	await shot(page, `${SHOTS}/exam-report.png`, true);

	const stored = await attemptsOf(page, first.id);
	expect(stored.map((a) => [a.mode, a.response])).toEqual([['exam', expected(first)]]);
});

test('the drill: a due E/M card answered with the keyboard alone', async ({ page }) => {
	const entries = (await index(page.request)).entries;
	const entry = entries.find((e) => e.type === 'em-level')!;
	const item = (await itemById(page.request, entry.id)) as EmLevelItem;
	await open(page, '/drill');
	const now = await page.evaluate(() => Date.now());
	// One review card due now and no new cards: the drill serves this item first.
	await page.evaluate(
		async ({ card }) => {
			const req = indexedDB.open('codedrill');
			await new Promise((r) => (req.onsuccess = r));
			const db = req.result;
			const tx = db.transaction(['cards', 'settings'], 'readwrite');
			tx.objectStore('cards').put(card);
			tx.objectStore('settings').put({ key: 'srs', value: { newPerDay: 0 } });
			tx.objectStore('settings').delete('drill-session');
			await new Promise((r) => (tx.oncomplete = r));
			db.close();
		},
		{
			card: {
				itemId: item.id,
				bankId: item.bankId,
				section: item.section,
				due: now - 3_600_000,
				stability: 3,
				difficulty: 5,
				elapsedDays: 3,
				scheduledDays: 3,
				learningSteps: 0,
				reps: 2,
				lapses: 0,
				state: 2,
				lastReview: now - 3 * 86_400_000
			}
		}
	);
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', item.id);
	await answerEmLevel(page, item);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('rating')).toBeVisible();
	const stored = await attemptsOf(page, item.id);
	expect(stored.map((a) => [a.mode, a.response])).toEqual([['drill', expected(item)]]);
});
