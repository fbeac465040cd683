/**
 * Readiness for the learner's target exam, for home and stats: reads the running totals (a row
 * per day and section in the window, a row per item, a card per drilled item), never the attempt
 * or review log, and hands them to the pure estimator.
 */
import type { ItemIndex } from '$lib/content/item-index';
import { localDay, localOffset } from '$lib/db/totals';
import { presetById, type Preset } from '$lib/exam/presets';
import { srsSettings } from '$lib/srs/settings';
import { readiness, WINDOW_DAYS, type Readiness } from '$lib/stats/readiness';
import { catalog } from './catalog.svelte';
import { storage, type StorageState } from './storage.svelte';

export interface ReadinessDeps {
	storage: StorageState;
	index: () => Promise<ItemIndex>;
}

export class ReadinessState {
	/** The estimate, once loaded; undefined while loading or when nothing could be read. */
	result = $state<Readiness | undefined>(undefined);
	/** The exam it is for: the target in the drill settings. */
	preset = $state<Preset | undefined>(undefined);
	loaded = $state(false);
	/** Why there is no result (the banks or the history could not be read). */
	error = $state<string | undefined>(undefined);

	/** Tests pass their own storage and index; the app uses the shared ones. */
	constructor(private readonly deps: ReadinessDeps = { storage, index: () => catalog.index() }) {}

	async load(now = Date.now()): Promise<void> {
		const { storage } = this.deps;
		try {
			if (!(await storage.open())) return;
			const stats = storage.stats!;
			const srs = srsSettings(await storage.settings!.get('srs', undefined));
			const preset = presetById(srs.targetExam);
			if (!preset) return;
			const today = localDay(now, localOffset(now));
			// The index is a fetch: started beside the reads, not after them.
			const [index, days, cards, items] = await Promise.all([
				this.deps.index(),
				stats.daysFrom(today - WINDOW_DAYS + 1),
				stats.cards(),
				stats.items()
			]);
			this.preset = preset;
			this.result = readiness({
				preset,
				entries: index.entries,
				days,
				cards,
				items,
				now,
				today,
				srs
			});
			this.error = undefined;
		} catch (e) {
			this.error = `Readiness could not be worked out (${e instanceof Error ? e.message : String(e)}).`;
		} finally {
			this.loaded = true;
			// For `npm run bench -- history`: when this part of the page was ready.
			performance.mark('readiness:loaded');
		}
	}

	reset(): void {
		this.result = undefined;
		this.preset = undefined;
		this.loaded = false;
		this.error = undefined;
	}
}

export const readinessState = new ReadinessState();
