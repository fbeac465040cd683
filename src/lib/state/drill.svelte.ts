/**
 * Today's drill for the page: the engine (scheduling and storage) plus the current item's answer
 * and what the last grade did. One instance per visit to /drill.
 */
import type { Item } from '$lib/content/types';
import { timezoneOffset } from '$lib/format';
import { Rating, type Grade } from '$lib/srs/scheduler';
import type { ExamPlan } from '$lib/srs/plan';
import type { Pile, PileCounts } from '$lib/srs/session';
import { srsSettings } from '$lib/srs/settings';
import { catalog } from './catalog.svelte';
import { DrillEngine } from './drill-engine';
import { ItemAnswer, type GradedAnswer } from './item-answer.svelte';
import { storage } from './storage.svelte';

export type DrillPhase = 'loading' | 'answering' | 'feedback' | 'done' | 'error';

export const RATING_NAMES: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

/** How many cards after the current one have their text fetched ahead. */
const PREFETCH = 3;

export class DrillState {
	phase = $state<DrillPhase>('loading');
	problem = $state<string | undefined>(undefined);
	answer = $state<ItemAnswer | undefined>(undefined);
	/** The rating the last scenario answer earned, shown with its feedback. */
	lastRating = $state<Grade | undefined>(undefined);
	/** How many learner days until the last graded card comes back (0: later today). */
	lastInDays = $state<number | undefined>(undefined);
	/** Cards left today in each pile (new, in learning steps, reviews), as Anki shows them. */
	counts = $state<PileCounts>({ new: 0, learning: 0, review: 0 });
	/** The pile the card on screen came from. */
	pile = $state<Pile | undefined>(undefined);
	/** Distinct cards and reviews today: one card can take several reviews. */
	cardsToday = $state(0);
	reviewsToday = $state(0);
	/** Cards reviewed today that are done for the day, for the progress bar. */
	finishedToday = $state(0);
	canUndo = $state(false);
	/** When a card in its learning steps comes back, once the queue is otherwise empty. */
	comeBackAt = $state<number | undefined>(undefined);
	forecast = $state<{ reviews: number; newItems: number } | undefined>(undefined);
	/** Today's plan toward the exam date (where the new count comes from), if one is set. */
	plan = $state<ExamPlan | undefined>(undefined);
	busy = $state(false);

	#engine: DrillEngine | undefined;
	/** Bodies fetched so far: the drill chooses from the index and fetches only what it shows. */
	// Not reactive: `answer` is what the page shows.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#bodies = new Map<string, Item>();

	constructor(private readonly clock: () => number = Date.now) {}

	async load(): Promise<void> {
		try {
			if (!(await storage.open()) || !storage.drill || !storage.attempts || !storage.settings) {
				throw new Error(storage.error?.message ?? 'Storage is not available.');
			}
			// The index, not the banks: the drill fetches the text of the items it shows only.
			const [engine] = await Promise.all([appDrillEngine(this.clock), catalog.loadSummaries()]);
			this.#engine = engine;
			await this.#engine.open();
			await this.#present();
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			this.phase = 'error';
		}
	}

