/** Test data: a valid CMS-1500 claim-scrub item, with overrides (for this folder's unit tests). */
import type { ClaimScrubItem } from './types.ts';

export function claimItem(over: Partial<ClaimScrubItem> = {}): ClaimScrubItem {
	return {
		id: 'bil-scrub-9999',
		bankId: 'billing',
		type: 'claim-scrub',
		exams: ['CPB'],
		section: 'billing',
		systems: ['ICD-10-CM', 'CPT'],
		codeSetYear: 2027,
		difficulty: 2,
		tags: [],
		rationale: 'Why.',
		file: 'question-banks/billing/bil-scrub-9999.md',
		scenario: 'An established patient with right knee pain.',
		form: 'cms1500',
		claim: {
			payer: 'Acme Health',
			patient: { name: 'DOE, JANE', dob: '03/14/1958', sex: 'F' },
			insuredId: 'ACM123456789',
			icdIndicator: '0',
			diagnoses: ['M17.11', 'E11.6'],
			lines: [
				{
					date: '03/04/2027',
					pos: '11',
					code: '99214',
					modifiers: [],
					pointer: 'AB',
					charge: '$125.00',
					cents: 12500,
					units: 1,
					npi: '1234567893'
				},
				{
					date: '03/04/2027',
					pos: '11',
					code: '20610',
					modifiers: ['RT'],
					pointer: 'A',
					charge: '$180.00',
					cents: 18000,
					units: 1,
					npi: '1234567893'
				}
			],
			billing: { name: 'Acme Clinic', npi: '1234567893' },
			taxId: '12-3456789'
		},
		errors: [
			{ field: 'line1.modifiers', fix: 'mod-25', correct: '25', why: 'A separate E/M needs 25.' },
			{ field: 'dx.B', fix: 'dx-specific', correct: 'E11.9', why: 'E11.6 is a header.' }
		],
		...over
	};
}
