/**
 * The shipped banks, fetched from the prerendered JSON (served by the service worker offline):
 * the bank summaries, the compact item index, and item bodies fetched only when an item is
 * needed, kept in memory for the visit (see $lib/content/item-store).
 */
import type { ItemIndex } from '$lib/content/item-index';
import { getJson, ItemStore } from '$lib/content/item-store';
import type { Bank, BankSummary, Item } from '$lib/content/types';

export class Catalog {
	summaries = $state<BankSummary[] | undefined>(undefined);
	error = $state<string | undefined>(undefined);
	#store = new ItemStore();

	async loadSummaries(): Promise<void> {
		if (this.summaries) return;
		try {
			this.summaries = await getJson<BankSummary[]>('/data/banks.json');
		} catch (e) {
			this.error = `The question banks could not be loaded (${e instanceof Error ? e.message : String(e)}).`;
		}
	}

	/**
	 * Every shipped item's id, bank, section, type, exams and difficulty, without its text: what
	 * the drill and the exam picker choose from. One small file, fetched once per visit.
	 */
	index(): Promise<ItemIndex> {
		return this.#store.index();
	}

	/**
	 * The items with these ids, fetching only the body files that hold them (a few dozen items
	 * each; files already fetched this visit are not fetched again). Ids the index does not know
	 * are absent from the map (an item a later build dropped).
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
		await Promise.all([this.loadSummaries(), this.#store.index().catch(() => undefined)]);
		if (!this.summaries) throw new Error(this.error ?? 'The question banks could not be loaded.');
		const summary = this.summaries.find((s) => s.id === id);
		if (!summary) throw new Error(`There is no bank "${id}".`);
		return this.#store.bank(summary, section);
	}

	/**
	 * Every shipped bank. Fetches every body file: only for a page that must read the text of all
	 * items (the code page's "bank items that use this code"); the drill uses `index()`.
	 */
	async allBanks(): Promise<Bank[]> {
		await this.loadSummaries();
		if (!this.summaries) throw new Error(this.error ?? 'The question banks could not be loaded.');
		return Promise.all(this.summaries.map((s) => this.#store.bank(s)));
	}
}

export const catalog = new Catalog();