	async #present(): Promise<void> {
		const engine = this.#engine;
		if (!engine) return;
		try {
			// Left open past the rollover hour: the next card and the counts are the new day's.
			await engine.rollover();
		} catch (e) {
			storage.fail(e);
		}
		const id = engine.current();
		let item: Item | undefined;
		try {
			item = id === undefined ? undefined : await this.#body(id);
		} catch (e) {
			this.problem = `This card's question could not be loaded (${e instanceof Error ? e.message : String(e)}).`;
			this.phase = 'error';
			return;
		}
		// Fetched while the learner answers this one, so the next card shows without a wait.
		void this.#prefetch(engine.upcoming(PREFETCH));
		this.answer = item ? new ItemAnswer(item, this.clock) : undefined;
		this.lastRating = undefined;
		this.lastInDays = undefined;
		this.#sync();
		this.pile = id === undefined ? undefined : engine.pileOf(id);
		if (item) {
			this.phase = 'answering';
		} else {
			this.phase = 'done';
			this.comeBackAt = engine.nextLearningDue;
			this.forecast = await engine.forecast();
		}
	}

	async #body(id: string): Promise<Item | undefined> {
		const known = this.#bodies.get(id);
		if (known) return known;
		for (const [k, item] of await catalog.itemsByIds([id])) this.#bodies.set(k, item);
		return this.#bodies.get(id);
	}

	async #prefetch(ids: string[]): Promise<void> {
		const missing = ids.filter((id) => !this.#bodies.has(id));
		if (!missing.length) return;
		try {
			for (const [k, item] of await catalog.itemsByIds(missing)) this.#bodies.set(k, item);
		} catch {
			// Offline without the files cached: the card itself will say so when it comes up.
		}
	}

	#sync(): void {
		const engine = this.#engine;
		if (!engine) return;
		this.counts = engine.counts;
		this.plan = engine.plan;
		this.cardsToday = engine.cardsToday;
		this.reviewsToday = engine.reviewsToday;
		this.finishedToday = engine.finishedToday;
		this.canUndo = engine.canUndo;
	}

	/**
	 * Grades the answer. A worked item's rating comes from correctness and pace; a card the
	 * learner rated themselves (a flashcard) takes their rating and goes straight to the next.
	 */
	async submit(): Promise<void> {
		const graded = this.answer?.submit();
		const engine = this.#engine;
		if (!graded || !engine || !this.answer) return;
		const own = graded.grade.rating;
		if (own !== undefined) {
			if ((await this.#grade(own, graded)) !== undefined) await this.#present();
			return;
		}
		const rating = engine.ratingFor(this.answer.item.id, graded.correct, graded.durationMs);
		const inDays = await this.#grade(rating, graded);
		if (inDays !== undefined) {
			this.lastRating = rating;
			this.lastInDays = inDays;
			this.phase = 'feedback';
		}
	}

	/** Resolves with the learner days until the card is due again, or undefined if not saved. */
	async #grade(rating: Grade, graded: GradedAnswer): Promise<number | undefined> {
		const engine = this.#engine;
		const item = this.answer?.item;
		if (!engine || !item || this.busy) return undefined;
		this.busy = true;
		try {
			const inDays = await engine.grade(item.id, rating, {
				itemType: item.type,
				response: graded.response,
				score: graded.score,
				correct: graded.correct,
				durationMs: graded.durationMs,
				mistakes: graded.mistakes,
				keyCodes: graded.keyCodes
			});
			this.#sync();
			void storage.keep();
			return inDays;
		} catch (e) {
			storage.fail(e);
			// Nothing was written; let the learner answer again.
			this.answer = new ItemAnswer(item, this.clock);
			return undefined;
		} finally {
			this.busy = false;
		}
	}

	async next(): Promise<void> {
		if (this.phase === 'feedback') await this.#present();
	}

	/** U: takes back the last grade and shows that item again. */
	async undo(): Promise<void> {
		const engine = this.#engine;
		if (!engine?.canUndo || this.busy) return;
		this.busy = true;
		try {
			await engine.undo();
		} catch (e) {
			storage.fail(e);
		} finally {
			this.busy = false;
		}
		await this.#present();
	}

	/** After a learning step has passed, look again for cards that came due. */
	async refresh(): Promise<void> {
		if (this.phase === 'done') await this.#present();
	}

	sectionTitle(item: Item): string {
		const bank = catalog.summaries?.find((b) => b.id === item.bankId);
		return bank?.sections.find((s) => s.id === item.section)?.title ?? item.section;
	}
}

/**
 * The drill engine over the shipped item index and the stored settings: the drill page and the
 * home page's counts open the same one, so the counts are the drill's. Not yet opened.
 */
export async function appDrillEngine(clock: () => number = Date.now): Promise<DrillEngine> {
	if (!storage.drill || !storage.attempts || !storage.settings)
		throw new Error(storage.error?.message ?? 'Storage is not available.');
	// The index, not the banks: the drill fetches the text of the items it shows only.
	const [index, stored] = await Promise.all([
		catalog.index(),
		storage.settings.get('srs', undefined)
	]);
	return new DrillEngine({
		drill: storage.drill,
		attempts: storage.attempts,
		items: index.entries.map((i) => ({
			itemId: i.id,
			bankId: i.bankId,
			section: i.section,
			type: i.type,
			exams: i.exams
		})),
		settings: srsSettings(stored),
		clock,
		offset: timezoneOffset
	});
}
