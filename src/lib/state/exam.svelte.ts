/**
 * The exam screen's state: the engine's record mirrored into runes, the wall and monotonic
 * clocks (the engine bounds the time left by both), the item on screen, its response saved as
 * it is given (every keystroke of typed codes too), and the one-tab lock.
 */
import { indexById } from '$lib/content/bank';
import type { Item } from '$lib/content/types';
import type { ExamRecord } from '$lib/db/db';
import { ExamClosedError } from '$lib/db/repositories';
import { localOffset } from '$lib/db/totals';
import { missRelearner } from '$lib/srs/misses';
import { srsSettings } from '$lib/srs/settings';
import { formatMinutes, itemTimeMs, MINUTE, warningDue } from '$lib/exam/timing';
import { isAnswered, readResponse, type ItemResponse } from '$lib/grading/item';
import { kindOf } from '$lib/items/registry';
import { catalog } from './catalog.svelte';
import { announceExam, listenForExams } from './exam-channel';
import { ExamEngine } from './exam-engine';
import { storage } from './storage.svelte';

export type ExamPhase =
	'loading' | 'taking' | 'review' | 'paused' | 'submitted' | 'abandoned' | 'error';
/** Whether this tab may write: another tab holding the exam makes this one read-only. */
export type LockState = 'pending' | 'held' | 'elsewhere' | 'lost';
/** `withdrawn`: a later build of the bank no longer has the item; it is shown but not scored. */
export type ItemMark = 'answered' | 'blank' | 'withdrawn';

export class ExamSession {
	phase = $state<ExamPhase>('loading');
	problem = $state<string | undefined>(undefined);
	exam = $state<ExamRecord | undefined>(undefined);
	/** The exam's questions in order, withdrawn ones included, so numbering never shifts. */
	ids = $state<string[]>([]);
	/** The bank's items by id; an id of the exam missing here was withdrawn after the start. */
	items = $state.raw<ReadonlyMap<string, Item>>(indexById([]));
	index = $state(0);
	now = $state(Date.now());
	/** The monotonic clock at the same tick as `now`. */
	mono = $state(0);
	lock = $state<LockState>('pending');
	saving = $state<'saved' | 'saving' | 'failed'>('saved');
	/** The latest time warning, for the live region. */
	warning = $state<string | undefined>(undefined);
	/**
	 * The response of the item on screen as the learner is giving it (its kind's shape): the
	 * stored one, or a blank one. Typed codes live here between a keystroke and its write.
	 */
	draft = $state<ItemResponse | undefined>(undefined);

	#engine: ExamEngine | undefined;
	#announced: number[] = [];
	/** When the item on screen was shown, on the monotonic clock (the wall clock can be set). */
	#shownAt: number | undefined;
	/** Writes run one after another, so a later keystroke can never be overwritten by an earlier. */
	#queue: Promise<void> = Promise.resolve();
	#pending = 0;
	#finishing = false;
	#release: (() => void) | undefined;
	#waiting: AbortController | undefined;
	#unlisten: (() => void) | undefined;
	#deps: ConstructorParameters<typeof ExamEngine>[1] | undefined;

	constructor(
		private readonly clock: () => number = Date.now,
		private readonly monotonic: () => number = () => performance.now()
	) {}

	/** The item on screen; undefined when it was withdrawn from the bank. */
	get current(): Item | undefined {
		return this.items.get(this.ids[this.index] ?? '');
	}

	get currentId(): string | undefined {
		return this.ids[this.index];
	}

	withdrawn(itemId: string): boolean {
		return !this.items.has(itemId);
	}

	get withdrawnCount(): number {
		return this.ids.filter((id) => this.withdrawn(id)).length;
	}

	get remaining(): number {
		// Reads `exam` too, so the timer follows a pause or resume as well as the ticks.
		return this.exam && this.#engine ? this.#engine.left(this.now, this.mono) : 0;
	}

	get writable(): boolean {
		return this.lock === 'held' && (this.phase === 'taking' || this.phase === 'review');
	}

