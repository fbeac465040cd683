/** The shipped banks, fetched from the prerendered JSON (served by the service worker offline). */
import type { Bank, BankSummary, Item } from '$lib/content/types';

class Catalog {
	summaries = $state<BankSummary[] | undefined>(undefined);
	error = $state<string | undefined>(undefined);
	#banks = new Map<string, Promise<Bank>>();

	async loadSummaries(): Promise<void> {
		if (this.summaries) return;
		try {
			const res = await fetch('/data/banks.json');
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			this.summaries = (await res.json()) as BankSummary[];
		} catch (e) {
			this.error = `The question banks could not be loaded (${e instanceof Error ? e.message : String(e)}).`;
		}
	}

	bank(id: string): Promise<Bank> {
		let p = this.#banks.get(id);
		if (!p) {
			p = fetch(`/data/banks/${encodeURIComponent(id)}.json`).then(async (res) => {
				if (!res.ok)
					throw new Error(res.status === 404 ? `There is no bank "${id}".` : `HTTP ${res.status}`);
				return (await res.json()) as Bank;
			});
			// A failed fetch must not be cached: the next try (e.g. back online) should refetch.
			p.catch(() => this.#banks.delete(id));
			this.#banks.set(id, p);
		}
		return p;
	}

	/** Every shipped bank, for the drill (which draws on all of them). */
	async allBanks(): Promise<Bank[]> {
		await this.loadSummaries();
		if (!this.summaries) throw new Error(this.error ?? 'The question banks could not be loaded.');
		return Promise.all(this.summaries.map((s) => this.bank(s.id)));
	}

	/**
	 * The items with these ids, from whichever banks hold them now: an exam or a report keeps
	 * item ids, and an item may have moved to another bank since (ids never change when it does).
	 * Ids no bank has are left out (withdrawn items).
	 */
	async itemsByIds(ids: readonly string[]): Promise<Map<string, Item>> {
		const wanted = new Set(ids);
		// A lookup handed to the caller once, not state this class renders from.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const found = new Map<string, Item>();
		for (const bank of await this.allBanks())
			for (const item of bank.items) if (wanted.has(item.id)) found.set(item.id, item);
		return found;
	}
}

export const catalog = new Catalog();
