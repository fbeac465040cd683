import { describe, expect, it } from 'vitest';
import type { CodeKey } from '$lib/content/types';
import { codeFields } from './fields';

const key = (k: Partial<CodeKey>): CodeKey => ({ icd10cm: [], procedures: [], icd10pcs: [], ...k });

describe('codeFields', () => {
	it('gives a case part only the fields its key uses', () => {
		expect(codeFields(key({ icd10pcs: ['0SRR019'] }), true)).toEqual(['icd10pcs']);
		expect(codeFields(key({ procedures: ['45385-PT'] }), true)).toEqual(['procedures']);
		expect(codeFields(key({ icd10cm: ['I10'], procedures: ['99213-25'] }), true)).toEqual([
			'icd10cm',
			'procedures'
		]);
	});

	it('keeps diagnoses and procedures on a code-entry item, and PCS only when keyed', () => {
		expect(codeFields(key({ icd10cm: ['I10'] }), false)).toEqual(['icd10cm', 'procedures']);
		expect(codeFields(key({ icd10pcs: ['0DTJ4ZZ'] }), false)).toEqual([
			'icd10cm',
			'procedures',
			'icd10pcs'
		]);
	});
});
