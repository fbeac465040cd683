import { describe, expect, it } from 'vitest';
import { dotCm, normalizeCode } from '../codebook/normalize';
import { codeSetProblem, entryProblems, readEntry, splitEntry, type CodeStatus } from './entry';

describe('splitEntry', () => {
	it('joins an ICD-10-CM code split at the dot by a space, as the code book reads it', () => {
		expect(splitEntry('icd10cm', 'e11 22')).toEqual(['e11 22']);
		expect(splitEntry('icd10cm', 'e11 22 i10, n18 31')).toEqual(['e11 22', 'i10', 'n18 31']);
		// The code book reads the same typing as the same code.
		expect(readEntry('icd10cm', 'e11 22')[0]?.code).toBe(dotCm(normalizeCode('e11 22')));
	});

	it('keeps codes apart when the next one starts with a letter or a comma separates them', () => {
		expect(splitEntry('icd10cm', 'E11.9 I10')).toEqual(['E11.9', 'I10']);
		expect(splitEntry('icd10cm', 'E11, 22')).toEqual(['E11', '22']);
		// Longer than any ICD-10-CM code: not one code.
		expect(splitEntry('icd10cm', 'S72.001A 22')).toEqual(['S72.001A', '22']);
	});

	it('joins ICD-10-PCS pieces up to seven characters', () => {
		expect(splitEntry('icd10pcs', '0DT J4ZZ 0dtj0zz')).toEqual(['0DT J4ZZ', '0dtj0zz']);
	});

	it('leaves procedure lines as the grader always read them, units with their code', () => {
		expect(splitEntry('procedures', '99213-25 J1100 x4')).toEqual(['99213-25', 'J1100 x4']);
	});
});

describe('readEntry: the form of each code', () => {
	const problems = (list: Parameters<typeof readEntry>[0], text: string) =>
		readEntry(list, text).map((c) => c.problem);

	it('accepts well-formed codes and says what to look up', () => {
		expect(readEntry('icd10cm', 'e119')).toEqual([
			{ typed: 'e119', code: 'E11.9', lookup: { system: 'icd10cm', code: 'E11.9' } }
		]);
		expect(readEntry('procedures', 'j1100 x4, 99213-25').map((c) => c.lookup)).toEqual([
			{ system: 'hcpcs', code: 'J1100' },
			// CPT has no list the app may ship: form only.
			undefined
		]);
		expect(readEntry('icd10pcs', '0dtj4zz')[0]?.lookup).toEqual({
			system: 'icd10pcs',
			code: '0DTJ4ZZ'
		});
	});

	it('names a code that cannot be one, without guessing what was meant', () => {
		expect(problems('icd10cm', '22')).toEqual([
			'22 is not an ICD-10-CM code: those start with a letter and have 3 to 7 characters.'
		]);
		expect(problems('procedures', '9921')[0]).toMatch(/^9921 is not a CPT or HCPCS Level II code/);
		expect(problems('procedures', 'D0120')[0]).toMatch(/^D0120 is not a CPT or HCPCS Level II/);
		expect(problems('procedures', '99213-17')).toEqual(['17 is not a CPT modifier.']);
		expect(problems('icd10pcs', '0DTJ4Z')[0]).toMatch(/^0DTJ4Z is not an ICD-10-PCS code/);
	});

	it('marks a code entered twice', () => {
		expect(problems('icd10cm', 'I10, i10')).toEqual([undefined, 'I10 is entered twice.']);
	});
});

describe('codeSetProblem and entryProblems', () => {
	const book: Record<string, CodeStatus> = {
		'icd10cm|E11': { found: true, billable: false },
		'icd10cm|N18.3': { found: true, billable: false },
		'icd10cm|E11.22': { found: true, billable: true },
		'icd10cm|E11.99': { found: false },
		'icd10cm|A00.99': { found: false, deleted: 'An old title' },
		'hcpcs|J9999': { found: false },
		'icd10pcs|0DTJ4ZX': { found: false }
	};
	const lookup = (system: string, code: string) => book[`${system}|${code}`];

	it('marks headers and unknown codes in words, and says nothing of billable ones', () => {
		expect(entryProblems(readEntry('icd10cm', 'E11, N18.3, e11 22, e1199'), lookup)).toEqual([
			'E11 is a category heading: a billable code needs more characters.',
			'N18.3 is a subcategory heading: a billable code needs more characters.',
			'E11.99 is not an ICD-10-CM code.'
		]);
		expect(entryProblems(readEntry('procedures', 'J9999'), lookup)).toEqual([
			'J9999 is not an active HCPCS Level II code.'
		]);
		expect(entryProblems(readEntry('icd10pcs', '0DTJ4ZX'), lookup)).toEqual([
			'0DTJ4ZX is not an ICD-10-PCS code.'
		]);
		expect(codeSetProblem({ system: 'icd10cm', code: 'A00.99' }, book['icd10cm|A00.99'])).toBe(
			'A00.99 was deleted from ICD-10-CM.'
		);
	});

	it('shows only the form check while the code book is not loaded', () => {
		expect(entryProblems(readEntry('icd10cm', 'E11, 22'), () => undefined)).toEqual([
			'22 is not an ICD-10-CM code: those start with a letter and have 3 to 7 characters.'
		]);
	});
});
