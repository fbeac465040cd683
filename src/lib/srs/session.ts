/**
 * A day's drill in progress: the queue, the position in it, and cards in their learning steps
 * that come back later today. Plain data in and out, so it can be saved with every grade, restored
 * after a reload, and snapshotted for undo.
 */
export interface SessionData {
	day: number;
	order: string[];
	pos: number;
	/** Items in (re)learning steps, due again before the day ends. */
	learning: { id: string; due: number }[];
}

/** How far ahead a learning card may be shown when nothing else is left (Anki's default). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export class DrillSession {
	constructor(private data: SessionData) {}

	static start(
		day: number,
		queue: { order: string[]; learning: SessionData['learning'] }
	): DrillSession {
		return new DrillSession({
			day,
			order: [...queue.order],
			pos: 0,
			learning: [...queue.learning]
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

	/** Records that `id` was graded; it comes back today if its new due date is before `dayEnd`. */
	graded(id: string, due: number, dayEnd: number): void {
		const inLearning = this.data.learning.findIndex((l) => l.id === id);
		if (inLearning >= 0) this.data.learning.splice(inLearning, 1);
		else if (this.data.order[this.data.pos] === id) this.data.pos++;
		else {
			const at = this.data.order.indexOf(id, this.data.pos);
			if (at >= 0) this.data.order.splice(at, 1);
		}
		if (due < dayEnd) this.data.learning.push({ id, due });
	}

	/** Items still to show today, counting learning cards once. */
	get remaining(): number {
		return this.data.order.length - this.data.pos + this.data.learning.length;
	}

	/** When the next learning card is due, if the queue is otherwise empty. */
	get nextLearningDue(): number | undefined {
		return this.data.learning.reduce<number | undefined>(
			(m, l) => (m === undefined || l.due < m ? l.due : m),
			undefined
		);
	}

	/** A deep copy, for saving and for undo. */
	snapshot(): SessionData {
		return {
			day: this.data.day,
			order: [...this.data.order],
			pos: this.data.pos,
			learning: this.data.learning.map((l) => ({ ...l }))
		};
	}

	/** Drops items that no longer exist (a bank changed between visits). */
	keepOnly(ids: ReadonlySet<string>): void {
		const pos = this.data.pos;
		const done = this.data.order.slice(0, pos).filter((id) => ids.has(id));
		const rest = this.data.order.slice(pos).filter((id) => ids.has(id));
		this.data = {
			...this.data,
			order: [...done, ...rest],
			pos: done.length,
			learning: this.data.learning.filter((l) => ids.has(l.id))
		};
	}
}
