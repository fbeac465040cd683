/** The learner's progress, read from the attempt log in IndexedDB. */
import type { AttemptRecord } from '$lib/db/db';
import { itemTitle } from '$lib/content/item-title';
import { summarize, type Summary } from '$lib/stats/summary';
import { timezoneOffset } from '$lib/format';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

/** How many answers the home page lists. */
const RECENT = 8;

/** A recent answer with the words to show for its item. */
export interface RecentAnswer extends AttemptRecord {
	/** The item's opening words; its id when the bank that holds it cannot be read. */
	title: string;
}

/** Titles of the given items: only the item files that hold them are fetched. */
async function titlesOf(attempts: readonly AttemptRecord[]): Promise<Record<string, string>> {
	const titles: Record<string, string> = {};
	try {
		for (const [id, item] of await catalog.itemsByIds(attempts.map((a) => a.itemId)))
			titles[id] = itemTitle(item);
	} catch {
		// Offline with the files never cached: the items keep their ids.
	}
	return titles;
}

export class Progress {
	summary = $state<Summary | undefined>(undefined);
	recent = $state<RecentAnswer[]>([]);
	loaded = $state(false);

	async load(now = Date.now()): Promise<void> {
		if (!(await storage.open())) {
			this.loaded = true;
			return;
		}
		try {
			const all = (await storage.attempts?.all()) ?? [];
			this.summary = summarize(all, now, timezoneOffset(now));
			// Read on their own through the time index with a limit, not cut from the whole log.
			const recent = (await storage.attempts?.recent(RECENT)) ?? [];
			const titles = await titlesOf(recent);
			this.recent = recent.map((a) => ({ ...a, title: titles[a.itemId] ?? a.itemId }));
		} catch (e) {
			storage.fail(e);
		}
		this.loaded = true;
	}
}
