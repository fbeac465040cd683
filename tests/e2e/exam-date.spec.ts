import { expect, test, type Page } from '@playwright/test';
import { learnerDay } from '../../src/lib/srs/day';
import { dateOfDay, examPlan } from '../../src/lib/srs/plan';
import { DEFAULT_SRS } from '../../src/lib/srs/settings';
import { AXE_TEST_TIMEOUT, noViolations } from './axe';
import { index } from './bank-data';
import { open } from './fixtures';

/** The drill's count of new cards left today. */
const newCount = (page: Page) =>
	page.getByTestId('drill-counts').locator('[data-pile="new"] strong');

/** Today as the app counts it (the browser runs in this machine's zone, like the test). */
function today(): number {
	const now = Date.now();
	return learnerDay(now, DEFAULT_SRS.dayStartHour, new Date(now).getTimezoneOffset());
}

/** Types a date into the exam date field and saves, with the keyboard only. */
async function saveExamDate(page: Page, date: string): Promise<void> {
	// The stored settings arrive after the page: typing before them would be overwritten.
	await expect(
		page.locator('form[aria-busy="false"]').getByLabel('Exam date', { exact: true })
	).toBeVisible();
	const field = page.getByLabel('Exam date', { exact: true });
	await field.fill(date);
	await page.getByRole('button', { name: 'Save drill settings' }).focus();
	await page.keyboard.press('Enter');
}

test('an exam date sets the drill’s new cards for the day, from the plan', async ({ page }) => {
	test.setTimeout(AXE_TEST_TIMEOUT);
	await open(page, '/drill');
	const before = Number(await newCount(page).innerText());
	expect(before).toBe(DEFAULT_SRS.newPerDay);

	// 27 days ahead: the plan spreads the target exam's items over the 20 days before the 7
	// review-only days, which is more a day than the everyday setting.
	const day = today() + 27;
	const pool = (await index(page.request)).entries.filter((e) =>
		e.exams.includes(DEFAULT_SRS.targetExam)
	);
	const plan = examPlan({
		examDay: day,
		today: today(),
		unseen: pool.length,
		settings: DEFAULT_SRS
	})!;
	expect(plan.newPerDay).not.toBe(before);

	await open(page, '/settings');
	await saveExamDate(page, dateOfDay(day));
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(page.getByTestId('exam-plan-sentence')).toContainText(
		`At ${plan.newPerDay} new a day`
	);
	await noViolations(page, 'settings with an exam date', {
		include: 'section[aria-labelledby="drill-heading"]'
	});

	await open(page, '/drill');
	await expect(newCount(page)).toHaveText(String(plan.newPerDay));

	// Clearing the date puts the drill back to the everyday count.
	await open(page, '/settings');
	await page.getByRole('button', { name: 'Clear date' }).click();
	await expect(page.getByLabel('Exam date', { exact: true })).toBeFocused();
	await page.getByRole('button', { name: 'Save drill settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await open(page, '/drill');
	await expect(newCount(page)).toHaveText(String(before));
});

test('a past exam date is not saved, and says why', async ({ page }) => {
	await open(page, '/settings');
	await saveExamDate(page, dateOfDay(today() - 1));
	const field = page.getByLabel('Exam date', { exact: true });
	await expect(field).toBeFocused();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('That date has passed')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
});
