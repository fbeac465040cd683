/**
 * Answering the billing kinds with the keyboard alone, shared by their own specs and by the
 * helpers that answer whatever item a practice run or the drill happens to show (the drill's
 * draw changes with the date, so any spec may meet any kind).
 */
import { expect, type Page } from '@playwright/test';
import type { Item } from '../../src/lib/content/types';
import { itemById } from './bank-data';
import { claimFields, FIXES } from '../../src/lib/items/claim-scrub/fields';
import type { ClaimScrubItem } from '../../src/lib/items/claim-scrub/types';
import { ACTION_KEYS } from '../../src/lib/items/denial/labels';
import { CAUSES, type DenialItem } from '../../src/lib/items/denial/types';
import { codesOf, ELEMENTS, RATINGS } from '../../src/lib/items/em-level/levels';
import type { EmLevelItem } from '../../src/lib/items/em-level/types';
import { fieldLabel } from '../../src/lib/items/payment-posting/ledger';
import { formatMoney } from '../../src/lib/items/money';
import type { PaymentPostingItem } from '../../src/lib/items/payment-posting/types';

export const BILLING_KINDS = ['em-level', 'claim-scrub', 'denial', 'payment-posting'] as const;
export type BillingKind = (typeof BILLING_KINDS)[number];

export function isBillingKind(type: string): type is BillingKind {
	return (BILLING_KINDS as readonly string[]).includes(type);
}

/**
 * Fills the grid and the level with the keyboard: focus starts on the grid's first radio; Space
 * picks the first step, arrows move along a row (and pick), Tab goes to the next row and then
 * to the levels; a digit picks the level. `off` rates one element a step away from the key.
 */
export async function answerEmLevel(
	page: Page,
	item: EmLevelItem,
	off?: (typeof ELEMENTS)[number]
) {
	if (item.method === 'mdm' && item.grid) {
		for (const [n, element] of ELEMENTS.entries()) {
			if (n > 0) await page.keyboard.press('Tab');
			const group = page.getByRole('radiogroup', { name: new RegExp(`^${element}`, 'i') });
			await expect(group.getByRole('radio').first()).toBeFocused();
			let step = RATINGS.indexOf(item.grid[element]);
			if (element === off) step = step === 0 ? 1 : step - 1;
			if (step === 0) await page.keyboard.press('Space');
			for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
			await expect(group.getByRole('radio', { checked: true })).toHaveValue(RATINGS[step]!);
		}
	}
	const levels = page.getByRole('radiogroup', { name: 'Level (code)' });
	await page.keyboard.press(String(codesOf(item.setting).indexOf(item.level) + 1));
	await expect(levels.getByRole('radio', { checked: true })).toHaveValue(item.level);
}

/** Picks the key's cause (1-8) and action (its letter) with the kind's keys. */
export async function answerDenial(page: Page, item: DenialItem) {
	await page.keyboard.press(String(CAUSES.indexOf(item.cause) + 1));
	await page.keyboard.press(ACTION_KEYS[item.action].toLowerCase());
}

/** What the learner types for each field: the key written as a biller would ("1,250.00"). */
export function keyTyping(item: PaymentPostingItem): Record<string, string> {
	return Object.fromEntries(
		item.post.map((f) => [f.id, formatMoney(item.key[f.id] ?? 0).replace('$', '')])
	);
}

/**
 * Types the amounts with the keyboard, field after field (Tab between), starting in the field
 * that has focus, and checks each field is the one its label names.
 */
export async function typePosting(
	page: Page,
	item: PaymentPostingItem,
	typed: Record<string, string>
) {
	for (const [n, f] of item.post.entries()) {
		if (n > 0) await page.keyboard.press('Tab');
		await expect(page.getByLabel(fieldLabel(f), { exact: true })).toBeFocused();
		await page.keyboard.type(typed[f.id] ?? '');
	}
}

/** What the focused element is, in the claim's terms. */
async function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		const input = el instanceof HTMLInputElement ? el : null;
		return {
			field: el?.getAttribute('data-field') ?? undefined,
			pressed: el?.getAttribute('aria-pressed') === 'true',
			radio: input?.type === 'radio' ? input.name : undefined,
			inClaim: !!el?.closest('[data-testid="claim-scrub"]')
		};
	});
}

/**
 * Scrubs the claim on screen with the keyboard: Tab into it (or start on its focused field), Space on each field that holds a
 * planted error, and in each fix group that appears, the arrows (or Space on the first) to pick
 * the key's fix. Ends with focus on the first thing after the claim.
 */
export async function scrubWithKeyboard(page: Page, item: ClaimScrubItem): Promise<void> {
	const want = new Map(item.errors.map((e) => [e.field, e.fix]));
	const kinds = new Map(claimFields(item.form, item.claim).map((f) => [f.id, f.kind]));
	let entered = false;
	for (let i = 0; i < 300; i++) {
		const f = await focused(page);
		if (!f.inClaim) {
			if (entered) return;
			await page.keyboard.press('Tab');
			continue;
		}
		entered = true;
		if (f.field && want.has(f.field) && !f.pressed) {
			await page.keyboard.press('Space');
			await expect(page.locator(`button[data-field="${f.field}"]`)).toHaveAttribute(
				'aria-pressed',
				'true'
			);
		} else if (f.radio) {
			const field = f.radio.slice(`fix-${item.id}-`.length);
			const fixes = FIXES[kinds.get(field)!];
			const at = fixes.findIndex((x) => x.id === want.get(field));
			if (at === 0) await page.keyboard.press('Space');
			for (let n = 0; n < at; n++) await page.keyboard.press('ArrowDown');
			await expect(page.locator(`input[name="${f.radio}"]:checked`)).toHaveValue(want.get(field)!);
		}
		await page.keyboard.press('Tab');
	}
	throw new Error('never left the claim');
}

/**
 * Answers the billing item on screen with the keyboard and presses Enter to check it: from its
 * key when `right`, otherwise with an answer that misses (a wrong level, cause or amount, or a
 * claim with only one of its errors marked). The item is read from the card on screen unless given.
 */
export async function answerBillingItem(page: Page, right: boolean, known?: Item): Promise<void> {
	const id = (await page.locator('article[data-item-id]').getAttribute('data-item-id')) ?? '';
	const item = known ?? (await itemById(page.request, id));
	switch (item.type) {
		case 'em-level': {
			const em = item as EmLevelItem;
			if (right) await answerEmLevel(page, em);
			else {
				const codes = codesOf(em.setting);
				const wrong = codes.findIndex((c) => c !== em.level);
				await page.keyboard.press(String(wrong + 1));
			}
			break;
		}
		case 'denial': {
			const d = item as DenialItem;
			const cause = right ? d.cause : CAUSES.find((c) => c !== d.cause)!;
			await answerDenial(page, { ...d, cause });
			break;
		}
		case 'payment-posting': {
			const p = item as PaymentPostingItem;
			const typed = right ? keyTyping(p) : Object.fromEntries(p.post.map((f) => [f.id, '0.01']));
			await typePosting(page, p, typed);
			break;
		}
		case 'claim-scrub': {
			const c = item as ClaimScrubItem;
			await scrubWithKeyboard(page, right ? c : { ...c, errors: c.errors.slice(0, 1) });
			break;
		}
		default:
			throw new Error(`${item.id}: not a billing kind (${item.type})`);
	}
	await page.keyboard.press('Enter');
}
