/** A submitted exam's report: the stored record scored against the bank's items. */
import { indexById } from '$lib/content/bank';
import type { Item } from '$lib/content/types';
import type { ExamRecord } from '$lib/db/db';
import { scoreExam, type ExamScore } from '$lib/exam/score';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

export class ExamReport {
	status = $state<'loading' | 'ready' | 'open' | 'abandoned' | 'error'>('loading');
	problem = $state<string | undefined>(undefined);
	exam = $state<ExamRecord | undefined>(undefined);
	score = $state<ExamScore | undefined>(undefined);
	items = $state<ReadonlyMap<string, Item>>(indexById([]));

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
			const bank = await catalog.bank(exam.spec.bankId);
			this.items = indexById(bank.items);
			this.score = scoreExam(exam.spec, this.items, exam);
			this.status = 'ready';
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}
}
