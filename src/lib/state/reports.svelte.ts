/**
 * The learner's reports of problems with items, as the UI sees them: each shown item's open
 * reports (the "Disputed" line), every report for Settings, and the export file. One instance,
 * so saving a report on an item updates its header and the Settings list alike.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { ReportRecord } from '$lib/db/db';
import { ReportError, type NewReport } from '$lib/db/reports';
import { itemTitle } from '$lib/content/item-title';
import { exportFileName, reportsMarkdown, type ReportedItem } from '$lib/content/report-export';
import type { Item } from '$lib/content/types';
import { itemVersion } from '$lib/exam/scored';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

export class ReportsState {
	/** Open reports of each item asked about, newest first; an item not read yet is absent. */
	#open = $state<Record<string, ReportRecord[]>>({});
	/** Every report, newest first, once Settings asked for them. */
	all = $state<ReportRecord[] | undefined>(undefined);
	/** The reported items the banks still hold, for titles and links in the Settings list. */
	readonly items = new SvelteMap<string, Item>();
	/** Shown in Settings when reading or changing the list failed. */
	problem = $state<string | undefined>(undefined);

	constructor(private readonly clock: () => number = Date.now) {}

	/** The item's open reports, or undefined until `watch` has read them. */
	openFor(itemId: string): ReportRecord[] | undefined {
		return this.#open[itemId];
	}

	/** Reads the item's open reports (through the `itemId` index) into `openFor`. */
	async watch(itemId: string): Promise<void> {
		if (!(await storage.open()) || !storage.reports) return;
		try {
			this.#open[itemId] = await storage.reports.openFor(itemId);
		} catch (e) {
			storage.fail(e);
		}
	}

	/**
	 * Saves a report on `item` as the learner sees it now; resolves with what is wrong with the
	 * input, or undefined once it is saved.
	 */
	async add(item: Item, kind: NewReport['kind'], text: string): Promise<string | undefined> {
		if (!(await storage.open()) || !storage.reports)
			return 'Your browser is not letting CodeDrill store anything, so the report cannot be kept.';
		try {
			const r = await storage.reports.add(
				{ itemId: item.id, bankId: item.bankId, itemVersion: itemVersion(item), kind, text },
				this.clock()
			);
			this.#open[item.id] = [r, ...(this.#open[item.id] ?? [])];
			if (this.all) this.all = [r, ...this.all];
			this.items.set(item.id, item);
			return undefined;
		} catch (e) {
			if (e instanceof ReportError) return e.message;
			storage.fail(e);
			return 'The report could not be saved (see the message at the top of the page).';
		}
	}

	/** Reads every report and the items they name, for the Settings list. */
	async loadAll(): Promise<void> {
		this.problem = undefined;
		if (!(await storage.open()) || !storage.reports) {
			this.all = [];
			return;
		}
		try {
			const all = await storage.reports.all();
			const ids = all.map((r) => r.itemId).filter((id, i, a) => a.indexOf(id) === i);
			const found = ids.length ? await catalog.itemsByIds(ids) : undefined;
			this.items.clear();
			for (const [id, item] of found ?? []) this.items.set(id, item);
			this.all = all;
		} catch (e) {
			this.problem = `Your reports could not be read (${e instanceof Error ? e.message : String(e)}).`;
			this.all ??= [];
		}
	}

	async close(id: string): Promise<void> {
		await this.#change(id, (repo) => repo.close(id, this.clock()));
	}

	async reopen(id: string): Promise<void> {
		await this.#change(id, (repo) => repo.reopen(id));
	}

	async remove(id: string): Promise<void> {
		await this.#change(id, async (repo) => {
			await repo.delete(id);
			return undefined;
		});
	}

	/** Applies one change and puts its result in the list and in the item's open reports. */
	async #change(
		id: string,
		write: (repo: NonNullable<typeof storage.reports>) => Promise<ReportRecord | undefined>
	): Promise<void> {
		const repo = storage.reports;
		const before = this.all?.find((r) => r.id === id);
		if (!repo || !before) return;
		try {
			const after = await write(repo);
			this.all = (this.all ?? []).flatMap((r) => (r.id !== id ? [r] : after ? [after] : []));
			await this.watch(before.itemId);
		} catch (e) {
			this.problem = `That change could not be saved (${e instanceof Error ? e.message : String(e)}).`;
		}
	}

	/** The export: a Markdown file for the banks' authors (see content/report-export). */
	async exportFile(): Promise<{ name: string; text: string }> {
		const all = this.all ?? [];
		await catalog.loadSummaries();
		const titles = Object.fromEntries((catalog.summaries ?? []).map((b) => [b.id, b.title]));
		const reported: Record<string, ReportedItem> = {};
		for (const [id, item] of this.items)
			reported[id] = { title: itemTitle(item), file: item.file, version: itemVersion(item) };
		const now = this.clock();
		return { name: exportFileName(now), text: reportsMarkdown(all, reported, titles, now) };
	}

	/** Forgets what was read (after a reset deleted reports): everything is read again. */
	reset(): void {
		this.#open = {};
		this.all = undefined;
		this.items.clear();
		this.problem = undefined;
	}
}

export const reports = new ReportsState();
