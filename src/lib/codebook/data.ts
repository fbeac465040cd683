/**
 * The code book's data model, parsed from the compact files in `codesets/` (see its README).
 * Pure: takes the files' text, so the worker (in the browser) and the tests (in Node) share it.
 */
import { normalizeCode } from './normalize';

export type CodeSystem = 'icd10cm' | 'icd10pcs' | 'hcpcs';

export const SYSTEM_LABELS: Record<CodeSystem, string> = {
	icd10cm: 'ICD-10-CM',
	icd10pcs: 'ICD-10-PCS',
	hcpcs: 'HCPCS Level II'
};

/** What changed in this release, from the FY2026 addenda (CM) or the CMS action code (HCPCS). */
export type Change = 'new' | 'revised';

export interface CodeEntry {
	system: CodeSystem;
	/** Display form: dotted for ICD-10-CM, as published for PCS and HCPCS. */
	code: string;
	title: string;
	/**
	 * Reportable as is: a billable ICD-10-CM code, a valid 7-character PCS code, an active HCPCS
	 * code or modifier. False for headers (CM categories and subcategories, PCS tables).
	 */
	billable: boolean;
	/** ICD-10-CM chapter number (1-22). */
	chapter?: number;
	change?: Change;
	/** ICD-10-CM: exempt from present-on-admission reporting. */
	poaExempt?: boolean;
	/** HCPCS: a two-character modifier rather than a code. */
	modifier?: boolean;
}

export interface Chapter {
	number: number;
	title: string;
}

export interface Section {
	id: string;
	chapter: number;
	title: string;
}

export type IndexTable = 'drug' | 'neoplasm' | 'eindex';

export const INDEX_TABLE_LABELS: Record<IndexTable, string> = {
	drug: 'Table of Drugs and Chemicals',
	neoplasm: 'Neoplasm Table',
	eindex: 'External Cause Index'
};

/** One code reference from the drug or neoplasm table or the external cause index. */
export interface IndexTerm {
	table: IndexTable;
	/** Main term and subterms, as published. */
	path: string[];
	/** Column heading (drug and neoplasm tables); empty for the external cause index. */
	column: string;
	/** Without the published trailing `-` (that is `incomplete`). */
	code: string;
	/** The table says more characters are needed. */
	incomplete: boolean;
}

export interface CodeBookData {
	/** ICD-10-CM in Tabular order, then PCS in order, then HCPCS codes and modifiers. */
	entries: CodeEntry[];
	chapters: Chapter[];
	sections: Section[];
	/** Three-character category -> section id. */
	categorySection: Map<string, string>;
	/** ICD-10-CM codes deleted in FY2026 (code -> old title), for a clear "deleted" page. */
	deleted: Map<string, string>;
	index: IndexTerm[];
}

export interface CodeBookTexts {
	icd10cm: string;
	chapters: string;
	sections: string;
	categories: string;
	addenda: string;
	poaExempt: string;
	index: string;
	icd10pcs: string;
	hcpcs: string;
}

/** The files the build serves for the code book, by key (see src/lib/server/codebook-data.ts). */
export const CODEBOOK_FILES: Record<keyof CodeBookTexts, string> = {
	icd10cm: 'icd10cm-2026.tsv',
	chapters: 'icd10cm-2026-chapters.tsv',
	sections: 'icd10cm-2026-sections.tsv',
	categories: 'icd10cm-2026-categories.tsv',
	addenda: 'icd10cm-2026-addenda.tsv',
	poaExempt: 'icd10cm-2026-poa-exempt.txt',
	index: 'icd10cm-2026-index.tsv',
	icd10pcs: 'icd10pcs-2026.tsv',
	hcpcs: 'hcpcs-2025-oct.tsv'
};

function rows(text: string, header = true): string[][] {
	const lines = text.split('\n');
	const out: string[][] = [];
	for (let i = header ? 1 : 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (line) out.push(line.split('\t'));
	}
	return out;
}

export function parseCodeBook(t: CodeBookTexts): CodeBookData {
	const chapters = rows(t.chapters).map(([n, title]) => ({
		number: Number(n),
		title: title ?? ''
	}));
	const sections = rows(t.sections).map(([id, chapter, title]) => ({
		id: id ?? '',
		chapter: Number(chapter),
		title: title ?? ''
	}));
	const sectionChapter = new Map(sections.map((s) => [s.id, s.chapter]));
	const categorySection = new Map(rows(t.categories).map(([c, s]) => [c ?? '', s ?? '']));

	// Addenda: an add with no delete is new; a revise_to, or a delete-and-add (a code that became
	// a header or the reverse), is revised; a delete alone is a deleted code.
	const added = new Set<string>();
	const removed = new Map<string, string>();
	const revised = new Set<string>();
	for (const [action, code, , title] of rows(t.addenda)) {
		if (!code) continue;
		if (action === 'add') added.add(code);
		else if (action === 'delete') removed.set(code, title ?? '');
		else if (action === 'revise_to') revised.add(code);
	}
	const poa = new Set(rows(t.poaExempt, false).map(([c]) => c));

	const entries: CodeEntry[] = [];
	for (const [code, billable, title] of rows(t.icd10cm)) {
		if (!code) continue;
		const section = categorySection.get(code.slice(0, 3));
		const entry: CodeEntry = {
			system: 'icd10cm',
			code,
			title: title ?? '',
			billable: billable === '1',
			chapter: section ? sectionChapter.get(section) : undefined
		};
		if (revised.has(code) || (added.has(code) && removed.has(code))) entry.change = 'revised';
		else if (added.has(code)) entry.change = 'new';
		if (poa.has(code)) entry.poaExempt = true;
		entries.push(entry);
	}
	const deleted = new Map([...removed].filter(([code]) => !added.has(code)));

	for (const [code, valid, title] of rows(t.icd10pcs))
		if (code)
			entries.push({ system: 'icd10pcs', code, title: title ?? '', billable: valid === '1' });

	// Only active HCPCS codes and modifiers: a discontinued code is not in the book.
	for (const [code, type, terminated, short, action, long] of rows(t.hcpcs)) {
		if (!code || terminated) continue;
		const entry: CodeEntry = {
			system: 'hcpcs',
			code,
			title: long || short || '',
			billable: true
		};
		if (type === 'modifier') entry.modifier = true;
		if (action === 'A') entry.change = 'new';
		else if (action === 'B' || action === 'C') entry.change = 'revised';
		entries.push(entry);
	}

	const index: IndexTerm[] = [];
	for (const [table, term, column, code] of rows(t.index)) {
		if (!code || !term) continue;
		const incomplete = code.endsWith('-');
		index.push({
			table: table as IndexTable,
			path: term.split(' > '),
			column: column ?? '',
			code: incomplete ? code.slice(0, -1).replace(/\.$/, '') : code,
			incomplete
		});
	}
	return { entries, chapters, sections, categorySection, deleted, index };
}

/** Key for finding an entry by code in any form: system plus the undotted upper-case code. */
export function codeKey(system: CodeSystem, code: string): string {
	return `${system}:${normalizeCode(code)}`;
}
