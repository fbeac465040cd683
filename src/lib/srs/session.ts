/**
 * A day's drill in progress: the queue, the position in it, cards in their learning steps that
 * come back later today, and the grades that can still be undone. Plain data in and out, so it is
 * saved with every grade and restored after a reload (undo included).
 */
export interface SessionData {
	day: number;
	order: string[];
	pos: number;
	/** Items in (re)learning steps, due again before the day ends. */
	learning: { id: string; due: number }[];
	/**
	 * The items of `order` that were new when the queue was built; the rest are reviews. Missing
	 * in sessions saved before the counts were split (the engine fills it in on open).
	 */
	fresh?: string[];
	/**
	 * The grades that can be undone, oldest first. Saved with the session so that U still works
	 * after a reload. Missing in sessions saved before undo was kept.
	 */
	undo?: UndoStep[];
}

/**
 * What one grade changed in the session, enough to put it back exactly. Compact on purpose (the
 * session is written with every grade): the order is kept only when the grade changed it.
 */
export interface UndoStep {
	itemId: string;
	/** When the grade was given: with the item id, it names the review log the grade wrote. */
	at: number;
	pos: number;
	learning: { id: string; due: number }[];
	order?: string[];
}

/** How many grades can be taken back in a row. */
export const UNDO_DEPTH = 50;

/**
 * The three piles Anki shows: new cards not yet seen, cards in their learning steps (relearning
 * after a lapse included), and reviews. A card leaves new or review when it is graded, and may
 * move into learning; it leaves learning when it graduates to a later day.
 */
export type Pile = 'new' | 'learning' | 'review';
export type PileCounts = Record<Pile, number>;

/** How far ahead a learning card may be shown when nothing else is left (Anki's default). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export class DrillSession {
	constructor(private data: SessionData) {}

	static start(
		day: number,
		queue: { order: string[]; learning: SessionData['learning']; fresh: string[] }
	): DrillSession {
		return new DrillSession({
			day,
			order: [...queue.order],
			pos: 0,
			learning: [...queue.learning],
			fresh: [...queue.fresh],
			undo: []
		});
	}

	get day(): number {
		return this.data.day;
	}

	/** The item to show at `now`, or undefined when the day's work is done for now. */
	next(now: number): string | undefined {
		const learning = [...this.data.learning].sort(
			(a, b) => a.due - b.due || a.id.localeCompare(b.id)
		);
		const ready = learning[0];
		if (ready && ready.due <= now) return ready.id;
		const queued = this.data.order[this.data.pos];
		if (queued !== undefined) return queued;
		if (ready && ready.due <= now + LEARN_AHEAD_MS) return ready.id;
		return undefined;
	}

	/**
	 * Records that `id` was graded at `at`; it comes back today if its new due date is before
	 * `dayEnd`. The change is remembered so that `undo` can reverse it.
	 */
	graded(id: string, due: number, dayEnd: number, at: number): void {
		const step: UndoStep = {
			itemId: id,
			at,
			pos: this.data.pos,
			learning: this.data.learning.map((l) => ({ ...l }))
		};
		const inLearning = this.data.learning.findIndex((l) => l.id === id);
		if (inLearning >= 0) this.data.learning.splice(inLearning, 1);
		else if (this.data.order[this.data.pos] === id) this.data.pos++;
		else {
			const index = this.data.order.indexOf(id, this.data.pos);
			if (index >= 0) {
				step.order = [...this.data.order];
				this.data.order.splice(index, 1);
			}
		}
		if (due < dayEnd) this.data.learning.push({ id, due });
		this.data.undo = [...(this.data.undo ?? []), step].slice(-UNDO_DEPTH);
	}

	/** The grade `undo` would take back: the item and when it was graded. */
	get lastGrade(): { itemId: string; at: number } | undefined {
		const last = this.data.undo?.at(-1);
		return last && { itemId: last.itemId, at: last.at };
	}

	/** Puts the session back as it was before the last grade; false if there is none. */
	undo(): boolean {
		const step = this.data.undo?.at(-1);
		if (!step) return false;
		this.data = {
			...this.data,
			order: step.order ? [...step.order] : this.data.order,
			pos: step.pos,
			learning: step.learning.map((l) => ({ ...l })),
			undo: this.data.undo?.slice(0, -1)
		};
		return true;
	}

	/**
	 * The items that may come after the current one: cards in their learning steps, soonest
	 * first, then the next `n` of the queue. For fetching their text ahead; not an order.
	 */
	upcoming(n: number): string[] {
		const learning = [...this.data.learning].sort((a, b) => a.due - b.due).map((l) => l.id);
		const queued = this.data.order.slice(this.data.pos, this.data.pos + n + 1);
		return [...new Set([...learning, ...queued])];
	}

	/** Items still to show today, counting learning cards once. */
	get remaining(): number {
		return this.data.order.length - this.data.pos + this.data.learning.length;
	}

	/** Cards left today in each pile; each card counts once, in the pile it is in now. */
	counts(): PileCounts {
		const fresh = new Set(this.data.fresh);
		const queued = this.data.order.slice(this.data.pos);
		const newCount = queued.filter((id) => fresh.has(id)).length;
		return {
			new: newCount,
			learning: this.data.learning.length,
			review: queued.length - newCount
		};
	}

	/** The pile `id` is in now, or undefined once it is done for today. */
	pileOf(id: string): Pile | undefined {
		if (this.data.learning.some((l) => l.id === id)) return 'learning';
		if (this.data.order.indexOf(id, this.data.pos) < 0) return undefined;
		return this.data.fresh?.includes(id) ? 'new' : 'review';
	}

	/** Whether `id` is still to be shown today (in any pile). */
	pending(id: string): boolean {
		return this.pileOf(id) !== undefined;
	}

	/** Whether the saved session knows which queued items are new (older ones did not). */
	get knowsFresh(): boolean {
		return this.data.fresh !== undefined;
	}

	/** Fills in the new items of a session saved before they were recorded. */
	markFresh(ids: readonly string[]): void {
		this.data = { ...this.data, fresh: [...ids] };
	}

	/** When the next learning card is due, if the queue is otherwise empty. */
	get nextLearningDue(): number | undefined {
		return this.data.learning.reduce<number | undefined>(
			(m, l) => (m === undefined || l.due < m ? l.due : m),
			undefined
		);
	}

	/** A deep copy, for saving and for putting back a grade that failed to write. */
	snapshot(): SessionData {
		return {
			day: this.data.day,
			order: [...this.data.order],
			pos: this.data.pos,
			learning: this.data.learning.map((l) => ({ ...l })),
			...(this.data.fresh ? { fresh: [...this.data.fresh] } : {}),
			undo: (this.data.undo ?? []).map((u) => ({
				...u,
				learning: u.learning.map((l) => ({ ...l })),
				...(u.order ? { order: [...u.order] } : {})
			}))
		};
	}

	/** Drops items that no longer exist (a bank changed between visits). */
	keepOnly(ids: ReadonlySet<string>): void {
		const pos = this.data.pos;
		const done = this.data.order.slice(0, pos).filter((id) => ids.has(id));
		const rest = this.data.order.slice(pos).filter((id) => ids.has(id));
		const learning = this.data.learning.filter((l) => ids.has(l.id));
		const dropped =
			done.length + rest.length < this.data.order.length ||
			learning.length < this.data.learning.length;
		this.data = {
			...this.data,
			order: [...done, ...rest],
			pos: done.length,
			learning,
			// Saved undo steps point into the old order and may name a removed item.
			undo: dropped ? [] : this.data.undo
		};
	}
}
