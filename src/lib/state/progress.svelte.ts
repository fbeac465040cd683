/**
 * The learner's progress and the day's plan for the home page, read from the running totals and
 * indexed ranges (see `db/totals.ts`): never the whole attempt or review log, which after two
 * years holds 300,000 rows each.
 */
import type { AttemptRecord, ExamRecord } from '$lib/db/db';
import { itemTitle } from '$lib/content/item-title';
import { isOpen, type PracticeRun } from '$lib/content/practice-run';
import { localDay } from '$lib/db/totals';
import type { PileCounts } from '$lib/srs/session';
import { streakOfRun, summarize, type Summary } from '$lib/stats/summary';
import { timezoneOffset } from '$lib/format';
import { catalog } from './catalog.svelte';
import { appDrillEngine } from './drill.svelte';
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
	/** Today's drill as the drill page will build it: due reviews, learning steps, new items. */
	drill = $state<PileCounts | undefined>(undefined);
	/** A mock exam left open, to resume. */
	openExam = $state<ExamRecord | undefined>(undefined);
	/** A practice run left part-way, to resume. */
	openRun = $state<PracticeRun | undefined>(undefined);
	loaded = $state(false);

	constructor(private readonly clock: () => number = Date.now) {}

	async load(): Promise<void> {
		if (!(await storage.open()) || !storage.stats || !storage.attempts) {
			this.loaded = true;
			return;
		}
		const now = this.clock();
		const today = localDay(now, timezoneOffset(now));
		try {
			const stats = storage.stats;
			// The drill's counts need the item index and the engine: started now, shown on arrival.
			const counts = this.#drillCounts().then(
				(c) => {
					this.drill = c;
					performance.mark('progress:drill');
				},
				(e: unknown) => storage.fail(e)
			);
			const [sections, dayRun, seen, recent, openExam, run] = await Promise.all([
				stats.sections(),
				stats.dayRun(),
				stats.itemsSeen(),
				storage.attempts.recent(RECENT),
				storage.exams?.inProgress(),
				storage.practice?.run()
			]);
			this.summary = summarize(sections, streakOfRun(dayRun, today), seen);
			// For `npm run bench -- history`: when the figures were ready, after navigation start.
			performance.mark('progress:summary');
			this.openExam = openExam;
			this.openRun = run && isOpen(run) ? run : undefined;
			this.loaded = true;
			const titles = await titlesOf(recent);
			this.recent = recent.map((a) => ({ ...a, title: titles[a.itemId] ?? a.itemId }));
			await counts;
		} catch (e) {
			storage.fail(e);
		}
		this.loaded = true;
	}

	/**
	 * The drill's own engine, opened read-only: the counts are those the drill page will show.
	 * It reads the due cards, today's reviews and the recent answers, all through indexes.
	 */
	async #drillCounts(): Promise<PileCounts | undefined> {
		if (!storage.drill || !storage.attempts || !storage.settings) return undefined;
		const engine = await appDrillEngine(this.clock);
		await engine.open();
		return engine.counts;
	}
}
