import { describe, expect, it } from 'vitest';
import type { CodeKey, Item } from '../content/types';
import { gradeCodeEntry } from './grade';
import {
	answerMistakes,
	chapterOf,
	classifyIcd10cm,
	classifyPcs,
	mistakesOfLines,
	optionCodes,
	sameButSide
} from './mistakes';

const base = {
	bankId: 'demo',
	exams: [],
	section: 'icd10cm',
	systems: [],
	codeSetYear: 2027,
	difficulty: 2 as const,
	tags: [],
	rationale: 'Because.',
	file: 'demo.md'
};

function key(k: Partial<CodeKey>): CodeKey {
	return { icd10cm: [], procedures: [], icd10pcs: [], ...k };
}

function codeEntry(answer: Partial<CodeKey>): Item {
	return { ...base, id: 'ce-1', type: 'code-entry', scenario: 'A note.', answer: key(answer) };
}

function choice(answer: string, ...texts: string[]): Item {
	return {
		...base,
		id: 'sba-1',
		type: 'single-best-answer',
		scenario: 'Which?',
		answer,
		options: texts.map((text, i) => ({ letter: 'ABCD'[i]!, text }))
	};
}

/** The mistakes of typed codes against a key, graded as the app grades them. */
function typed(k: Partial<CodeKey>, response: Record<string, string>) {
	return mistakesOfLines(gradeCodeEntry(key(k), response).lines);
}

describe('chapterOf', () => {
	it('reads the official chapter ranges, by category', () => {
		expect(chapterOf('A00.0')).toBe(1);
		expect(chapterOf('C7A.00')).toBe(2);
		expect(chapterOf('D50.0')).toBe(3);
		expect(chapterOf('E11.9')).toBe(4);
		expect(chapterOf('H60.00')).toBe(8);
		expect(chapterOf('O9A.11')).toBe(15);
		expect(chapterOf('Z79.84')).toBe(21);
		expect(chapterOf('U07.1')).toBe(22);
	});

	it('puts QA1 (FY2027, after the ranges were written) in chapter 17 with QA0', () => {
		expect(chapterOf('QA1.71')).toBe(17);
		expect(chapterOf('QA0.0101')).toBe(17);
	});

	it('knows no category that ICD-10-CM does not have', () => {
		expect(chapterOf('E99.1')).toBeUndefined();
		expect(chapterOf('U99')).toBeUndefined();
	});
});

describe('sameButSide', () => {
	it('finds codes whose titles differ only in the side', () => {
		expect(sameButSide('E11.3511', 'E11.3512')).toBe(true);
		// "right eye" and "bilateral" name the same place
		expect(sameButSide('E11.3511', 'E11.3513')).toBe(true);
		expect(sameButSide('M17.11', 'M17.12')).toBe(true);
		// different parents, same title but the side
		expect(sameButSide('C43.111', 'C43.121')).toBe(true);
	});

	it('compares the stems of codes with the same 7th character', () => {
		expect(sameButSide('S72.001A', 'S72.002A')).toBe(true);
		expect(sameButSide('H40.1111', 'H40.1121')).toBe(true);
		expect(sameButSide('S72.001A', 'S72.002D')).toBe(false);
	});

	it('is not fooled by siblings that differ in something else', () => {
		expect(sameButSide('E11.21', 'E11.22')).toBe(false);
		expect(sameButSide('E11.3511', 'E11.3521')).toBe(false);
		expect(sameButSide('M17.11', 'M17.11')).toBe(false);
	});
});

describe('classifyIcd10cm', () => {
	it.each([
		['E11.6', 'E11.65', 'header'],
		['E11', 'E11.9', 'header'],
		['T39.1', 'T39.1X1A', 'header'],
		['S72.001', 'S72.001A', 'header'],
		['S72.001D', 'S72.001A', 'seventh-character'],
		['H40.1112', 'H40.1111', 'seventh-character'],
		['S72.002A', 'S72.001A', 'laterality'],
		['E11.3512', 'E11.3511', 'laterality'],
		['M17.12', 'M17.11', 'laterality'],
		['E11.22', 'E11.21', 'specificity'],
		['S72.002D', 'S72.001A', 'specificity'],
		['M17.0', 'M17.11', 'specificity'],
		['E11.9', 'E11.65', 'specificity'],
		['E10.9', 'E11.9', 'other-category'],
		['E13.9', 'E11.9', 'other-category'],
		['J45.909', 'I10', 'other-chapter'],
		['QA1.71', 'Q87.89', 'other-category'],
		['E99.1', 'E11.9', 'invalid'],
		['E11.99999', 'E11.9', 'invalid'],
		['11.9', 'E11.9', 'invalid']
	])('%s against %s is %s', (given, expected, kind) => {
		expect(classifyIcd10cm(given, expected)).toBe(kind);
	});
});

