import { describe, expect, it } from 'vitest';
import type { Item } from '../content/types';
import {
	codeFields,
	gradeItem,
	gradeParts,
	isAnswered,
	keyText,
	responseText,
	type ItemResponse
} from './item';

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

const codeEntry: Item = {
	...base,
	id: 'c',
	type: 'code-entry',
	scenario: '',
	answer: { icd10cm: ['E11.9', 'I10'], procedures: ['99213'], icd10pcs: [] }
};
const card: Item = {
	...base,
	id: 'f',
	type: 'flashcard',
	front: 'E11.9?',
	back: 'Type 2 diabetes'
};

/** Blank, partly answered and odd stored responses, for every item type (issue 9, item 1). */
describe('unanswered and partly answered items of every type', () => {
	const blank: (ItemResponse | undefined)[] = [undefined, { choice: '' }, { codes: [] }];

	it('score zero, read as blank and write an em dash, whatever the type', () => {
		for (const item of [sba, codeEntry, kase, card])
			for (const r of blank) {
				expect(isAnswered(r)).toBe(false);
				expect(gradeItem(item, r)).toEqual({ score: 0, correct: false });
				expect(responseText(item, r)).toBe('—');
			}
	});

	it('a part stored as a hole (an older record) is blank, not a crash', () => {
		// eslint-disable-next-line no-sparse-arrays
		const holed = { codes: [, { icd10cm: 'I10' }] } as unknown as ItemResponse;
		expect(isAnswered(holed)).toBe(true);
		expect(gradeItem(kase, holed).score).toBeCloseTo(1 / 3);
		expect(responseText(kase, holed)).toBe('— | I10');
		expect(isAnswered({ codes: [undefined] } as unknown as ItemResponse)).toBe(false);
	});

	it('gives the code fields one entry per part, filled from what was stored', () => {
		expect(codeFields(codeEntry, undefined)).toEqual([{}]);
		expect(codeFields(kase, undefined)).toEqual([{}, {}]);
		expect(codeFields(kase, { codes: [{ icd10cm: 'E11.9' }] })).toEqual([{ icd10cm: 'E11.9' }, {}]);
		expect(codeFields(kase, { choice: 'B' })).toEqual([{}, {}]);
		expect(codeFields(sba, { choice: 'B' })).toEqual([]);
		expect(codeFields(card, undefined)).toEqual([]);
		// A copy: typing into the fields must not change the stored record.
		const stored = { codes: [{ icd10cm: 'E11.9' }] };
		codeFields(codeEntry, stored)[0]!.icd10cm = 'I10';
		expect(stored.codes[0]!.icd10cm).toBe('E11.9');
	});

	it('grades each part of a partly answered case, and the blank parts as missed', () => {
		const parts = gradeParts(kase, { codes: [{}, { icd10cm: 'I10' }] });
		expect(parts.map((p) => [p.earned, p.possible])).toEqual([
			[0, 2],
			[1, 1]
		]);
		expect(gradeParts(codeEntry, undefined)[0]!.lines.map((l) => l.status)).toEqual([
			'missing',
			'missing',
			'missing'
		]);
		expect(gradeParts(sba, { choice: 'C' })).toEqual([]);
		expect(gradeParts(card, undefined)).toEqual([]);
	});

	it('a partly typed code entry earns partial credit and shows what was typed', () => {
		const r = { codes: [{ icd10cm: 'I10, E11.9' }] };
		expect(gradeItem(codeEntry, r).score).toBeCloseTo(1.5 / 3);
		expect(gradeItem(codeEntry, r).correct).toBe(false);
		expect(responseText(codeEntry, r)).toBe('I10, E11.9');
	});
});
