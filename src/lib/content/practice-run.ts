/**
 * A practice run as plain data: the order it serves items in, where the learner is, the tally, and
 * the answer on screen. Saved with every answer and every step, so a reload or a closed tab picks
 * the run up where it was. Pure: no Svelte, no Dexie.
 */
import { percent } from '../format';
import type { Item } from './types';

/**
 * A run over a list of items rather than one bank's section: the misses of a run or an exam, or
 * the flagged items. Its items may come from several banks.
 */
export interface RunList {
	/** Which list: `flagged`, or `items:` and the ids (see `listKey`). */
	key: string;
	/** What the run page calls it: "Misses from CPC mock exam". */
	title: string;
}

export interface PracticeRun {
	/** Groups the run's attempts; kept across reloads so one run stays one session. */
	sessionId: string;
	/** Empty for a list run. */
	bankId: string;
	/** Empty for a list run. */
	section: string;
	/** Set for a run over a list of items. */
	list?: RunList;
	/** The order the run serves items in, fixed when it starts. */
	itemIds: string[];
	/** Position in `itemIds`; equal to its length once the run is done. */
	index: number;
	answered: number;
	correct: number;
	scoreSum: number;
	/**
	 * The current item's answer while its verdict is on screen (before Next), so a reload shows
	 * the verdict again instead of asking a second time. The response as stored in the attempt.
	 */
	shown?: { itemId: string; response: unknown };
	startedAt: number;
	updatedAt: number;
}

export function newRun(o: {
	sessionId: string;
	bankId: string;
	section: string;
	itemIds: readonly string[];
	now: number;
	list?: RunList;
}): PracticeRun {
	return {
		...(o.list ? { list: o.list } : {}),
		sessionId: o.sessionId,
		bankId: o.bankId,
		section: o.section,
		itemIds: [...o.itemIds],
		index: 0,
		answered: 0,
		correct: 0,
		scoreSum: 0,
		startedAt: o.now,
		updatedAt: o.now
	};
}

/** Whether the run still has items to serve (a finished run is not offered for resuming). */
export function isOpen(run: PracticeRun | undefined): run is PracticeRun {
	return run !== undefined && run.index < run.itemIds.length;
}

/** Whether `run` is the run of this bank and section (the one a run URL resumes). */
export function isRunOf(
	run: PracticeRun | undefined,
	bankId: string,
	section: string
): run is PracticeRun {
	return (
		run !== undefined && run.list === undefined && run.bankId === bankId && run.section === section
	);
}

/** The key of the flagged-items run: one name, as the set changes while the learner flags. */
export const FLAGGED_KEY = 'flagged';
export const FLAGGED_TITLE = 'Flagged items';
/** The title of an item list whose link gave none. */
export const LIST_TITLE = 'Chosen items';
/** A title from a link is shown as a heading: one line at most. */
const TITLE_MAX = 80;

/** The key of a run over exactly these items, in this order. */
export function listKey(ids: readonly string[]): string {
	return `items:${ids.join(',')}`;
}

/** Whether `run` is the run of the list known by `key` (the one a list URL resumes). */
export function isListRunOf(run: PracticeRun | undefined, key: string): run is PracticeRun {
	return run?.list?.key === key;
}

/** Item ids from a link's comma-separated `items`: blanks and repeats dropped, order kept. */
export function parseItemIds(param: string | null): string[] {
	const ids = (param ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	return [...new Set(ids)];
}

/** A list run's title from a link: trimmed, one line, not too long; a plain default if none. */
export function listTitle(param: string | null): string {
	const title = (param ?? '').replace(/\s+/g, ' ').trim();
	if (!title) return LIST_TITLE;
	return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1).trimEnd()}…` : title;
}

/** The ids the item index knows, in order, and the ones it does not (dropped from the run). */
export function splitKnown(
	ids: readonly string[],
	known: { has(id: string): boolean }
): { kept: string[]; dropped: string[] } {
	const kept: string[] = [];
	const dropped: string[] = [];
	for (const id of ids) (known.has(id) ? kept : dropped).push(id);
	return { kept, dropped };
}

/** A link that starts a new run over exactly these items (a later reload resumes it). */
export function itemsRunHref(ids: readonly string[], title: string): string {
	return `/practice/run?items=${encodeURIComponent(ids.join(','))}&title=${encodeURIComponent(title)}&new=1`;
}

/** The link that picks a saved run up where it was. */
export function runHref(run: PracticeRun): string {
	const list = run.list;
	if (list?.key === FLAGGED_KEY) return '/practice/run?set=flagged';
	if (list) {
		const ids = list.key.slice('items:'.length);
		return `/practice/run?items=${encodeURIComponent(ids)}&title=${encodeURIComponent(list.title)}`;
	}
	return `/practice/run?bank=${encodeURIComponent(run.bankId)}&section=${encodeURIComponent(run.section)}`;
}

export interface ResumedRun {
	queue: Item[];
	index: number;
	/** The answer to show again with its verdict, if the current item was answered. */
	shown?: unknown;
}

/**
 * The run's items, in its order, from the bank as it is now. An item the bank no longer has is
 * skipped (the position moves with it, so the learner stays on the same item); items added to the
 * bank since the run started are not in it. Undefined when no item of the run is left.
 */
export function resume(run: PracticeRun, items: ReadonlyMap<string, Item>): ResumedRun | undefined {
	const queue: Item[] = [];
	let index = 0;
	run.itemIds.forEach((id, i) => {
		const item = items.get(id);
		if (!item) return;
		if (i < run.index) index++;
		queue.push(item);
	});
	if (queue.length === 0) return undefined;
	const current = run.itemIds[run.index];
	const shown =
		run.shown && run.shown.itemId === current && items.has(current)
			? run.shown.response
			: undefined;
	return shown === undefined ? { queue, index } : { queue, index, shown };
}

/** "4 answered · 3 correct · 81% mean score", as the run page and the picker show it. */
export function tallyText(t: Pick<PracticeRun, 'answered' | 'correct' | 'scoreSum'>): string {
	const base = `${t.answered} answered · ${t.correct} correct`;
	return t.answered ? `${base} · ${percent(t.scoreSum / t.answered)} mean score` : base;
}

/**
 * The items a run missed, in the order they were answered: each item's last answer in the run
 * was wrong. Flashcards are left out: they are self-graded recall, not a scored question, and the
 * drill already holds them.
 */
export function missedIds(
	attempts: readonly { itemId: string; itemType: string; correct: boolean }[]
): string[] {
	const last = new Map<string, boolean>();
	for (const a of attempts) {
		if (a.itemType === 'flashcard') continue;
		// Re-inserting moves the item to where its latest answer is.
		last.delete(a.itemId);
		last.set(a.itemId, a.correct);
	}
	return [...last].filter(([, correct]) => !correct).map(([id]) => id);
}