describe('classifyPcs', () => {
	it('judges by the characters shared with the key', () => {
		expect(classifyPcs('0SRB019', '0SR9019')).toBe('specificity');
		expect(classifyPcs('0SQ90ZZ', '0SR9019')).toBe('other-category');
		expect(classifyPcs('0DTJ4ZZ', '0SR9019')).toBe('other-chapter');
		expect(classifyPcs('0SR901', '0SR9019')).toBe('invalid');
	});
});

describe('mistakesOfLines', () => {
	it('has no mistakes for a right answer, and every key code given', () => {
		expect(typed({ icd10cm: ['E11.9', 'I10'] }, { icd10cm: 'E11.9, I10' })).toEqual({
			mistakes: [],
			keyCodes: { 'E11.9': true, I10: true }
		});
	});

	it('calls a first-listed code given later a sequencing mistake, and the code given', () => {
		expect(typed({ icd10cm: ['E11.9', 'I10'] }, { icd10cm: 'I10, E11.9' })).toEqual({
			mistakes: [{ kind: 'sequencing', given: 'E11.9', expected: 'E11.9' }],
			keyCodes: { 'E11.9': true, I10: true }
		});
	});

	it('pairs a wrong code with the key code it most likely meant', () => {
		const { mistakes, keyCodes } = typed(
			{ icd10cm: ['S72.001A', 'E11.9', 'I10'] },
			{ icd10cm: 'S72.002A, E10.9, J45.909' }
		);
		expect(mistakes).toEqual([
			{ kind: 'laterality', given: 'S72.002A', expected: 'S72.001A' },
			{ kind: 'other-category', given: 'E10.9', expected: 'E11.9' },
			{ kind: 'other-chapter', given: 'J45.909', expected: 'I10' }
		]);
		expect(keyCodes).toEqual({ 'S72.001A': false, 'E11.9': false, I10: false });
	});

	it('pairs by closeness, not by the order the codes were typed', () => {
		const { mistakes } = typed({ icd10cm: ['E11.65', 'I10'] }, { icd10cm: 'I11.9, E11.6' });
		expect(mistakes).toEqual([
			{ kind: 'header', given: 'E11.6', expected: 'E11.65' },
			{ kind: 'other-category', given: 'I11.9', expected: 'I10' }
		]);
	});

	it('counts codes beyond the key as extra, a non-code as invalid, the rest as missing', () => {
		expect(typed({ icd10cm: ['E11.9'] }, { icd10cm: 'E11.9, I10, E99.1' }).mistakes).toEqual([
			{ kind: 'extra', given: 'I10' },
			{ kind: 'invalid', given: 'E99.1' }
		]);
		expect(typed({ icd10cm: ['E11.9', 'I10'] }, { icd10cm: 'E11.9' }).mistakes).toEqual([
			{ kind: 'missing', expected: 'I10' }
		]);
	});

	it('does not pair a key code typed twice with a missed code', () => {
		expect(typed({ icd10cm: ['E11.9', 'I10'] }, { icd10cm: 'E11.9, E11.9' }).mistakes).toEqual([
			{ kind: 'extra', given: 'E11.9' },
			{ kind: 'missing', expected: 'I10' }
		]);
	});

	it('takes modifier and units mistakes from the grader, keyed by the bare code', () => {
		const found = typed(
			{ procedures: ['99213-25', 'J1100 x4', '20610'] },
			{ procedures: '99213, J1100 x2, 20611, zz' }
		);
		expect(found.mistakes).toEqual([
			{ kind: 'modifier', given: '99213', expected: '99213-25' },
			{ kind: 'units', given: 'J1100 x2', expected: 'J1100 x4' },
			{ kind: 'invalid', given: 'zz' },
			{ kind: 'extra', given: '20611' },
			{ kind: 'missing', expected: '20610' }
		]);
		expect(found.keyCodes).toEqual({ 99213: true, J1100: true, 20610: false });
	});

	it('gives a code keyed twice only when both of its lines were given', () => {
		const k = { procedures: ['71046-26', '71046-26-76'] };
		expect(typed(k, { procedures: '71046-26' }).keyCodes).toEqual({ 71046: false });
		expect(typed(k, { procedures: '71046-26-76, 71046-26' }).keyCodes).toEqual({ 71046: true });
	});

	it('pairs PCS codes by the characters they share', () => {
		expect(
			typed({ icd10pcs: ['0SR9019', '0DTJ4ZZ'] }, { icd10pcs: '0DTJ0ZZ 0SRB019' }).mistakes
		).toEqual([
			{ kind: 'specificity', given: '0DTJ0ZZ', expected: '0DTJ4ZZ' },
			{ kind: 'specificity', given: '0SRB019', expected: '0SR9019' }
		]);
	});
});

