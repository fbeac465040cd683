import { describe, expect, it } from 'vitest';
import type { CodeKey } from '../content/types';
import { gradeCodeEntry, gradeSingleBestAnswer, combine } from './grade';

const key = (k: Partial<CodeKey>): CodeKey => ({ icd10cm: [], procedures: [], icd10pcs: [], ...k });

describe('gradeSingleBestAnswer', () => {
	it('is right only for the keyed letter', () => {
		expect(gradeSingleBestAnswer('C', 'C')).toBe(true);
		expect(gradeSingleBestAnswer('C', 'B')).toBe(false);
	});
});

describe('gradeCodeEntry', () => {
	const k = key({ icd10cm: ['J02.9', 'R50.9'], procedures: ['99213-25', '96372', 'J1885 x2'] });

	it('gives full credit for the exact set, whatever the order of the secondary codes', () => {
		const r = gradeCodeEntry(k, {
			icd10cm: 'J02.9, R50.9',
			procedures: 'J1885 x2, 96372, 99213-25'
		});
		expect(r).toMatchObject({ earned: 5, possible: 5, score: 1, correct: true });
	});

	it('normalizes case, spaces and a missing dot', () => {
		const r = gradeCodeEntry(k, { icd10cm: 'j029 r50.9', procedures: '99213-25 96372 j1885 x2' });
		expect(r.correct).toBe(true);
		expect(r.lines.map((l) => l.given)).toEqual([
			'J02.9',
			'R50.9',
			'99213-25',
			'96372',
			'J1885 x2'
		]);
	});

	it('reads a code typed with a space where the dot goes as one code, as the code book does', () => {
		const r = gradeCodeEntry(key({ icd10cm: ['E11.22', 'N18.31'] }), { icd10cm: 'e11 22, n18 31' });
		expect(r.lines.map((l) => [l.given, l.status])).toEqual([
			['E11.22', 'correct'],
			['N18.31', 'correct']
		]);
		const pcs = gradeCodeEntry(key({ icd10pcs: ['0DTJ4ZZ'] }), { icd10pcs: '0DT J4ZZ' });
		expect(pcs.correct).toBe(true);
	});

	it('gives half credit when the first-listed diagnosis is not listed first', () => {
		const r = gradeCodeEntry(k, {
			icd10cm: 'R50.9, J02.9',
			procedures: '99213-25, 96372, J1885 x2'
		});
		expect(r.lines.filter((l) => l.list === 'icd10cm')).toEqual([
			{ list: 'icd10cm', expected: 'J02.9', given: 'J02.9', status: 'not-first', credit: 0.5 },
			{ list: 'icd10cm', expected: 'R50.9', given: 'R50.9', status: 'correct', credit: 1 }
		]);
		expect(r).toMatchObject({ earned: 4.5, possible: 5, correct: false });
	});

	it('gives half credit for a right code with wrong modifiers or units', () => {
		const r = gradeCodeEntry(k, { icd10cm: 'J02.9 R50.9', procedures: '99213, 96372, J1885' });
		expect(r.lines.filter((l) => l.list === 'procedures')).toEqual([
			{
				list: 'procedures',
				expected: '99213-25',
				given: '99213',
				status: 'wrong-modifiers',
				credit: 0.5
			},
			{ list: 'procedures', expected: '96372', given: '96372', status: 'correct', credit: 1 },
			{
				list: 'procedures',
				expected: 'J1885 x2',
				given: 'J1885',
				status: 'wrong-units',
				credit: 0.5
			}
		]);
		expect(r.score).toBeCloseTo(4 / 5);
	});

	it('matches a code keyed twice line for line, whatever the typing order', () => {
		const twice = key({ procedures: ['71046-26', '71046-26-76'] });
		expect(gradeCodeEntry(twice, { procedures: '71046-76-26, 71046-26' }).correct).toBe(true);
		const r = gradeCodeEntry(twice, { procedures: '71046-26, 71046' });
		expect(r.lines.map((l) => [l.expected, l.given, l.status])).toEqual([
			['71046-26', '71046-26', 'correct'],
			['71046-26-76', '71046', 'wrong-modifiers']
		]);
	});

	it('compares modifiers as a set', () => {
		const r = gradeCodeEntry(key({ procedures: ['64483-RT-59'] }), { procedures: '64483-59-RT' });
		expect(r.correct).toBe(true);
	});

	it('charges extra codes and shows missing and unreadable ones', () => {
		const r = gradeCodeEntry(k, {
			icd10cm: 'J02.9, R05.1',
			procedures: '99213-25 96372 J1885x2 ???'
		});
		expect(r.lines.map((l) => [l.expected ?? null, l.given ?? null, l.status])).toEqual([
			['J02.9', 'J02.9', 'correct'],
			['R50.9', null, 'missing'],
			[null, 'R05.1', 'extra'],
			['99213-25', '99213-25', 'correct'],
			['96372', '96372', 'correct'],
			['J1885 x2', 'J1885 x2', 'correct'],
			[null, '???', 'unreadable']
		]);
		expect(r).toMatchObject({ earned: 4, possible: 7 });
	});

	it('counts a code typed twice once and the second as extra', () => {
		const r = gradeCodeEntry(key({ icd10cm: ['I10'] }), { icd10cm: 'I10, I10' });
		expect(r).toMatchObject({ earned: 1, possible: 2, correct: false });
	});

	it('scores an empty response as zero, not as correct', () => {
		expect(gradeCodeEntry(k, {})).toMatchObject({
			earned: 0,
			possible: 5,
			score: 0,
			correct: false
		});
	});

	it('grades ICD-10-PCS as a set and combines case parts into one score', () => {
		const a = gradeCodeEntry(key({ icd10cm: ['K35.80'] }), { icd10cm: 'K3580' });
		const b = gradeCodeEntry(key({ icd10pcs: ['0DTJ4ZZ'] }), { icd10pcs: '0dtj4zz 0DTJ0ZZ' });
		expect(b).toMatchObject({ earned: 1, possible: 2 });
		expect(combine([a, b])).toMatchObject({ earned: 2, possible: 3, correct: false });
	});
});
