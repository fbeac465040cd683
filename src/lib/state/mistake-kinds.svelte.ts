/**
 * Loads what the "Kinds of mistakes" panel (`components/stats/MistakeKinds.svelte`) shows: the
 * day totals of the months it can reach back to, the newest example of each kind and the
 * examples' items. Reads totals only, never the attempt log.
 */
import type { Item } from '$lib/content/types';
import { localDay } from '$lib/db/totals';
import { timezoneOffset } from '$lib/format';
import { periodStarts } from '$lib/stats/mistake-trend';
import type { DayTotal, MistakeExample, MistakeKind } from '$lib/stats/types';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

/** Replaced whole on each load, never changed in place: no need for a reactive map. */
const NO_ITEMS: ReadonlyMap<string, Item> = Object.freeze(new Map<string, Item>());

/** The panel's longest view: six months (eight weeks fit inside it). */
const MONTHS = 6;

export class MistakeKindsData {
	days = $state<DayTotal[]>([]);
	examples = $state<Partial<Record<MistakeKind, MistakeExample>>>({});
	items = $state.raw<ReadonlyMap<string, Item>>(NO_ITEMS);
	/** The learner's local day when loaded. */
	today = $state(0);
	loaded = $state(false);

	async load(now = Date.now()): Promise<void> {
		this.today = localDay(now, timezoneOffset(now));
		const stats = (await storage.open()) ? storage.stats : undefined;
		if (stats) {
			try {
				const from = periodStarts('month', this.today, MONTHS)[0] ?? this.today;
				const [days, examples] = await Promise.all([
					// One row a day, over every section: the kinds do not split by section.
					stats.dailyFrom(Math.min(from, this.today - 7 * 8)),
					stats.mistakeExamples()
				]);
				this.days = days;
				this.examples = examples;
				this.items = await catalog
					.itemsByIds(Object.values(examples).map((e) => e.itemId))
					// Offline with the item files never cached: the examples show their ids.
					.catch(() => NO_ITEMS);
			} catch (e) {
				storage.fail(e);
			}
		}
		this.loaded = true;
		// For `npm run bench -- history`: when this part of the page was ready.
		performance.mark('mistakes:loaded');
	}
}
