/** The mock exam page: what each preset would draw now, the exam in progress, past exams. */
import type { Bank } from '$lib/content/types';
import type { ExamRecord } from '$lib/db/db';
import { miniOf, PRESETS, type Preset } from '$lib/exam/presets';
import { catalog } from './catalog.svelte';
import { lastExamItems, planExam, startExam, type ExamPlan } from './exam-engine';
import { storage } from './storage.svelte';

export interface PresetOption {
	preset: Preset;
	plan: ExamPlan;
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
	bank = $state<Bank | undefined>(undefined);
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
			// Every preset draws from the same bank today; the data says which.
			this.bank = await catalog.bank(PRESETS[0]?.bankId ?? 'cpc');
			const option = (preset: Preset) => ({
				preset,
				plan: planExam(preset, this.bank!.items, 0, this.#avoid)
			});
			this.full = PRESETS.map(option);
			this.minis = PRESETS.map((p) => option(miniOf(p)));
			this.status = 'ready';
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}

	/** Draws a fresh exam and stores it; resolves with its id. */
	async start(preset: Preset): Promise<string> {
		if (!this.bank || !storage.exams) throw new Error('The exam page has not loaded yet.');
		const seed = randomSeed();
		// Presets held in $state are proxies, which IndexedDB cannot clone.
		const plan = planExam($state.snapshot(preset) as Preset, this.bank.items, seed, this.#avoid);
		const exam = await startExam(storage.exams, plan, seed, Date.now());
		return exam.id;
	}
}
