/**
 * Item bodies fetched on demand: the item index once, then only the body files that hold the
 * items asked for, each file fetched once per visit (kept in memory as a promise, so two callers
 * asking at once share one request). No runes: `catalog` (state/catalog.svelte.ts) wraps it for
 * the pages, and tests drive it with a stubbed `fetch`.
 */
import {
	bankItems,
	filesHolding,
	readItemIndex,
	type BodyFile,
	type ItemIndex,
	type ItemIndexFile
} from './item-index';
import { MIXED } from './bank';
import type { Bank, BankSummary, Item } from './types';

/** Fetches JSON, saying which file failed and how. */
export async function getJson<T>(url: string): Promise<T> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return (await res.json()) as T;
}

/**
 * A cache of promises by key: a failed load is forgotten, so the next try (e.g. back online)
 * fetches again instead of repeating the failure.
 */
function remember<T>(
	map: Map<string, Promise<T>>,
	key: string,
	load: () => Promise<T>
): Promise<T> {
	let p = map.get(key);
	if (!p) {
		p = load();
		p.catch(() => map.delete(key));
		map.set(key, p);
	}
	return p;
}

export class ItemStore {
	#index = new Map<string, Promise<ItemIndex>>();
	/** Body files by URL, each a list of items. */
	#files = new Map<string, Promise<Item[]>>();
	#banks = new Map<string, Promise<Bank>>();

	constructor(private readonly indexUrl = '/data/items.json') {}

	/** The item index (see $lib/content/item-index), fetched once. */
	index(): Promise<ItemIndex> {
		return remember(this.#index, '', async () =>
			readItemIndex(await getJson<ItemIndexFile>(this.indexUrl))
		);
	}

	#file(file: BodyFile): Promise<Item[]> {
		return remember(this.#files, file.url, () => getJson<Item[]>(file.url));
	}

	/**
	 * The items with these ids, fetching only the body files that hold them. Ids the index does
	 * not know (an item a later build dropped) are absent from the map.
	 */
	async itemsByIds(ids: Iterable<string>): Promise<Map<string, Item>> {
		const wanted = new Set(ids);
		const files = filesHolding(await this.index(), wanted);
		const out = new Map<string, Item>();
		for (const items of await Promise.all(files.map((f) => this.#file(f))))
			for (const item of items) if (wanted.has(item.id)) out.set(item.id, item);
		return out;
	}

	/**
	 * A bank: its body files, its items in index order, its title and sections. With `section`
	 * (not `mixed`), only that section's files and items: practice on one section fetches no more.
	 */
	bank(summary: BankSummary, section = MIXED): Promise<Bank> {
		return remember(this.#banks, `${summary.id}\n${section}`, async () => {
			const index = await this.index();
			const files = index.files.filter(
				(f) => f.bankId === summary.id && (section === MIXED || f.section === section)
			);
			const bodies = new Map<string, Item>();
			for (const items of await Promise.all(files.map((f) => this.#file(f))))
				for (const item of items) bodies.set(item.id, item);
			return {
				id: summary.id,
				title: summary.title,
				order: summary.order,
				description: summary.description,
				sections: summary.sections,
				items: bankItems(index, summary.id, bodies)
			};
		});
	}
}
