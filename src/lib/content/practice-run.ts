/**
 * A practice run as plain data: the order it serves items in, where the learner is, the tally, and
 * the answer on screen. Saved with every answer and every step, so a reload or a closed tab picks
 * the run up where it was. Pure: no Svelte, no Dexie.
 */
import { percent } from '../format';
import type { Item } from './types';

export interface PracticeRun {
	/** Groups the run's attempts; kept across reloads so one run stays one session. */
	sessionId: string;
	bankId: string;
	section: string;
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
}): PracticeRun {
	return {
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
	return run !== undefined && run.bankId === bankId && run.section === section;
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
