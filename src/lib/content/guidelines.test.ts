import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCitations, normalize, parseGuidelines } from './guidelines';

/** A slice of the FY2026 text as pdftotext prints it: a contents page, page furniture, a list. */
const TEXT = [
	'Section I. Conventions ...............................7',
	'A. Conventions for the ICD-10-CM ............ 7',
	'',
	'\fSection I. Conventions, general coding guidelines and chapter',
	'           specific guidelines',
	'    A. Conventions for the ICD-10-CM',
	'      1.   The Alphabetic Index and Tabular List',
	'             Text of one.',
	'                    ICD-10-CM Official Guidelines for Coding and Reporting',
	'                    FY 2026',
	'                    Page 8 of 122',
	'      2.   Format and Structure:',
	'             Codes may be 3, 4, 5, 6 or 7 characters.',
	'             5. this numbered line skips a number, so it is text',
	'    C. Chapter-Specific Coding Guidelines',
	'    B. General Coding Guidelines',
	'      1.   Locating a code',
	'        a. Sub a',
	'          1)   Deep one',
	'            (a) Deeper a',
	'            (b) Deeper b',
	'Section II. Selection of Principal Diagnosis',
	'   A. Codes for symptoms',
	'                                  Appendix I',
	'                    Present on Admission Reporting Guidelines',
	'  A. General',
	''
].join('\n');

describe('parseGuidelines', () => {
	const s = parseGuidelines(TEXT);

	it('builds the section tree from the body, not the contents page', () => {
		expect(Object.keys(s)).toEqual([
			'I',
			'I.A',
			'I.A.1',
			'I.A.2',
			'I.B',
			'I.B.1',
			'I.B.1.a',
			'I.B.1.a.1',
			'I.B.1.a.1.a',
			'I.B.1.a.1.b',
			'II',
			'II.A',
			'Appendix I'
		]);
	});

	it('keeps each section its own text, without page headers, and an out-of-order label as text', () => {
		expect(s['I.A.1']).toBe('1. The Alphabetic Index and Tabular List Text of one.');
		expect(s['I.A.2']).toContain('5. this numbered line skips a number, so it is text');
		// "C." before "B." is not the next label after A, so it stays text of I.A.2.
		expect(s['I.A.2']).toContain('C. Chapter-Specific');
		expect(s['Appendix I']).toContain('Present on Admission');
	});
});

describe('findCitations', () => {
	it('reads single, listed and sentence-final citations', () => {
		const ids = (t: string) => findCitations(t).map((c) => c.id);
		expect(ids('See Section I.C.4.a.2.')).toEqual(['I.C.4.a.2']);
		expect(ids('Sections I.A.4 and I.C.20.a.2 apply')).toEqual(['I.A.4', 'I.C.20.a.2']);
		expect(ids('Section IV.K, Section III and Section I.C.4.a.1.(a)')).toEqual([
			'IV.K',
			'III',
			'I.C.4.a.1.a'
		]);
		expect(ids('Appendix I of the guidelines')).toEqual(['Appendix I']);
		expect(ids('a section of the book')).toEqual([]);
	});

	it('normalizes parenthesized levels and a final period', () => {
		expect(normalize('I.C.4.a.1(a)')).toBe('I.C.4.a.1.a');
		expect(normalize('IV.K.')).toBe('IV.K');
	});
});

describe('the committed FY2026 guideline sections', () => {
	const json = JSON.parse(readFileSync('codesets/icd10cm-2026-guideline.json', 'utf8')) as Record<
		string,
		string
	>;

	it('hold the real tree: chapters 1-22, Sections I-IV and Appendix I, and no invented ones', () => {
		for (let c = 1; c <= 22; c++) expect(json, `I.C.${c}`).toHaveProperty([`I.C.${c}`]);
		expect(json).not.toHaveProperty(['I.C.23']);
		for (const id of ['I', 'II', 'III', 'IV', 'Appendix I', 'IV.Q', 'III.C', 'II.K'])
			expect(json).toHaveProperty([id]);
		expect(json).not.toHaveProperty(['IV.R']);
		expect(json['I.C.4.a.2']).toMatch(/^2\) Type of diabetes mellitus not documented/);
		expect(json['I.C.4.a.1.a']).toMatch(/Presymptomatic Type 1/);
	});
});
