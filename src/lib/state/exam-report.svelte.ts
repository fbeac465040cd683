/**
 * A submitted exam's report. The score comes from what the exam stored when it was submitted (the
 * key, version and score of each item), so a later build cannot change it; the question and its
 * rationale come from the current bank. Exams submitted before scores were stored are scored
 * against the current bank, as they always were.
 */
import { indexById } from '$lib/content/bank';
import type { Item } from '$lib/content/types';
import type { ExamRecord } from '$lib/db/db';
import { scoreExam, type ExamScore } from '$lib/exam/score';
import { reportItems, type Revision } from '$lib/exam/scored';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

export class ExamReport {
	status = $state<'loading' | 'ready' | 'open' | 'abandoned' | 'error'>('loading');
	problem = $state<string | undefined>(undefined);
	exam = $state<ExamRecord | undefined>(undefined);
	score = $state<ExamScore | undefined>(undefined);
	/** Each item still in the bank, carrying the key it was scored against. */
	items = $state.raw<ReadonlyMap<string, Item>>(indexById([]));
	/** Items the bank has revised since the exam: their key, or only their wording. */
	revisions = $state.raw<ReadonlyMap<string, Revision> | undefined>(undefined);

	async load(id: string): Promise<void> {
		try {
			if (!(await storage.open()) || !storage.exams)
				throw new Error('This browser is not letting the app read its stored exams.');
			const exam = await storage.exams.get(id);
			if (!exam) throw new Error('There is no such exam on this device.');
			this.exam = exam;
			if (exam.abandonedAt !== undefined) {
				this.status = 'abandoned';
				return;
			}
			if (exam.submittedAt === undefined) {
				this.status = 'open';
				return;
			}
			const bank = await catalog.itemsByIds(exam.itemIds);
			const shown = reportItems(exam.itemIds, bank, exam.scored);
			this.items = shown.items;
			this.revisions = shown.revisions;
			this.score = scoreExam(exam.spec, bank, exam);
			this.status = 'ready';
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}
}
