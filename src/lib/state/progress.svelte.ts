/** The learner's progress, read from the attempt log in IndexedDB. */
import type { AttemptRecord } from '$lib/db/db';
import { summarize, type Summary } from '$lib/stats/summary';
import { timezoneOffset } from '$lib/format';
import { storage } from './storage.svelte';

export class Progress {
	summary = $state<Summary | undefined>(undefined);
	recent = $state<AttemptRecord[]>([]);
	loaded = $state(false);

	async load(now = Date.now()): Promise<void> {
		if (!(await storage.open())) {
			this.loaded = true;
			return;
		}
		try {
			const all = (await storage.attempts?.all()) ?? [];
			this.summary = summarize(all, now, timezoneOffset(now));
			this.recent = all.slice(-8).reverse();
		} catch (e) {
			storage.fail(e);
		}
		this.loaded = true;
	}
}
