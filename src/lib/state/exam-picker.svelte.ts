/** The mock exam page: what each preset would draw now, the exam in progress, past exams. */
import type { BankSummary } from '$lib/content/types';
import type { ExamRecord } from '$lib/db/db';
import type { DrawableItem } from '$lib/exam/assemble';
import { presetCoverage, type PresetCoverage } from '$lib/exam/coverage';
import { miniOf, PRESETS, type Preset } from '$lib/exam/presets';
import { catalog } from './catalog.svelte';
import { lastExamItems, planExam, startExam, type ExamPlan } from './exam-engine';
import { storage } from './storage.svelte';
import { kindOfType } from '$lib/items/registry';

export interface PresetOption {
	preset: Preset;
	plan: ExamPlan;
	/** Full presets only: how far the banks fall short at best, and whether two exams fit. */
	coverage?: PresetCoverage;
}

function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] ?? Date.now() >>> 0;
}

export class ExamPicker {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	problem = $state<string | undefined>(undefined);
	inProgress = $state<ExamRecord | undefined>(undefined);
	history = $state<ExamRecord[]>([]);
	full = $state<PresetOption[]>([]);
	minis = $state<PresetOption[]>([]);
	/** The banks with answerable items, for the custom exam's choice of bank and sections. */
	banks = $state<BankSummary[]>([]);
	/** Answerable items (no flashcards) per `bank/section`. */
	counts = $state<Record<string, number>>({});
	#items: DrawableItem[] = [];
	#avoid: ReadonlySet<string> = lastExamItems([]);

	async load(): Promise<void> {
		try {
			if (!(await storage.open()) || !storage.exams)
				throw new Error(
					'This browser is not letting the app store anything (a private window?), so mock exams cannot be saved.'
				);
			const [inProgress, history] = await Promise.all([
				storage.exams.inProgress(),
				storage.exams.history()
			]);
			this.inProgress = inProgress;
			this.history = history;
			this.#avoid = lastExamItems(history);
			// A preset draws from several shipped banks (an imported bank is not exam-checked);
			// kinds with nothing to score (flashcards) are never drawn. The compact index is
			// all a draw needs (no item text): the bodies are fetched when the exam opens.
			const [index] = await Promise.all([catalog.shippedIndex(), catalog.loadSummaries()]);
			this.#items = index.entries.filter((i) => kindOfType(i.type).examable);
			const counts: Record<string, number> = {};
			for (const i of this.#items) {
				const key = `${i.bankId}/${i.section}`;
				counts[key] = (counts[key] ?? 0) + 1;
			}
			this.counts = counts;
			this.banks = (catalog.summaries ?? []).filter((b) =>
				b.sections.some((s) => counts[`${b.id}/${s.id}`])
			);
			const option = (preset: Preset) => ({
				preset,
				plan: planExam(preset, this.#items, 0, this.#avoid)
			});
			this.full = PRESETS.map((p) => ({ ...option(p), coverage: presetCoverage(p, this.#items) }));
			this.minis = PRESETS.map((p) => option(miniOf(p)));
			this.status = 'ready';
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}

	/** Draws a fresh exam and stores it; resolves with its id. */
	async start(preset: Preset): Promise<string> {
		if (this.status !== 'ready' || !storage.exams)
			throw new Error('The exam page has not loaded yet.');
		const seed = randomSeed();
		// Presets held in $state are proxies, which IndexedDB cannot clone.
		const plan = planExam($state.snapshot(preset) as Preset, this.#items, seed, this.#avoid);
		const exam = await startExam(storage.exams, plan, seed, Date.now());
		return exam.id;
	}
}
