/**
 * Item bodies fetched on demand: the item index once, then only the body files that hold the
 * items asked for, each file fetched once per visit (kept in memory as a promise, so two callers
 * asking at once share one request). No runes: `catalog` (state/catalog.svelte.ts) wraps it for
 * the pages, and tests drive it with a stubbed `fetch`.
 *
 * The banks the learner imported (read from the database by the `imported` function it is given)
 * join the shipped ones: in the index, `itemsByIds` and `bank`. They are read once and kept until
 * `forgetImported()` (after an import or a removal), so no call re-reads the database.
 */
import {
	bankItems,
	filesHolding,
	readItemIndex,
	type BodyFile,
	type ItemIndex,
	type ItemIndexFile
} from './item-index';
import { itemsFor, MIXED } from './bank';
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

/**
 * The shipped index with the imported banks' items after the shipped ones, in bank order. Their
 * ids have no body file (`fileOf` does not know them): their bodies are in memory already.
 */
export function withImported(index: ItemIndex, banks: readonly Bank[]): ItemIndex {
	if (banks.length === 0) return index;
	const entries = [...index.entries];
	for (const bank of banks)
		for (const i of bank.items)
			entries.push({
				id: i.id,
				bankId: bank.id,
				section: i.section,
				type: i.type,
				exams: i.exams,
				difficulty: i.difficulty
			});
	const imported = banks.map((b) => `${b.id}:${b.items.length}`).join(',');
	return { ...index, version: `${index.version}+${imported}`, entries };
}

/** The imported banks, and their items by id. */
interface Imported {
	banks: readonly Bank[];
	byId: ReadonlyMap<string, Item>;
}

export class ItemStore {
	#index = new Map<string, Promise<ItemIndex>>();
	/** The shipped index joined with the imported banks; dropped when they change. */
	#joined = new Map<string, Promise<ItemIndex>>();
	#imported = new Map<string, Promise<Imported>>();
	/** Body files by URL, each a list of items. */
	#files = new Map<string, Promise<Item[]>>();
	#banks = new Map<string, Promise<Bank>>();

	constructor(
		private readonly indexUrl = '/data/items.json',
		private readonly imported: () => Promise<readonly Bank[]> = async () => []
	) {}

	/** The shipped items' index (see $lib/content/item-index), fetched once. */
	shippedIndex(): Promise<ItemIndex> {
		return remember(this.#index, '', async () =>
			readItemIndex(await getJson<ItemIndexFile>(this.indexUrl))
		);
	}

	/** Every item's index entry: the shipped index, then the imported banks' items. */
	index(): Promise<ItemIndex> {
		return remember(this.#joined, '', async () => {
			const [index, imported] = await Promise.all([this.shippedIndex(), this.#importedSet()]);
			return withImported(index, imported.banks);
		});
	}

	#importedSet(): Promise<Imported> {
		return remember(this.#imported, '', async () => {
			const banks = await this.imported();
			return { banks, byId: new Map(banks.flatMap((b) => b.items.map((i) => [i.id, i]))) };
		});
	}

	/** The imported banks, read once until `forgetImported`. */
	async importedBanks(): Promise<readonly Bank[]> {
		return (await this.#importedSet()).banks;
	}

	/** After an import or a removal: the next call reads the imported banks again. */
	forgetImported(): void {
		this.#imported.clear();
		this.#joined.clear();
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
		const out = new Map<string, Item>();
		const { byId } = await this.#importedSet();
		for (const id of wanted) {
			const item = byId.get(id);
			if (!item) continue;
			out.set(id, item);
			wanted.delete(id);
		}
		// Only imported items asked for: the shipped index need not be fetched.
		if (wanted.size === 0) return out;
		const files = filesHolding(await this.shippedIndex(), wanted);
		for (const items of await Promise.all(files.map((f) => this.#file(f))))
			for (const item of items) if (wanted.has(item.id)) out.set(item.id, item);
		return out;
	}

	/**
	 * A bank: its body files, its items in index order, its title and sections. With `section`
	 * (not `mixed`), only that section's files and items: practice on one section fetches no more.
	 */
	async bank(summary: BankSummary, section = MIXED): Promise<Bank> {
		const imported = (await this.#importedSet()).banks.find((b) => b.id === summary.id);
		if (imported) return { ...imported, items: itemsFor(imported, section) };
		return remember(this.#banks, `${summary.id}\n${section}`, async () => {
			const index = await this.shippedIndex();
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
