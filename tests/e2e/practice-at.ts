/** Opens practice on a chosen kind of item without answering its way there. */
import type { Page } from '@playwright/test';
import type { Bank, Item } from '../../src/lib/content/types';
import { itemsFor } from '../../src/lib/content/bank';
import { NO_ANSWERS, practiceOrder } from '../../src/lib/content/order';
import { answerWithKeyboard, nextWithKeyboard, open } from './fixtures';

export { bank } from './bank-data';

/**
 * Opens practice with the clock set so that the first item served is one that `wanted` accepts
 * (practice shuffles by the time it starts), so a test does not answer its way to it.
 */
export async function practiceAt(
	page: Page,
	b: Bank,
	section: string,
	wanted: (item: Item) => boolean
): Promise<Item> {
	const items = itemsFor(b, section);
	const base = 1_800_000_000_000;
	let seed = base;
	while (seed < base + 5000 && !wanted(practiceOrder(items, NO_ANSWERS, seed)[0]!)) seed++;
	await page.clock.setFixedTime(seed);
	await open(page, `/practice/run?bank=${b.id}&section=${section}`);
	// Should the order ever stop following the clock, answer on until one comes.
	for (let i = 0; i < items.length; i++) {
		const id = await page.locator('article[data-item-id]').getAttribute('data-item-id');
		const item = items.find((it) => it.id === id);
		if (item && wanted(item)) return item;
		await answerWithKeyboard(page);
		await nextWithKeyboard(page);
	}
	throw new Error(`no item in ${b.id}/${section} fits`);
}
