/** Starting a custom mock exam on one billing section with a chosen kind of item first. */
import { expect, type Page } from '@playwright/test';
import { assemble } from '../../src/lib/exam/assemble';
import { customPreset } from '../../src/lib/exam/presets';
import { index } from './bank-data';
import { fixSeed, open } from './fixtures';

export interface BillingExam {
	/** The section id in the billing bank, and its title on the custom-exam form. */
	section: string;
	title: string;
	items: number;
	minutes: number;
}

/**
 * Finds the first seed whose draw of `exam` starts with an item `wanted` accepts (the app's own
 * picker, run here), pins the app to that seed, starts the exam from the custom-exam form and
 * waits for question 1. Returns the first item's id.
 */
export async function startBillingExam(
	page: Page,
	exam: BillingExam,
	wanted: (entry: { id: string; type: string }) => boolean | Promise<boolean>
): Promise<string> {
	const preset = customPreset({
		bankId: 'billing',
		sections: [{ id: exam.section, title: exam.title }],
		items: exam.items,
		minutes: exam.minutes
	});
	const entries = (await index(page.request)).entries;
	let seed = 1;
	let first: string | undefined;
	for (; seed < 5000 && !first; seed++) {
		const entry = entries.find((e) => e.id === assemble(preset, entries, seed).itemIds[0]);
		if (entry && (await wanted(entry))) first = entry.id;
	}
	if (!first) throw new Error(`no seed draws a wanted item first in billing/${exam.section}`);
	await fixSeed(page, seed - 1);
	await open(page, '/exam');
	const form = page.getByRole('form', { name: 'Custom exam' });
	await form
		.getByLabel('Bank')
		.selectOption({ label: 'Billing, reimbursement and compliance (CPB, CBCS)' });
	await form.getByRole('checkbox', { name: exam.title }).check();
	await form.getByLabel('Items').fill(String(exam.items));
	await form.getByLabel('Minutes').fill(String(exam.minutes));
	await form.getByRole('button', { name: 'Start custom exam' }).click();
	await expect(page.getByRole('heading', { name: `Question 1 of ${exam.items}` })).toBeVisible();
	await expect(page.locator('article[data-item-id]')).toHaveAttribute('data-item-id', first);
	return first;
}
