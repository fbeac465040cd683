/**
 * The banks: the shipped ones, fetched from the prerendered JSON (served by the service worker
 * offline) as bank summaries, a compact item index and item bodies fetched only when an item is
 * needed (see $lib/content/item-store); and the banks the learner imported, read once from the
 * database and kept in memory until an import or a removal (`refreshImported`).
 */
import { summarize } from '$lib/content/bank';
import type { ItemIndex } from '$lib/content/item-index';
import { getJson, ItemStore } from '$lib/content/item-store';
import type { Bank, BankSummary, Item } from '$lib/content/types';
import { storage } from './storage.svelte';

/**
 * How long the bank list waits for the database before listing the shipped banks alone: an open
 * that another tab blocks (an older version still open there) must not keep every page's bank
 * list from showing; the storage banner tells the learner about the block.
 */
const OPEN_WAIT_MS = 5_000;

/** The imported banks, or none when the browser keeps no database (a private window). */
async function readImported(): Promise<Bank[]> {
	try {
		const opened = await Promise.race([
			storage.open(),
			new Promise<false>((r) => setTimeout(() => r(false), OPEN_WAIT_MS))
		]);
		if (!opened || !storage.importedBanks) return [];
		return (await storage.importedBanks.all()).map((b) => b.bank);
	} catch (e) {
		storage.fail(e);
		return [];
	}
}

export class Catalog {
	/** Every bank, shipped first, then the imported ones in import order. */
	summaries = $state<BankSummary[] | undefined>(undefined);
	/** The ids of the imported banks among `summaries`, for the "imported" mark. */
	importedIds = $state<string[]>([]);
	error = $state<string | undefined>(undefined);
	#shipped: BankSummary[] | undefined;
	#store: ItemStore;

	constructor(imported: () => Promise<Bank[]> = readImported) {
		this.#store = new ItemStore('/data/items.json', imported);
	}

	async loadSummaries(): Promise<void> {
		if (this.summaries) return;
		try {
			this.#shipped ??= await getJson<BankSummary[]>('/data/banks.json');
		} catch (e) {
			this.error = `The question banks could not be loaded (${e instanceof Error ? e.message : String(e)}).`;
			return;
		}
		await this.#join();
	}

	async #join(): Promise<void> {
		const imported = await this.#store.importedBanks();
		if (!this.#shipped) return;
		this.importedIds = imported.map((b) => b.id);
		this.summaries = [...this.#shipped, ...imported.map(summarize)];
	}

	/** The imported banks themselves (read once until `refreshImported`). */
	importedBanks(): Promise<readonly Bank[]> {
		return this.#store.importedBanks();
	}

	isImported(bankId: string): boolean {
		return this.importedIds.includes(bankId);
	}

	/** After the learner imported or removed a bank: everything reads the imported banks again. */
	async refreshImported(): Promise<void> {
		this.#store.forgetImported();
		await this.#join();
	}

	/**
	 * Every item's id, bank, section, type, exams and difficulty, without its text: what the
	 * drill chooses from. One small file, fetched once per visit, and the imported banks' items.
	 */
	index(): Promise<ItemIndex> {
		return this.#store.index();
	}

	/** The shipped items only: what mock exams draw from (an imported bank is not exam-checked). */
	shippedIndex(): Promise<ItemIndex> {
		return this.#store.shippedIndex();
	}

	/**
	 * The items with these ids, fetching only the body files that hold them (a few dozen items
	 * each; files already fetched this visit are not fetched again); imported items come from
	 * memory. Ids no bank knows are absent from the map (an item a later build dropped).
	 */
	itemsByIds(ids: Iterable<string>): Promise<Map<string, Item>> {
		return this.#store.itemsByIds(ids);
	}

	/**
	 * One bank, for practice, exams and progress; with `section` (not `mixed`) only that
	 * section's items, which is all that practice on one section needs.
	 */
	async bank(id: string, section?: string): Promise<Bank> {
		// The index is needed next: fetched beside the summaries, not after them.
		await Promise.all([this.loadSummaries(), this.#store.shippedIndex().catch(() => undefined)]);
		if (!this.summaries) throw new Error(this.error ?? 'The question banks could not be loaded.');
		const summary = this.summaries.find((s) => s.id === id);
		if (!summary) throw new Error(`There is no bank "${id}".`);
		return this.#store.bank(summary, section);
	}

	/**
	 * Every bank. Fetches every body file: only for a page that must read the text of all
	 * items (the code page's "bank items that use this code"); the drill uses `index()`.
	 */
	async allBanks(): Promise<Bank[]> {
		await this.loadSummaries();
		if (!this.summaries) throw new Error(this.error ?? 'The question banks could not be loaded.');
		return Promise.all(this.summaries.map((s) => this.#store.bank(s)));
	}
}

export const catalog = new Catalog();
