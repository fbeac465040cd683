/**
 * Answer fields: a record case part shows the fields its key uses, typed codes are checked as the
 * learner types (the same reading as the code book and the grader), and on a phone the code
 * comparison fits and the keyboard hints are gone.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { noViolations } from './axe';
import { CODE_BOOK_TEST_TIMEOUT, CODE_BOOK_WAIT } from './fixtures';
import { bank, practiceAt } from './practice-at';

const LISTS = { icd10cm: 'dx', procedures: 'px', icd10pcs: 'pcs' } as const;

test('a record case part shows only the code fields its key uses', async ({ page, request }) => {
	const cpc = await bank(request, 'cpc');
	// A case with a part that has no diagnoses or no procedures.
	const item = await practiceAt(
		page,
		cpc,
		'integumentary',
		(i) =>
			i.type === 'case' &&
			i.parts.some((p) => !p.answer.icd10cm.length || !p.answer.procedures.length)
	);
	if (item.type !== 'case') throw new Error('not a case');
	const card = page.locator('article[data-item-id]');
	for (const [i, part] of item.parts.entries()) {
		for (const [list, suffix] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
			await expect(card.locator(`[id="${item.id}-${i}-${suffix}"]`)).toHaveCount(
				part.answer[list].length ? 1 : 0
			);
		}
	}
	// Every field the key needs is there: the full key typed in earns full credit.
	for (const [i, part] of item.parts.entries()) {
		for (const [list, suffix] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
			if (part.answer[list].length)
				await card.locator(`[id="${item.id}-${i}-${suffix}"]`).fill(part.answer[list].join(', '));
		}
	}
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').first()).toContainText('Correct: every code matches');
});

const dx = (page: Page) => page.getByLabel('Diagnosis codes (ICD-10-CM)').first();

async function codeEntryItem(page: Page, request: APIRequestContext) {
	const diagnosis = await bank(request, 'diagnosis');
	const item = await practiceAt(
		page,
		diagnosis,
		'icd10cm',
		(i) => i.type === 'code-entry' && i.answer.icd10cm.length > 0
	);
	await expect(dx(page)).toBeFocused();
	return { field: dx(page), mark: page.locator(`[id="${item.id}-0-dx-check"]`), id: item.id };
}

test('typed codes are checked for form as the learner types, and graded as the code book reads them', async ({
	page,
	request
}) => {
	const { field, mark, id } = await codeEntryItem(page, request);
	// Without the code book only the form is checked; the mark is text tied to the field.
	await page.keyboard.type('e11 22, 22');
	await expect(mark).toHaveText(/22 is not an ICD-10-CM code/);
	await expect(mark).not.toContainText('E11');
	await expect(field).toHaveAttribute('aria-describedby', new RegExp(`${id}-0-dx-check`));
	await expect(field).toHaveAttribute('aria-invalid', 'true');

	// `e11 22` is E11.22 for the check and for the grader.
	await field.fill('e11 22');
	await expect(mark).toBeEmpty();
	await expect(field).not.toHaveAttribute('aria-invalid', 'true');
	await page.keyboard.press('Enter');
	const table = page.getByRole('table', { name: 'Your codes compared with the key' });
	const given = await table.locator('tbody td:nth-child(3)').allInnerTexts();
	expect(given).toContain('E11.22');
	expect(given).not.toContain('22');
});

test('a marked code field has no axe violations', async ({ page, request }) => {
	const { mark } = await codeEntryItem(page, request);
	await page.keyboard.type('22');
	await expect(mark).toHaveText(/22 is not an ICD-10-CM code/);
	// On the item card, where the new state is (the whole page is covered by a11y.spec).
	await noViolations(page, 'a code field with its check', { include: 'article[data-item-id]' });
});

test('once the code book is loaded, a heading or an unknown code is marked before submitting', async ({
	page,
	request
}) => {
	test.setTimeout(CODE_BOOK_TEST_TIMEOUT);
	const { field, mark } = await codeEntryItem(page, request);
	// The open-book panel loads the code book.
	await page.getByText('Open the code book').click();
	await page.getByRole('combobox', { name: 'Look up a code' }).fill('E11');
	await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible({
		timeout: CODE_BOOK_WAIT
	});
	await field.fill('e11 22, E11, N18.3, e1199');
	await expect(mark).toContainText(
		'E11 is a category heading: a billable code needs more characters.'
	);
	await expect(mark).toContainText('N18.3 is a subcategory heading');
	await expect(mark).toContainText('E11.99 is not an ICD-10-CM code.');
	// `e11 22` is E11.22, a billable code: nothing is said about it, and nothing gives the key away.
	await expect(mark).not.toContainText('E11.22');
	await expect(page.getByRole('button', { name: /Check answer/ })).toBeEnabled();
});