describe('optionCodes', () => {
	it('reads an option made only of codes into the three lists', () => {
		expect(optionCodes('43255 x2, K26.4')).toEqual({
			icd10cm: 'K26.4',
			procedures: '43255 x2',
			icd10pcs: ''
		});
		expect(optionCodes('I10')).toEqual({ icd10cm: 'I10', procedures: '', icd10pcs: '' });
		expect(optionCodes('0SR9019, 45380-33')).toEqual({
			icd10cm: '',
			procedures: '45380-33',
			icd10pcs: '0SR9019'
		});
	});

	it('refuses an option with words in it', () => {
		expect(optionCodes('Code E11.9, because the assessment overrides the HPI')).toBeUndefined();
		expect(optionCodes('0.938')).toBeUndefined();
	});
});

describe('answerMistakes', () => {
	it('grades typed codes part by part', () => {
		const item: Item = {
			...base,
			id: 'case-1',
			type: 'case',
			scenario: 'A record.',
			parts: [
				{ prompt: 'Diagnoses', answer: key({ icd10cm: ['E11.65'] }) },
				{ prompt: 'Procedure', answer: key({ icd10pcs: ['0SR9019'] }) }
			]
		};
		expect(
			answerMistakes(item, { codes: [{ icd10cm: 'E11.65' }, { icd10pcs: '0SRB019' }] })
		).toEqual({
			mistakes: [{ kind: 'specificity', given: '0SRB019', expected: '0SR9019' }],
			keyCodes: { 'E11.65': true, '0SR9019': false }
		});
	});

	it('leaves out the mistakes field of a right answer', () => {
		expect(
			answerMistakes(codeEntry({ icd10cm: ['E11.9'] }), { codes: [{ icd10cm: 'e119' }] })
		).toEqual({ keyCodes: { 'E11.9': true } });
	});

	it('has nothing to count for a blank answer or a flashcard', () => {
		expect(
			answerMistakes(codeEntry({ icd10cm: ['E11.9'] }), { codes: [{ icd10cm: ' ' }] })
		).toEqual({});
		expect(answerMistakes(codeEntry({ icd10cm: ['E11.9'] }), undefined)).toEqual({});
		const card: Item = { ...base, id: 'fc-1', type: 'flashcard', front: 'Q', back: 'A' };
		expect(answerMistakes(card, { choice: 'Good' })).toEqual({});
	});

	it('judges a wrong choice of codes against the key option, codes as typed', () => {
		const item = choice('A', 'S72.001A', 'S72.002A', 'S72.001D', 'S72.00XA');
		expect(answerMistakes(item, { choice: 'B' })).toEqual({
			mistakes: [{ kind: 'laterality', given: 'S72.002A', expected: 'S72.001A' }],
			keyCodes: { 'S72.001A': false }
		});
		expect(answerMistakes(item, { choice: 'C' }).mistakes).toEqual([
			{ kind: 'seventh-character', given: 'S72.001D', expected: 'S72.001A' }
		]);
	});

	it('keeps the order of an option as its sequencing', () => {
		const item = choice(
			'A',
			'45380-33, K63.5, Z12.11',
			'45380-33, Z12.11, K63.5',
			'45380',
			'K63.5'
		);
		expect(answerMistakes(item, { choice: 'B' }).mistakes).toEqual([
			{ kind: 'sequencing', given: 'K63.5', expected: 'K63.5' }
		]);
	});

	it('gives every key code to a right choice', () => {
		const item = choice('C', 'E11', 'E10.9', 'E11.9, Z79.84', 'E13.9');
		expect(answerMistakes(item, { choice: 'C' })).toEqual({
			keyCodes: { 'E11.9': true, 'Z79.84': true }
		});
	});

	it('counts only the key codes as missed when the chosen option is not codes', () => {
		const item = choice('B', 'Query the physician', 'E11.40', 'E11.9', 'E11.9, G62.9');
		expect(answerMistakes(item, { choice: 'A' })).toEqual({ keyCodes: { 'E11.40': false } });
	});

	it('has nothing to count when the key option is not codes', () => {
		const item = choice('A', 'Query the physician', 'E11.40', 'E11.9', 'E11.9, G62.9');
		expect(answerMistakes(item, { choice: 'B' })).toEqual({});
		expect(answerMistakes(item, { choice: 'A' })).toEqual({});
	});
});
