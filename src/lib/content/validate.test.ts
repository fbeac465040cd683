import { describe, expect, it } from 'vitest';
import { bankFiles, codeEntryFront, itemText, smallCodeSets } from '../../../tests/factories/item';
import { formatProblem } from './types';
import { validateBanks } from './validate';

const codes = smallCodeSets();

function problemsOf(text: string, stem = 'demo-0001'): string[] {
	return validateBanks(bankFiles({ [stem]: text }), codes).problems.map(formatProblem);
}

describe('validateBanks', () => {
	it('accepts a valid single-best-answer item and builds it', () => {
		const { banks, problems } = validateBanks(bankFiles({ 'demo-0001': itemText() }), codes);
		expect(problems).toEqual([]);
		const item = banks[0]?.items[0];
		expect(item).toMatchObject({
			id: 'demo-0001',
			bankId: 'demo',
			type: 'single-best-answer',
			answer: 'C',
			options: [
				{ letter: 'A', text: 'E11' },
				{ letter: 'B', text: 'E10.9' },
				{ letter: 'C', text: 'E11.9' },
				{ letter: 'D', text: 'E13.9' }
			]
		});
	});

	it('names the file and line of an answer that is not an option', () => {
		// Front matter starts on line 2; `answer` is the ninth key, so line 10.
		expect(problemsOf(itemText({ front: { answer: 'E' } }))).toEqual([
			'question-banks/demo/demo-0001.md:10: answer "E" is not one of the options A-D'
		]);
	});

	it('refuses a header (non-billable) code in the correct option', () => {
		expect(problemsOf(itemText({ front: { answer: 'A' } }))).toEqual([
			'question-banks/demo/demo-0001.md:19: the correct option lists E11, which is a header, not a billable code'
		]);
	});

	it('refuses an ICD-10-CM code that does not exist, wherever it is written', () => {
		const text = itemText({ sections: { Rationale: 'Not E11.99, which is made up.' } });
		expect(problemsOf(text)).toEqual([
			'question-banks/demo/demo-0001.md:26: ICD-10-CM code E11.99 does not exist in FY2026'
		]);
	});

	it("checks each item against its own year's ICD-10-CM", () => {
		const item = (year: string) =>
			itemText({
				front: { codeSetYear: year },
				sections: {
					Options: '- A. E11\n- B. E10.9\n- C. D69.1\n- D. D69.11',
					Rationale: 'D69.1 is right for this record.'
				}
			});
		// D69.1 is billable in FY2026; FY2027 made it a header and added D69.11.
		expect(problemsOf(item('2026'))).toEqual([
			'question-banks/demo/demo-0001.md:22: ICD-10-CM code D69.11 does not exist in FY2026'
		]);
		expect(problemsOf(item('2027'))).toEqual([
			'question-banks/demo/demo-0001.md:21: the correct option lists D69.1, which is a header, not a billable code'
		]);
		const { banks } = validateBanks(
			bankFiles({ 'demo-0001': itemText({ front: { codeSetYear: '2027' } }) }),
			codes
		);
		expect(banks[0]?.items[0]?.codeSetYear).toBe(2027);
	});

	it('checks the section, presets, difficulty, year and unknown fields', () => {
		const text = itemText({
			front: {
				section: 'surgery',
				exams: '[CPC, XYZ]',
				difficulty: '5',
				codeSetYear: '2025',
				anwser: 'C'
			}
		});
		expect(problemsOf(text)).toEqual([
			'question-banks/demo/demo-0001.md:4: "XYZ" is not one of CPC, COC, CIC, CRC, CPB, CCA, CCS, CBCS',
			'question-banks/demo/demo-0001.md:5: section "surgery" is not one of this bank\'s sections: icd10cm, em',
			'question-banks/demo/demo-0001.md:7: codeSetYear must be 2026 or 2027, the ICD-10-CM year the key was checked against',
			'question-banks/demo/demo-0001.md:8: difficulty must be 1, 2 or 3',
			'question-banks/demo/demo-0001.md:11: unknown field "anwser" for a single-best-answer item'
		]);
	});

	it('requires an id equal to the file name and unique across banks', () => {
		expect(problemsOf(itemText(), 'demo-0002')).toEqual([
			'question-banks/demo/demo-0002.md:2: id "demo-0001" must equal the file name "demo-0002"'
		]);
		const files = bankFiles({ 'demo-0001': itemText() });
		const twin = { path: 'question-banks/other/demo-0001.md', bank: 'other', text: itemText() };
		const manifest = {
			path: 'question-banks/other/bank.yaml',
			bank: 'other',
			text: 'id: other\ntitle: Other\ndescription: x\nsections:\n  - { id: icd10cm, title: ICD }\n'
		};
		const { problems } = validateBanks([...files, manifest, twin], codes);
		expect(problems.map(formatProblem)).toEqual([
			'question-banks/other/demo-0001.md:2: id "demo-0001" is already used by question-banks/demo/demo-0001.md'
		]);
	});

	it('requires a rationale and four options', () => {
		const text = itemText({
			sections: { Options: '- A. E11.9\n- B. E10.9\n- C. E13.9', Rationale: undefined }
		});
		expect(problemsOf(text)).toEqual([
			// A missing section is reported at the last heading, where it would go.
			'question-banks/demo/demo-0001.md:17: missing or empty "## Rationale" section',
			'question-banks/demo/demo-0001.md:17: a single-best-answer item needs exactly four options A-D, found 3'
		]);
	});

	it('reports a YAML syntax error at its line, and a missing front matter', () => {
		const twice = itemText().replace('difficulty: 2', 'difficulty: 2\ndifficulty: 3');
		expect(problemsOf(twice)).toEqual([
			'question-banks/demo/demo-0001.md:9: YAML: Map keys must be unique'
		]);
		expect(problemsOf('## Scenario\n\nNo front matter.')).toEqual([
			'question-banks/demo/demo-0001.md:1: the file must start with a "---" front matter block'
		]);
	});

	it('accepts a code-entry key and keeps codes as written (leading zeros, bare numbers)', () => {
		const text = itemText({
			front: codeEntryFront(
				'\n  icd10cm: [J02.9, R50.9]\n  procedures: [99213-25, 96372, J1885 x2, 00790-P2]'
			),
			sections: { Options: undefined }
		});
		const { banks, problems } = validateBanks(bankFiles({ 'demo-0001': text }), codes);
		expect(problems).toEqual([]);
		expect(banks[0]?.items[0]).toMatchObject({
			answer: {
				icd10cm: ['J02.9', 'R50.9'],
				procedures: ['99213-25', '96372', 'J1885 x2', '00790-P2'],
				icd10pcs: []
			}
		});
	});

	it('checks each code in a code-entry key, at its own line', () => {
		const text = itemText({
			front: codeEntryFront(
				'\n  icd10cm:\n    - E11\n    - E119\n  procedures:\n    - G0000\n    - 99213-21\n    - 99213-XX\n    - D0120'
			),
			sections: { Options: undefined }
		});
		expect(problemsOf(text)).toEqual([
			'question-banks/demo/demo-0001.md:12: ICD-10-CM code E11 is a header, not billable; code to the highest specificity',
			'question-banks/demo/demo-0001.md:13: "E119" is not written as a dotted ICD-10-CM code (e.g. E11.9)',
			'question-banks/demo/demo-0001.md:15: HCPCS Level II code G0000 was terminated 20240930',
			'question-banks/demo/demo-0001.md:16: modifier 21 is not a CPT modifier',
			'question-banks/demo/demo-0001.md:17: modifier XX is not a HCPCS Level II modifier',
			'question-banks/demo/demo-0001.md:18: D0120 is neither a CPT code (five digits, or four and F/T/U) nor HCPCS Level II'
		]);
	});

	it('requires systems to name every code system the key uses', () => {
		const text = itemText({
			front: codeEntryFront('\n  icd10cm: [I10]\n  procedures: [J1100]', {
				systems: '[ICD-10-CM]'
			}),
			sections: { Options: undefined }
		});
		expect(problemsOf(text)).toEqual([
			'question-banks/demo/demo-0001.md:6: the answer uses HCPCS codes, so systems must list HCPCS'
		]);
	});

	it('allows a letter in the second position (FY2026 category QA0)', () => {
		const text = itemText({
			front: codeEntryFront('\n  icd10cm: [QA0.0101]', { systems: '[ICD-10-CM]' }),
			sections: { Options: undefined }
		});
		expect(problemsOf(text)).toEqual([]);
	});

	it('validates case parts and ICD-10-PCS codes', () => {
		const text = itemText({
			front: {
				type: 'case',
				answer: undefined,
				systems: '[ICD-10-CM, ICD-10-PCS]',
				parts:
					'\n  - prompt: Diagnosis\n    answer: { icd10cm: [I10] }\n  - prompt: Procedure\n    answer: { icd10pcs: [0DTJ4ZZ, 0DTJ4ZX] }'
			},
			sections: { Options: undefined }
		});
		expect(problemsOf(text)).toEqual([
			'question-banks/demo/demo-0001.md:14: ICD-10-PCS code 0DTJ4ZX is not valid in FY2026'
		]);
	});

	it('validates flashcards: front, back and rationale, no answer', () => {
		const ok = itemText({
			front: { type: 'flashcard', answer: undefined, systems: '[]' },
			sections: { Scenario: undefined, Options: undefined, Front: 'Prefix *brady-*', Back: 'Slow' }
		});
		expect(problemsOf(ok)).toEqual([]);
		const bad = itemText({
			front: { type: 'flashcard', systems: '[]' },
			sections: { Scenario: undefined, Options: undefined, Front: 'x' }
		});
		expect(problemsOf(bad)).toEqual([
			'question-banks/demo/demo-0001.md:10: unknown field "answer" for a flashcard item',
			'question-banks/demo/demo-0001.md:17: missing or empty "## Back" section'
		]);
	});

	it('lists banks by their order, unordered ones last by id, and refuses a bad order', () => {
		const bank = (id: string, order?: number | string) => ({
			path: `question-banks/${id}/bank.yaml`,
			bank: id,
			text:
				`id: ${id}\ntitle: ${id}\ndescription: x\n` +
				(order === undefined ? '' : `order: ${order}\n`) +
				'sections:\n  - { id: a, title: A }\n'
		});
		const { banks } = validateBanks(
			[bank('zeta', 1), bank('beta'), bank('alpha', 2), bank('aaa')],
			codes
		);
		expect(banks.map((b) => b.id)).toEqual(['zeta', 'alpha', 'aaa', 'beta']);
		expect(
			validateBanks([bank('b', 0), bank('c', 'first')], codes).problems.map(formatProblem)
		).toEqual([
			'question-banks/b/bank.yaml:4: order must be a whole number from 1 to 999 (where the bank is listed)',
			'question-banks/c/bank.yaml:4: order must be a whole number from 1 to 999 (where the bank is listed)'
		]);
	});

	it('rejects a bank manifest whose id does not match its folder', () => {
		const files = bankFiles(
			{},
			'id: wrong\ntitle: T\ndescription: D\nsections:\n  - { id: a, title: A }\n'
		);
		expect(validateBanks(files, codes).problems.map(formatProblem)).toEqual([
			'question-banks/demo/bank.yaml:1: id must equal the folder name "demo"'
		]);
	});
});
