/**
 * The banks as the built app serves them, read the way the app reads them: the item index, then
 * the body files that hold the items wanted.
 */
import type { APIRequestContext } from '@playwright/test';
import {
	bankItems,
	filesHolding,
	readItemIndex,
	type ItemIndex,
	type ItemIndexFile
} from '../../src/lib/content/item-index';
import type { Bank, BankSummary, Item } from '../../src/lib/content/types';

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
	const res = await request.get(url);
	if (!res.ok()) throw new Error(`${url}: HTTP ${res.status()}`);
	return (await res.json()) as T;
}

/** The item index as the app reads it: entries in the order the exam picker draws from. */
export async function index(request: APIRequestContext): Promise<ItemIndex> {
	return readItemIndex(await getJson<ItemIndexFile>(request, '/data/items.json'));
}

async function bodies(request: APIRequestContext, urls: string[]): Promise<Map<string, Item>> {
	const lists = await Promise.all(urls.map((u) => getJson<Item[]>(request, u)));
	return new Map(lists.flat().map((i) => [i.id, i]));
}

/** One whole bank, items in the app's order. */
export async function bank(request: APIRequestContext, id: string): Promise<Bank> {
	const [ix, summaries] = await Promise.all([
		index(request),
		getJson<BankSummary[]>(request, '/data/banks.json')
	]);
	const summary = summaries.find((s) => s.id === id);
	if (!summary) throw new Error(`no bank ${id}`);
	const files = ix.files.filter((f) => f.bankId === id).map((f) => f.url);
	const { title, description, order, sections } = summary;
	return {
		id,
		title,
		description,
		order,
		sections,
		items: bankItems(ix, id, await bodies(request, files))
	};
}

/** One item by id, from whichever bank holds it. */
export async function itemById(request: APIRequestContext, id: string): Promise<Item> {
	const ix = await index(request);
	const item = (
		await bodies(
			request,
			filesHolding(ix, [id]).map((f) => f.url)
		)
	).get(id);
	if (!item) throw new Error(`no item ${id}`);
	return item;
}

/** Every shipped item by id, from every body file: for tests that follow a multi-bank exam. */
export async function allItems(request: APIRequestContext): Promise<Map<string, Item>> {
	const ix = await index(request);
	return bodies(
		request,
		ix.files.map((f) => f.url)
	);
}
