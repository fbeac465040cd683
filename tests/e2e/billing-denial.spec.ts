/**
 * The denial kind, answered with the keyboard alone in practice, a custom mock exam and the
 * drill; each attempt is read back from IndexedDB in the shared response shape
 * `{ denial: { cause, action } }`. axe checks the answer screen before and after grading and the
 * exam report's review; screenshots at 1280x800 and on a phone, and the print layout.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Item } from '../../src/lib/content/types';
import { ACTION_KEYS } from '../../src/lib/items/denial/labels';
import { CAUSES, type DenialItem } from '../../src/lib/items/denial/types';
import { AXE_TEST_TIMEOUT, noViolations, shot } from './axe';
import { itemById } from './bank-data';
import { answerDenial } from './billing-keys';
import { startBillingExam } from './billing-exam';
import { attemptsOf, open } from './fixtures';
import { bank, practiceAt } from './practice-at';

/** What the tests compare: each stored attempt's mode and response. */
const modesAndResponses = async (page: Page, id: string) =>
	(await attemptsOf(page, id)).map(({ mode, response }) => ({ mode, response }));

const isDenial = (i: Item) => (i as { type: string }).type === 'denial';

test('practice: a denial answered with the keyboard, graded, stored as { denial }', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await page.setViewportSize({ width: 1280, height: 800 });
	const b = await bank(page.request, 'billing');
	const item = (await practiceAt(page, b, 'denials', isDenial)) as unknown as DenialItem;
	const cause = page.getByRole('group', { name: 'Root cause' });
	const action = page.getByRole('group', { name: 'Corrective action' });
	// The first root cause has focus; arrows move through the native radio group.
	await expect(cause.getByRole('radio').first()).toBeFocused();
	await noViolations(page, 'denial in practice', { shot: 'denial-practice', fullPage: false });
	// The cause with arrows and Space, the action with Tab and arrows.
	await page.keyboard.press('Space');
	for (let i = 0; i < CAUSES.indexOf(item.cause); i++) await page.keyboard.press('ArrowDown');
	await expect(cause.getByRole('radio', { checked: true })).toHaveCount(1);
	await page.keyboard.press('Tab');
	await expect(action.getByRole('radio').first()).toBeFocused();
	// Then the letter for the key's action (outside a text field, the kind's map).
	await page.keyboard.press(ACTION_KEYS[item.action].toLowerCase());
	await expect(action.getByRole('radio', { checked: true })).toHaveCount(1);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(page.getByText(/Correct: right root cause and right action/)).toBeVisible();
	await noViolations(page, 'denial graded in practice', { shot: 'denial-practice-graded' });
	const stored = await modesAndResponses(page, item.id);
	expect(stored).toEqual([
		{ mode: 'practice', response: { denial: { cause: item.cause, action: item.action } } }
	]);

	// The same screen on a phone, and as printed.
	await page.setViewportSize({ width: 390, height: 844 });
	await shot(page, 'test-results/screenshots/denial-phone.png', true);
	await shot(
		page.getByRole('heading', { name: 'Remittance advice' }).locator('..'),
		'test-results/screenshots/denial-phone-remit.png'
	);
	await page.setViewportSize({ width: 800, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	await shot(page, 'test-results/screenshots/denial-print.png', true);
	await page.emulateMedia({ media: null });
});

test('mock exam: a denial answered with the keyboard, stored, then reviewed in the report', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const id = await startBillingExam(
		page,
		{ section: 'denials', title: 'Denials, appeals and collections', items: 3, minutes: 10 },
		(e) => e.type === 'denial'
	);
	await expect(page.getByRole('radio').first()).toBeEnabled();
	const item = (await itemById(page.request, id)) as unknown as DenialItem;
	expect(item.type).toBe('denial');
	await answerDenial(page, item);
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(2);
	await expect(page.getByTestId('save-state')).toHaveText('All answers saved');
	expect(await modesAndResponses(page, id)).toEqual([]);
	const exam = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('codedrill');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const rows = await new Promise<{ answers: Record<string, unknown> }[]>((resolve) => {
			const req = db.transaction('exams').objectStore('exams').getAll();
			req.onsuccess = () => resolve(req.result);
		});
		db.close();
		return rows[0];
	});
	expect(exam?.answers[id]).toEqual({ denial: { cause: item.cause, action: item.action } });

	await page.keyboard.press('r');
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByTestId('confirm-submit').click();
	await expect(page.getByTestId('item-review')).toHaveCount(3);
	const review = page.locator(`[data-testid="item-review"]:has([name="denial-cause-${id}"])`);
	await expect(review.getByRole('group', { name: 'Root cause' })).toBeVisible();
	await noViolations(page, 'exam report with a denial', {
		include: '[data-testid="item-review"]',
		shot: 'denial-review'
	});
	const stored = await modesAndResponses(page, id);
	expect(stored).toContainEqual({
		mode: 'exam',
		response: { denial: { cause: item.cause, action: item.action } }
	});
});

test('drill: a due denial card answered with the keyboard, stored as { denial }', async ({
	page
}) => {
	const id = 'bil-denial-0010';
	const item = (await itemById(page.request, id)) as unknown as DenialItem;
	await open(page, '/');
	await expect
		.poll(() =>
			page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'codedrill'))
		)
		.toBe(true);
	// One review card due yesterday: due cards come before new ones.
	await page.evaluate(async (itemId) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('codedrill');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const day = 86_400_000;
		const now = Date.now();
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(['cards', 'settings'], 'readwrite');
			tx.objectStore('cards').put({
				itemId,
				bankId: 'billing',
				section: 'denials',
				due: now - day,
				stability: 4,
				difficulty: 5,
				elapsedDays: 0,
				scheduledDays: 4,
				learningSteps: 0,
				reps: 1,
				lapses: 0,
				state: 2,
				lastReview: now - 5 * day
			});
			tx.objectStore('settings').delete('drill-session');
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, id);
	await open(page, '/drill');
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', id);
	await expect(
		page.getByRole('group', { name: 'Root cause' }).getByRole('radio').first()
	).toBeEnabled();
	await answerDenial(page, item);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('rating')).toBeVisible();
	await expect
		.poll(() => modesAndResponses(page, id))
		.toEqual([{ mode: 'drill', response: { denial: { cause: item.cause, action: item.action } } }]);
});