	response(itemId: string): ItemResponse | undefined {
		return this.exam?.answers[itemId];
	}

	mark(itemId: string): ItemMark {
		if (this.withdrawn(itemId)) return 'withdrawn';
		return isAnswered(this.response(itemId)) ? 'answered' : 'blank';
	}

	flagged(itemId: string): boolean {
		return this.exam?.flags.includes(itemId) ?? false;
	}

	get answeredCount(): number {
		return this.ids.filter((id) => this.mark(id) === 'answered').length;
	}

	async load(id: string): Promise<void> {
		try {
			if (!(await storage.open()) || !storage.exams)
				throw new Error('This browser is not letting the app store anything, so exams cannot run.');
			const exam = await storage.exams.get(id);
			if (!exam) throw new Error('There is no such exam on this device.');
			const byId = await catalog.itemsByIds(exam.itemIds);
			// An item a later build dropped is shown as withdrawn and not scored: refusing to open
			// the exam would leave it open for good, and every other exam blocked behind it.
			this.items = byId;
			this.ids = exam.itemIds;
			this.#deps = {
				exams: storage.exams,
				items: byId,
				clock: this.clock,
				monotonic: this.monotonic,
				relearn: missRelearner(
					srsSettings(await storage.settings?.get('srs', undefined)),
					localOffset,
					'exam'
				)
			};
			this.#engine = await ExamEngine.open(id, this.#deps);
			this.#sync();
			// The item on screen and its code fields are set before any phase, a closed exam too:
			// a page that renders the exam always finds one code entry per part of the item.
			this.index = Math.min(this.exam!.position, this.ids.length - 1);
			this.#loadDraft();
			if (this.#engine.abandoned || this.#engine.submitted) {
				this.phase = this.#engine.abandoned ? 'abandoned' : 'submitted';
				return;
			}
			this.#announced = [];
			this.#readClocks();
			this.phase = this.exam!.pausedAt !== undefined ? 'paused' : 'taking';
			this.#shownAt = this.phase === 'taking' ? this.mono : undefined;
			this.#requestLock(id, 'try');
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			this.phase = 'error';
		}
	}

	/** Called about four times a second: the clock, warnings, and the end of time. */
	async tick(): Promise<void> {
		this.#readClocks();
		const exam = this.exam;
		const engine = this.#engine;
		if (!exam || !engine || !['taking', 'review', 'paused'].includes(this.phase)) return;
		const due = warningDue(exam, this.now, this.#announced, this.remaining);
		if (due !== undefined) {
			// Reopened late: announce only the nearest warning, not every one already passed.
			this.#announced.push(...[30 * MINUTE, 5 * MINUTE].filter((t) => t >= due));
			this.warning = `${formatMinutes(due / MINUTE)} left.`;
		}
		// Any tab may end a timed-out exam: the submit transaction lets only the first one through.
		if (engine.over(this.now, this.mono)) await this.#finish(true);
	}

	/**
	 * A changed response from the answer component: saved at once (every keystroke of typed
	 * codes too), so closing the tab a moment later loses nothing.
	 */
	respond(response: ItemResponse): void {
		if (!this.writable || !this.current) return;
		this.draft = response;
		void this.#saveDraft();
	}

	/** A key pressed outside a text field, through the kind's keyboard map; true if it was used. */
	press(key: string): boolean {
		const item = this.current;
		if (!this.writable || !item || !this.draft) return false;
		const act = kindOf(item).key(item, $state.snapshot(this.draft), key);
		if (!act?.response) return false;
		this.respond(act.response as ItemResponse);
		return true;
	}

	toggleFlag(itemId = this.current?.id): void {
		if (!this.writable || itemId === undefined) return;
		const on = !this.flagged(itemId);
		void this.#write(() => this.#engine!.flag(itemId, on));
	}

	async go(index: number): Promise<void> {
		if (index < 0 || index >= this.ids.length) return;
		await this.#saveDraft();
		await this.#spend(index);
		this.index = index;
		this.#loadDraft();
		if (this.phase === 'review') this.phase = 'taking';
	}

	async review(): Promise<void> {
		await this.#saveDraft();
		await this.#spend(this.index);
		this.phase = 'review';
	}

	async pause(): Promise<void> {
		if (!this.writable || !this.exam?.spec.pause) return;
		await this.#saveDraft();
		await this.#spend(this.index);
		await this.#write(() => this.#engine!.pause());
		this.phase = 'paused';
	}

	async resume(): Promise<void> {
		if (this.lock !== 'held' || this.phase !== 'paused') return;
		await this.#write(() => this.#engine!.resume());
		this.#readClocks();
		this.phase = 'taking';
		this.#shownAt = this.mono;
	}

	async submit(): Promise<void> {
		if (!this.writable) return;
		await this.#saveDraft();
		await this.#spend(this.index);
		await this.#finish(false);
	}

	/**
	 * Gives the exam up, from any tab (the store refuses it once the exam is closed): answers
	 * already under way are written first, then the exam is marked abandoned and never scored.
	 */
	async abandon(): Promise<void> {
		const engine = this.#engine;
		if (!engine || !['taking', 'review', 'paused'].includes(this.phase)) return;
		await this.#queue;
		try {
			await engine.abandon();
		} catch (e) {
			storage.fail(e);
			this.saving = 'failed';
			return;
		}
		this.#sync();
		this.phase = engine.submitted ? 'submitted' : 'abandoned';
		announceExam({ id: engine.exam.id, abandoned: true });
		this.#release?.();
	}

	/** The page went to the background: bank the time on this item (and count none while away). */
	async hidden(): Promise<void> {
		await this.#saveDraft();
		if (this.phase === 'taking') await this.#spend(this.index);
		this.#shownAt = undefined;
	}

	visible(): void {
		if (this.phase === 'taking') this.#shownAt = this.monotonic();
		void this.tick();
	}

	/** Moves the exam to this tab; the other tab becomes read-only. */
	takeOver(): void {
		if (this.exam) this.#requestLock(this.exam.id, 'steal');
	}

	destroy(): void {
		this.#waiting?.abort();
		this.#release?.();
		this.#unlisten?.();
	}

	/**
	 * One tab writes to an exam at a time (Web Locks). A tab that finds the exam open elsewhere is
	 * read-only and queues for the lock, so it takes over by itself when the other tab closes;
	 * "Continue here" steals it. A BroadcastChannel tells the other tabs when the exam is submitted
	 * or abandoned.
	 */
	#requestLock(id: string, mode: 'try' | 'wait' | 'steal'): void {
		const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
		if (!locks) {
			// Without Web Locks the single-submit transaction still refuses a double submit.
			this.lock = 'held';
			return;
		}
		this.#listen(id);
		this.#waiting?.abort();
		this.#waiting = undefined;
		const hold = async (lock: Lock | null) => {
			if (!lock) {
				this.lock = 'elsewhere';
				this.#requestLock(id, 'wait');
				return;
			}
			this.#waiting = undefined;
			// The other tab may have written since this one loaded.
			if (mode !== 'try') await this.#reload(id);
			this.lock = 'held';
			await new Promise<void>((resolve) => (this.#release = resolve));
		};
		const name = `codedrill-exam-${id}`;
		let request: Promise<unknown>;
		if (mode === 'steal') request = locks.request(name, { steal: true }, hold);
		else if (mode === 'try') request = locks.request(name, { ifAvailable: true }, hold);
		else {
			this.#waiting = new AbortController();
			request = locks.request(name, { signal: this.#waiting.signal }, hold);
		}
		request.catch((e: unknown) => {
			if (mode === 'wait' && e instanceof DOMException && e.name === 'AbortError') return;
			// Stolen by another tab: this one stops writing and queues to get it back.
			this.lock = 'lost';
			this.#requestLock(id, 'wait');
		});
	}

	#listen(id: string): void {
		this.#unlisten ??= listenForExams((news) => {
			if (news.id === id && (news.submitted || news.abandoned)) void this.#reload(id);
		});
	}

	async #reload(id: string): Promise<void> {
		if (!this.#deps) return;
		this.#engine = await ExamEngine.open(id, this.#deps);
		this.#sync();
		if (this.#engine.abandoned) this.phase = 'abandoned';
		else if (this.#engine.submitted) this.phase = 'submitted';
		else this.#loadDraft();
	}

	#loadDraft(): void {
		const item = this.current;
		this.draft = item
			? (readResponse(item, this.response(item.id)) ?? (kindOf(item).empty(item) as ItemResponse))
			: undefined;
	}

	/** Responses not yet handed to a write, per item: the write waiting its turn takes them. */
	// Not state: nothing on screen reads it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#unsaved = new Map<string, ItemResponse>();
	/** The write queued and not yet started, if any. */
	#draftWrite: Promise<void> | undefined;

	/**
	 * Saves the draft. Keystrokes that come while another write is under way do not queue one
	 * write each (closing the tab then kept a prefix: "K2" of "K21.9"): they join the one write
	 * still waiting, which takes the latest response when its turn comes. So the whole code is
	 * the next thing written, and a flush on pagehide or a hidden page writes it at once.
	 */
	#saveDraft(): Promise<void> {
		const item = this.current;
		if (!item || !this.writable || !this.draft) return Promise.resolve();
		this.#unsaved.set(item.id, $state.snapshot(this.draft) as ItemResponse);
		this.#draftWrite ??= this.#write(async () => {
			this.#draftWrite = undefined;
			const unsaved = [...this.#unsaved];
			this.#unsaved.clear();
			const engine = this.#engine!;
			for (const [itemId, next] of unsaved) {
				const stored = engine.exam.answers[itemId];
				if (!stored && !isAnswered(next)) continue;
				if (JSON.stringify(stored) === JSON.stringify(next)) continue;
				await engine.answer(itemId, isAnswered(next) ? next : undefined);
			}
		});
		return this.#draftWrite;
	}

	async #spend(nextIndex: number): Promise<void> {
		const item = this.current;
		const mono = this.monotonic();
		const exam = this.exam;
		const ms = this.#shownAt === undefined || !exam ? 0 : itemTimeMs(exam, this.#shownAt, mono);
		this.#shownAt = this.phase === 'paused' ? undefined : mono;
		if (this.lock !== 'held' || this.#engine?.submitted) return;
		await this.#write(() => this.#engine!.spend(item?.id, ms, nextIndex));
	}

	async #finish(auto: boolean): Promise<void> {
		const engine = this.#engine;
		// The clock ticks four times a second; one submit at a time is enough.
		if (!engine || engine.submitted || engine.abandoned || this.#finishing) return;
		this.#finishing = true;
		try {
			// Answers already given are written before the exam closes.
			await this.#queue;
			await engine.submit(auto);
		} catch (e) {
			storage.fail(e);
			this.saving = 'failed';
			return;
		} finally {
			this.#finishing = false;
		}
		this.#sync();
		// Abandoned in another tab a moment before: the store refused the submit.
		if (engine.abandoned) {
			this.phase = 'abandoned';
			return;
		}
		this.phase = 'submitted';
		announceExam({ id: engine.exam.id, submitted: true });
		this.#release?.();
	}

	#write(run: () => Promise<void>): Promise<void> {
		this.#pending++;
		this.saving = 'saving';
		const done = this.#queue.then(() => this.#run(run));
		this.#queue = done;
		return done;
	}

	/** Never rejects, so one failed write does not stop the queue. */
	async #run(run: () => Promise<void>): Promise<void> {
		let failed = false;
		try {
			await run();
		} catch (e) {
			if (e instanceof ExamClosedError) this.phase = e.how;
			else {
				storage.fail(e);
				failed = true;
			}
		}
		this.#pending--;
		if (failed) this.saving = 'failed';
		else if (this.#pending === 0) this.saving = 'saved';
		this.#sync();
	}

	#readClocks(): void {
		this.now = this.clock();
		this.mono = this.monotonic();
	}

	#sync(): void {
		this.exam = this.#engine ? structuredClone(this.#engine.exam) : undefined;
	}
}
