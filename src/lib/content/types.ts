/** The item and bank shapes shared by the validator, the build and the app. */
import type { Item } from '../items/registry.ts';

export type { Item, ItemType, ItemResponse } from '../items/registry.ts';

export const EXAM_PRESETS = ['CPC', 'COC', 'CIC', 'CRC', 'CPB', 'CCA', 'CCS', 'CBCS'] as const;
export type ExamPreset = (typeof EXAM_PRESETS)[number];

export const CODE_SYSTEMS = ['ICD-10-CM', 'ICD-10-PCS', 'CPT', 'HCPCS'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

/** The codes a code-entry item (or a case part) expects. */
export interface CodeKey {
	/** ICD-10-CM, dotted; the first one is the first-listed diagnosis. */
	icd10cm: string[];
	/** CPT or HCPCS Level II lines, e.g. `99213-25` or `J1100 x4`; any order. */
	procedures: string[];
	/** ICD-10-PCS; any order. */
	icd10pcs: string[];
}

export interface ItemBase {
	id: string;
	bankId: string;
	/** Each kind narrows it to its own type (see items/registry.ts). */
	type: string;
	exams: ExamPreset[];
	section: string;
	systems: CodeSystem[];
	codeSetYear: number;
	difficulty: 1 | 2 | 3;
	tags: string[];
	/** Markdown, rendered (and sanitized) by the app. */
	rationale: string;
	/** Where the item came from, for error messages and authoring links. */
	file: string;
}

export type { Option, SingleBestAnswerItem } from '../items/single-best-answer/types.ts';
export type { CodeEntryItem } from '../items/code-entry/types.ts';
export type { CaseItem, CasePart } from '../items/case/types.ts';
export type { FlashcardItem } from '../items/flashcard/types.ts';

export interface Section {
	id: string;
	title: string;
}

export interface BankMeta {
	id: string;
	title: string;
	description: string;
	/** Where the bank is listed: ascending, then by id. */
	order: number;
	sections: Section[];
}

export interface Bank extends BankMeta {
	items: Item[];
}

/** What the bank index (`/data/banks.json`) says about each bank. */
export interface BankSummary extends BankMeta {
	itemCount: number;
	sectionCounts: Record<string, number>;
}

/** One thing wrong with a bank file, always tied to a file and a line. */
export interface Problem {
	file: string;
	line: number;
	message: string;
}

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}: ${p.message}`;
}
