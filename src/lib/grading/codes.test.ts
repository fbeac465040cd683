import { describe, expect, it } from 'vitest';
import {
	ICD10CM_DOTTED,
	normalizeIcd10cm,
	parseProcedureLine,
	procedureKind,
	splitCodes
} from './codes';

describe('code syntax', () => {
	it('restores the dot of an ICD-10-CM code typed without it', () => {
		expect(normalizeIcd10cm('e119')).toBe('E11.9');
		expect(normalizeIcd10cm(' s72.001a ')).toBe('S72.001A');
		expect(normalizeIcd10cm('I10')).toBe('I10');
	});

	it('accepts FY2026 QA0 codes, with a letter second', () => {
		expect(ICD10CM_DOTTED.test('QA0.0101')).toBe(true);
		expect(ICD10CM_DOTTED.test('E119')).toBe(false);
	});

	it('reads procedure lines with modifiers and units', () => {
		expect(parseProcedureLine('99213-25')).toEqual({ code: '99213', modifiers: ['25'], units: 1 });
		expect(parseProcedureLine('j1100 x4')).toEqual({ code: 'J1100', modifiers: [], units: 4 });
		expect(parseProcedureLine('64483-rt-59')).toEqual({
			code: '64483',
			modifiers: ['RT', '59'],
			units: 1
		});
		expect(parseProcedureLine('99213-')).toBeUndefined();
	});

	it('tells CPT from HCPCS Level II and refuses CDT', () => {
		expect(procedureKind('0001U')).toBe('cpt');
		expect(procedureKind('J1100')).toBe('hcpcs');
		expect(procedureKind('D0120')).toBeUndefined();
	});

	it('splits typing on commas, semicolons, new lines and spaces, keeping units with their code', () => {
		expect(splitCodes('E11.9, I10;Z79.4\nJ1100 x4  96372')).toEqual([
			'E11.9',
			'I10',
			'Z79.4',
			'J1100 x4',
			'96372'
		]);
		expect(splitCodes('  ')).toEqual([]);
	});
});
