/**
 * Test data factories: a valid item file, bank manifest and code sets, with overrides, so each
 * test states only what it changes.
 */
import { codeSetsFromText, type CodeSets } from '../../src/lib/codebook/codesets';
import type { ExamPreset, Item, ItemType } from '../../src/lib/content/types';
import type { SourceFile } from '../../src/lib/content/validate';

export interface ItemSpec {
	front?: Record<string, string | undefined>;
	sections?: Record<string, string | undefined>;
}

const BASE_FRONT: Record<string, string> = {
	id: 'demo-0001',
	type: 'single-best-answer',
	exams: '[CPC]',
	section: 'icd10cm',
	systems: '[ICD-10-CM]',
	codeSetYear: '2026',
	difficulty: '2',
	tags: '[diabetes]',
	answer: 'C'
};

const BASE_SECTIONS: Record<string, string> = {
	Scenario: 'A fictional patient with type 2 diabetes, no complications. Which code?',
	Options: '- A. E11\n- B. E10.9\n- C. E11.9\n- D. E13.9',
	Rationale: 'E11.9 is right. E11 is a category, not billable (Section I.A.17).'
};

/** Renders an item file; a value of `undefined` in the overrides drops that field or section. */
export function itemText(spec: ItemSpec = {}): string {
	const front = { ...BASE_FRONT, ...spec.front };
	const sections = { ...BASE_SECTIONS, ...spec.sections };
	const yaml = Object.entries(front)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => (v!.startsWith('\n') ? `${k}:${v}` : `${k}: ${v}`))
		.join('\n');
	const body = Object.entries(sections)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `## ${k}\n\n${v}\n`)
		.join('\n');
	return `---\n${yaml}\n---\n\n${body}`;
}

export function codeEntryFront(answer: string, extra: Record<string, string> = {}) {
	return {
		type: 'code-entry',
		systems: '[ICD-10-CM, CPT, HCPCS]',
		answer,
		...extra
	};
}

export const MANIFEST = `id: demo
title: Demo bank
description: For tests.
sections:
  - { id: icd10cm, title: ICD-10-CM }
  - { id: em, title: E/M }
`;

/** A bank folder `demo` with a manifest and the given item files (path stem -> text). */
export function bankFiles(items: Record<string, string>, manifest = MANIFEST): SourceFile[] {
	return [
		{ path: 'question-banks/demo/bank.yaml', bank: 'demo', text: manifest },
		...Object.entries(items).map(([stem, text]) => ({
			path: `question-banks/demo/${stem}.md`,
			bank: 'demo',
			text
		}))
	];
}

const SMALL_CM = [
	'code\tbillable\ttitle',
	'E11\t0\tType 2 diabetes mellitus',
	'E11.9\t1\tType 2 diabetes mellitus without complications',
	'E10.9\t1\tType 1 diabetes mellitus without complications',
	'E13.9\t1\tOther specified diabetes mellitus without complications',
	'I10\t1\tEssential (primary) hypertension',
	'J02.9\t1\tAcute pharyngitis, unspecified',
	'R50.9\t1\tFever, unspecified',
	'QA0.0101\t1\tA FY2026 code whose category has a letter second'
];

/**
 * A handful of real codes, enough for the validator's cross-checks. FY2027 adds one real change:
 * D69.1, billable in FY2026, is a header in FY2027 with D69.11 and D69.19 below it.
 */
export function smallCodeSets(): CodeSets {
	return codeSetsFromText({
		icd10cm: [...SMALL_CM, 'D69.1\t1\tQualitative platelet defects'].join('\n'),
		icd10cm2027: [
			...SMALL_CM,
			'D69.1\t0\tQualitative platelet defects',
			'D69.11\t1\tGlanzmann thrombasthenia',
			'D69.19\t1\tOther qualitative platelet defects'
		].join('\n'),
		hcpcs: [
			'code\ttype\tterminated\ttitle',
			'J1885\tprocedure\t\tKetorolac tromethamine inj',
			'J1100\tprocedure\t\tDexamethasone sodium phos',
			'G0000\tprocedure\t20240930\tA discontinued code',
			'RT\tmodifier\t\tRight side',
			'LT\tmodifier\t\tLeft side',
			'P2\tmodifier\t\tPatient w/mild syst disease'
		].join('\n'),
		icd10pcs: '0DTJ4ZZ\n0SR9019\n'
	});
}

/** A parsed item of any type, as the app holds it, for tests of exams and scoring (key: B). */
export function makeItem(
	id: string,
	section: string,
	type: ItemType = 'single-best-answer',
	exams: ExamPreset[] = ['CPC']
): Item {
	const base = {
		id,
		bankId: 'cpc',
		exams,
		section,
		systems: [],
		codeSetYear: 2026,
		difficulty: 2 as const,
		tags: [],
		rationale: 'Why.',
		file: `${id}.md`
	};
	if (type === 'code-entry')
		return {
			...base,
			type,
			scenario: 'Note.',
			answer: { icd10cm: ['E11.9', 'I10'], procedures: [], icd10pcs: [] }
		};
	if (type === 'case')
		return {
			...base,
			type,
			scenario: 'Record.',
			parts: [{ prompt: 'Dx', answer: { icd10cm: ['I10'], procedures: [], icd10pcs: [] } }]
		};
	if (type === 'flashcard') return { ...base, type, front: 'Q', back: 'A' };
	return {
		...base,
		type: 'single-best-answer',
		scenario: 'Note.',
		options: ['A', 'B', 'C', 'D'].map((letter) => ({ letter, text: letter })),
		answer: 'B'
	};
}
