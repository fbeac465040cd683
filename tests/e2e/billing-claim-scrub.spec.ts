/**
 * The claim-scrub kind in Chromium: a claim is scrubbed with the keyboard alone (Tab to a field,
 * Space marks it, arrows pick the fix) in practice, a custom mock exam and the drill, and each
 * attempt is stored in the shared response shape `{ scrub: { marks } }`. axe reads the claim
 * before and after grading and in the exam report; screenshots of the form at 1280x800, on a
 * phone and in print go to /tmp/shots-scrub/ and test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Item } from '../../src/lib/content/types';
import type { ClaimScrubItem } from '../../src/lib/items/claim-scrub/types';
import { buildQueue, type DrillItem } from '../../src/lib/srs/queue';
import { dayStartsAt } from '../../src/lib/srs/day';
import { AXE_TEST_TIMEOUT, noViolations, shot } from './axe';
import { allItems, bank, index } from './bank-data';
import { scrubWithKeyboard } from './billing-keys';
import { startBillingExam } from './billing-exam';
import { attemptsOf, open } from './fixtures';
import { practiceAt } from './practice-at';

// Learner days and the drill's draw are worked out here in UTC, as the browser sees them.
test.use({ timezoneId: 'UTC' });

const SHOTS = '/tmp/shots-scrub';
const isScrub = (i: Item): i is ClaimScrubItem => i.type === 'claim-scrub';

/** The response every mode stores: the key's fixes on the planted fields, nothing else. */
function keyResponse(item: ClaimScrubItem) {
	return { scrub: { marks: Object.fromEntries(item.errors.map((e) => [e.field, e.fix])) } };
}

async function shoot(page: Page, name: string) {
	mkdirSync(SHOTS, { recursive: true });
	await shot(page, `${SHOTS}/${name}.png`, true);
}

test('practice: a claim scrubbed with the keyboard, checked, stored, with no axe violations', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const billing = await bank(page.request, 'billing');
	const item = (await practiceAt(page, billing, 'billing', isScrub)) as ClaimScrubItem;
	await expect(page.getByTestId('claim-scrub')).toBeVisible();
	await noViolations(page, 'claim scrub', { include: 'main', shot: 'claim-scrub-practice' });
	await scrubWithKeyboard(page, item);
	await shoot(page, 'practice-marked-1280');
	await expect(page.getByRole('button', { name: /Check answer/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Claim errors' })).toContainText('Found, right fix');
	const rows = await attemptsOf(page, item.id);
	expect(rows).toHaveLength(1);
	expect(rows[0]).toMatchObject({ mode: 'practice', correct: true, response: keyResponse(item) });
	await noViolations(page, 'claim scrub graded', { include: 'main', shot: 'claim-scrub-graded' });
	await shoot(page, 'practice-graded-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await shoot(page, 'practice-graded-390');
	// A letter page is about 800 CSS pixels wide.
	await page.setViewportSize({ width: 800, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	await shoot(page, 'practice-graded-print');
});

test('the item page shows a UB-04 claim with its key, legible on a phone and in print', async ({
	page
}) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	const ub = [...(await allItems(page.request)).values()].find(
		(i): i is ClaimScrubItem => isScrub(i) && i.form === 'ub04'
	)!;
	await page.setViewportSize({ width: 1280, height: 800 });
	await open(page, `/item?id=${ub.id}`);
	const claim = page.getByTestId('claim-scrub');
	await expect(claim.getByRole('group', { name: 'UB-04 claim form' })).toBeVisible();
	// The key alone: each planted error is named, with no found or missed beside it.
	await expect(claim.getByRole('group', { name: 'Claim errors' })).not.toContainText('Missed');
	for (const e of ub.errors)
		await expect(claim.locator(`button[data-field="${e.field}"]`)).toHaveAccessibleName(
			/\(error here\)$/
		);
	await noViolations(page, 'UB-04 item page', { shot: 'claim-scrub-ub04-item' });
	await shoot(page, 'ub04-item-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await shoot(page, 'ub04-item-390');
	await page.setViewportSize({ width: 800, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	await shoot(page, 'ub04-item-print');
});

test('mock exam: a claim answered with the keyboard is stored at submit and reviewed', async ({
	page
}) => {
	// The seed search, a custom exam, its report and two axe runs: about 19 s alone.
	test.setTimeout(AXE_TEST_TIMEOUT);
	const id = await startBillingExam(
		page,
		{ section: 'billing', title: 'Claims and claim forms', items: 2, minutes: 10 },
		(e) => e.type === 'claim-scrub'
	);
	const item = (await allItems(page.request)).get(id) as ClaimScrubItem;
	expect(item.type).toBe('claim-scrub');
	await expect(page.locator('button[data-field]').first()).toBeEnabled();
	await scrubWithKeyboard(page, item);
	await expect(page.getByTestId('save-state')).toHaveText('All answers saved');
	await page.keyboard.press('r');
	await page.getByRole('button', { name: 'Submit exam…' }).click();
	await page.getByTestId('confirm-submit').click();
	await expect(page.getByTestId('item-review')).toHaveCount(2);
	const rows = await attemptsOf(page, item.id);
	expect(rows).toHaveLength(1);
	expect(rows[0]).toMatchObject({ mode: 'exam', correct: true, response: keyResponse(item) });
	const review = page.getByTestId('item-review').first();
	await expect(review.getByRole('group', { name: 'Claim errors' })).toContainText(
		'Found, right fix'
	);
	await noViolations(page, 'claim scrub in the report', { shot: 'claim-scrub-report' });
});

test('drill: a claim card answered with the keyboard and stored', async ({ page }) => {
	// About 10 s alone; the default 30 s is too close to twice that on a loaded machine.
	test.setTimeout(60_000);
	// The drill's first new card of a day, worked out with the app's own queue from the served
	// index: the first day (4 am UTC start) whose draw leads with a claim-scrub item.
	const entries = (await index(page.request)).entries;
	const items: DrillItem[] = entries.map((i) => ({
		itemId: i.id,
		bankId: i.bankId,
		section: i.section,
		type: i.type,
		exams: i.exams
	}));
	const first = 20_800;
	let day = first;
	const leads = (d: number) => {
		const start = dayStartsAt(d, 4, 0);
		const q = buildQueue({
			items,
			candidates: [],
			known: new Set(),
			now: start + 5 * 3600_000,
			dayEnd: start + 24 * 3600_000,
			newToday: 0,
			newPerDay: 15,
			targetExam: 'CPC',
			weakness: new Map(),
			seed: d,
			// Only reviews need it, and there are none.
			fsrs: undefined as never
		});
		return entries.find((e) => e.id === q.order[0])?.type === 'claim-scrub';
	};
	while (day < first + 20_000 && !leads(day)) day++;
	await page.clock.setFixedTime(dayStartsAt(day, 4, 0) + 5 * 3600_000);
	await open(page, '/drill');
	const card = page.locator('article[data-item-id]');
	await expect(card).toBeVisible();
	const id = (await card.getAttribute('data-item-id')) ?? '';
	const item = (await allItems(page.request)).get(id) as ClaimScrubItem;
	expect(item.type).toBe('claim-scrub');
	await expect(page.locator('button[data-field]').first()).toBeFocused();
	await scrubWithKeyboard(page, item);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('rating')).toBeVisible();
	const rows = await attemptsOf(page, item.id);
	expect(rows).toHaveLength(1);
	expect(rows[0]).toMatchObject({ mode: 'drill', correct: true, response: keyResponse(item) });
});
