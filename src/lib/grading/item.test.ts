import { describe, expect, it } from 'vitest';
import type { Item } from '../content/types';
import { gradeItem, gradeParts, isAnswered, keyText, responseText } from './item';

const base = {
	bankId: 'b',
	exams: [],
	section: 's',
	systems: [],
	codeSetYear: 2026,
	difficulty: 2 as const,
	tags: [],
	rationale: '',
	file: ''
};
const sba: Item = {
	...base,
	id: 'q',
	type: 'single-best-answer',
	scenario: '',
	options: [],
	answer: 'C'
};
const kase: Item = {
	...base,
	id: 'k',
	type: 'case',
	scenario: '',
	parts: [
		{ prompt: 'a', answer: { icd10cm: ['E11.9'], procedures: ['99213-25'], icd10pcs: [] } },
		{ prompt: 'b', answer: { icd10cm: ['I10'], procedures: [], icd10pcs: [] } }
	]
};

describe('stored responses', () => {
	it('an untouched code field or empty choice is not an answer', () => {
		expect(isAnswered(undefined)).toBe(false);
		expect(isAnswered({ choice: '' })).toBe(false);
		expect(isAnswered({ codes: [{ icd10cm: '  ' }, {}] })).toBe(false);
		expect(isAnswered({ codes: [{}, { icd10cm: 'I10' }] })).toBe(true);
	});

	it('grades a choice and typed codes per part', () => {
		expect(gradeItem(sba, { choice: 'C' })).toEqual({ score: 1, correct: true });
		expect(gradeItem(sba, { choice: 'B' })).toEqual({ score: 0, correct: false });
		expect(gradeItem(sba, { codes: [{ icd10cm: 'C' }] })).toEqual({ score: 0, correct: false });
		const r = { codes: [{ icd10cm: 'e119', procedures: '99213-25' }, { icd10cm: 'i10' }] };
		expect(gradeItem(kase, r)).toEqual({ score: 1, correct: true });
		expect(gradeItem(kase, { codes: [{ icd10cm: 'E11.9' }] }).score).toBeCloseTo(1 / 3);
		expect(gradeParts(kase, { codes: [{ icd10cm: 'E11.9' }] }).map((p) => p.earned)).toEqual([
			1, 0
		]);
	});

	it('writes the key and the answer on one line each', () => {
		expect(keyText(sba)).toBe('C');
		expect(keyText(kase)).toBe('E11.9, 99213-25 | I10');
		expect(responseText(sba, undefined)).toBe('—');
		expect(responseText(kase, { codes: [{ icd10cm: 'e119 ' }, {}] })).toBe('e119 | —');
	});
});
