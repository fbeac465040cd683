/**
 * Payment-posting items in Chromium, answered with the keyboard alone in practice, a custom mock
 * exam and the drill: each attempt is stored as `{ posting: { fieldId: typed text } }`. axe runs
 * on the answer screen before and after grading and on the exam report; screenshots of the EOB
 * (desktop, phone, print) go to test-results/screenshots/.
 */
import { expect, test } from '@playwright/test';
import type { Bank, Item } from '../../src/lib/content/types';
import { fieldLabel } from '../../src/lib/items/payment-posting/ledger';
import { formatMoney } from '../../src/lib/items/money';
import type { PaymentPostingItem } from '../../src/lib/items/payment-posting/types';
import { AXE_TEST_TIMEOUT, noViolations, shot } from './axe';
import { index, itemById } from './bank-data';
import { keyTyping, typePosting } from './billing-keys';
import { startBillingExam } from './billing-exam';
import { attemptsOf, open } from './fixtures';
import { bank, practiceAt } from './practice-at';

type Posting = PaymentPostingItem;
const isPosting = (i: Item): i is Posting => i.type === 'payment-posting';
const SECTION = 'reimbursement';

/** The stored response must be exactly the shared shape: one key, `posting`, of typed strings. */
function expectPostingShape(response: unknown, typed: Record<string, string>) {
	expect(response).toEqual({ posting: typed });
}

test('practice: post an EOB with the keyboard, see each amount against the key', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const b: Bank = await bank(page.request, 'billing');
	// A claim with a secondary payer and money already collected shows every part of the screen.
	const item = (await practiceAt(
		page,
		b,
		SECTION,
		(i) => isPosting(i) && !!i.secondary && i.post.length >= 3
	)) as Posting;
	await expect(
		page.getByRole('table', { name: /Explanation of benefits|remittance/ })
	).toBeVisible();
	const first = item.post[0]!;
	await expect(page.getByLabel(fieldLabel(first), { exact: true })).toBeFocused();
	await noViolations(page, 'posting in practice', { include: 'main', shot: 'posting-practice' });

	// Every amount right but the last, which is a cent off.
	const typed = keyTyping(item);
	const last = item.post[item.post.length - 1]!;
	typed[last.id] = formatMoney((item.key[last.id] ?? 0) + 1).replace('$', '');
	await typePosting(page, item, typed);
	await page.keyboard.press('Enter');

	const n = item.post.length;
	await expect(
		page.getByRole('status').filter({ hasText: `${n - 1} of ${n} amounts right` })
	).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	const results = page.getByTestId('posting-results');
	await expect(
		results.getByRole('heading', { name: 'Your posting against the key' })
	).toBeVisible();
	await expect(results.locator('li.ok')).toHaveCount(n - 1);
	await expect(results.locator(`li[data-field="${last.id}"]`)).toContainText('✗ Wrong');
	await noViolations(page, 'posting graded', { include: 'main', shot: 'posting-graded' });

	const stored = await attemptsOf(page, item.id);
	expect(stored).toHaveLength(1);
	expect(stored[0]!.mode).toBe('practice');
	expect(stored[0]!.score).toBeCloseTo((n - 1) / n);
	expectPostingShape(stored[0]!.response, typed);

	// The EOB and the graded amounts on a phone, and as printed on a letter page (8.5 in at 96 dpi).
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'test-results/screenshots/posting-phone.png', true);
	const eob = page.getByRole('table', { name: /Explanation of benefits|remittance/ });
	await shot(eob, 'test-results/screenshots/posting-phone-eob.png');
	await shot(results, 'test-results/screenshots/posting-phone-results.png');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 816, height: 1056 });
	await page.emulateMedia({ media: 'print' });
	await shot(page, 'test-results/screenshots/posting-print.png', true);
	const card = page.locator('article[data-item-id]');
	expect(await eob.evaluate((t) => t.getBoundingClientRect().right)).toBeLessThanOrEqual(
		await card.evaluate((c) => c.getBoundingClientRect().right)
	);
	await page.emulateMedia({ media: null });
});

test('mock exam: answer a posting item with the keyboard, submit, and review it', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const firstId = await startBillingExam(
		page,
		{ section: SECTION, title: 'Reimbursement methodologies', items: 3, minutes: 30 },
		(e) => e.type === 'payment-posting'
	);
	const item = (await itemById(page.request, firstId)) as Posting;
	const firstField = page.getByLabel(fieldLabel(item.post[0]!), { exact: true });
	// Answers are taken once this tab holds the exam (a Web Lock, granted a moment after load).
	await expect(firstField).toBeEnabled();

	// From the question's heading, Tab reaches the first amount (links in the note come first).
	await page.getByRole('heading', { name: 'Question 1 of 3' }).focus();
	for (let i = 0; i < 15 && !(await firstField.evaluate((e) => e === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	const typed = keyTyping(item);
	await typePosting(page, item, typed);
	await expect(page.getByTestId('save-state')).toHaveText('All answers saved');
	await noViolations(page, 'posting in an exam', { include: 'main', shot: 'posting-exam' });

	// Out of the fields, R opens the review screen; then submit.
	await page.getByRole('heading', { name: 'Question 1 of 3' }).focus();
	await page.keyboard.press('r');
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByTestId('confirm-submit').click();
	// The report lists the questions in exam order: the posting item is the first.
	const review = page.getByTestId('item-review').first();
	await expect(review.locator('[data-field]')).toHaveCount(item.post.length);
	await expect(review.locator('li.ok')).toHaveCount(item.post.length);
	await noViolations(page, 'posting in the exam report', {
		include: 'main',
		shot: 'posting-report'
	});

	const stored = await attemptsOf(page, item.id);
	expect(stored).toHaveLength(1);
	expect(stored[0]!.mode).toBe('exam');
	expect(stored[0]!.correct).toBe(true);
	expectPostingShape(stored[0]!.response, typed);
});

test('drill: a due posting card is answered with the keyboard and stored', async ({ page }) => {
	const entry = (await index(page.request)).entries.find(
		(e) => e.type === 'payment-posting' && e.section === SECTION
	)!;
	const item = (await itemById(page.request, entry.id)) as Posting;
	await open(page, '/drill');
	await expect(page.locator('article[data-item-id]')).toBeVisible();
	// The posting card is due for review today (reviews come before new cards); today's queue is
	// rebuilt on the reload.
	await page.evaluate(
		async ({ id, bankId, section }) => {
			const now = Date.now();
			const day = 86_400_000;
			const req = indexedDB.open('codedrill');
			await new Promise((r) => (req.onsuccess = r));
			const db = req.result;
			const tx = db.transaction(['cards', 'settings'], 'readwrite');
			tx.objectStore('cards').put({
				itemId: id,
				bankId,
				section,
				due: now - day,
				stability: 3,
				difficulty: 5,
				elapsedDays: 3,
				scheduledDays: 3,
				learningSteps: 0,
				reps: 1,
				lapses: 0,
				state: 2,
				lastReview: now - 4 * day
			});
			tx.objectStore('settings').delete('drill-session');
			await new Promise((r) => (tx.oncomplete = r));
			db.close();
		},
		{ id: item.id, bankId: item.bankId, section: item.section }
	);
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', item.id);

	const typed = keyTyping(item);
	await typePosting(page, item, typed);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('rating')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'amounts posted right' })).toBeVisible();

	await expect.poll(async () => (await attemptsOf(page, item.id)).length).toBe(1);
	const [stored] = await attemptsOf(page, item.id);
	expect(stored!.mode).toBe('drill');
	expect(stored!.correct).toBe(true);
	expectPostingShape(stored!.response, typed);
});
