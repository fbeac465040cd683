/**
 * The mistake kinds and key codes reach the attempt log and its totals from every place that
 * writes an answer: the item answer (practice and the drill spread it) and exam submission.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { createDb } from '../db/db';
import { examsRepo, statsRepo } from '../db/repositories';
import { customPreset } from '../exam/presets';
import { ExamEngine, planExam, startExam } from './exam-engine';
import { ItemAnswer } from './item-answer.svelte';

const T0 = Date.UTC(2026, 10, 23, 9, 0);

describe('mistake fields', () => {
	it('an item answer carries the kinds of its wrong codes and the key codes it got', () => {
		const answer = new ItemAnswer(makeItem('ce-1', 'icd10cm', 'code-entry'), () => T0);
		answer.respond({ codes: [{ icd10cm: 'E10.9, I10' }] });
		const graded = answer.submit();
		expect(graded?.mistakes).toEqual([
			{ kind: 'other-category', given: 'E10.9', expected: 'E11.9' }
		]);
		expect(graded?.keyCodes).toEqual({ 'E11.9': false, I10: true });
	});

	it('a flashcard answer carries neither', () => {
		const answer = new ItemAnswer(makeItem('fc-1', 'terms', 'flashcard'), () => T0);
		answer.respond({ recall: { revealed: true, grade: 'Good' } });
		const graded = answer.submit();
		expect(graded && 'mistakes' in graded).toBe(false);
		expect(graded && 'keyCodes' in graded).toBe(false);
	});

	it('a submitted exam writes them into its attempts, and so into the totals', async () => {
		const db = createDb('mistakes', { indexedDB: new IDBFactory(), IDBKeyRange });
		const item = makeItem('ce-1', 'icd10cm', 'code-entry');
		const deps = {
			exams: examsRepo(db),
			items: new Map([[item.id, item]]),
			clock: () => T0,
			monotonic: () => 0
		};
		const preset = customPreset({
			bankId: 'cpc',
			sections: [{ id: 'icd10cm', title: 'ICD-10-CM' }],
			items: 1,
			minutes: 10
		});
		const plan = planExam(preset, [item], 1, new Set());
		const engine = new ExamEngine(await startExam(deps.exams, plan, 1, T0), deps);
		await engine.answer(item.id, { codes: [{ icd10cm: 'I10, E11.9' }] });
		await engine.submit();

		const [attempt] = await db.attempts.toArray();
		expect(attempt?.mistakes).toEqual([{ kind: 'sequencing', given: 'E11.9', expected: 'E11.9' }]);
		expect(attempt?.keyCodes).toEqual({ 'E11.9': true, I10: true });
		const stats = statsRepo(db);
		const days = await stats.daysFrom(0);
		expect(days.map((d) => d.mistakes)).toEqual([{ sequencing: 1 }]);
		expect(await stats.mistakeExamples()).toEqual({
			sequencing: { kind: 'sequencing', given: 'E11.9', expected: 'E11.9', itemId: 'ce-1', at: T0 }
		});
	});
});
