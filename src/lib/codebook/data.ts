/**
 * The code book's data model, parsed from the compact files in `codesets/` (see its README).
 * Pure: takes the files' text, so the worker (in the browser) and the tests (in Node) share it.
 */
import { changesByCode, parseAddendaTsv, parseCmTsv, revertAddenda, type CmRow } from './addenda';
import { LATEST_CODE_SET_YEAR, type CodeSetYear } from './codesets';
import { parseLayTerms, type LayTerm } from './lay-terms';
import { normalizeCode } from './normalize';

export type CodeSystem = 'icd10cm' | 'icd10pcs' | 'hcpcs';

export const SYSTEM_LABELS: Record<CodeSystem, string> = {
	icd10cm: 'ICD-10-CM',
	icd10pcs: 'ICD-10-PCS',
	hcpcs: 'HCPCS Level II'
};

/**
 * What changed in this release: from the chosen year's ICD-10-CM addenda, or the CMS action code
 * (HCPCS). FY2027 tells a header that was a billable code (`now-header`) and a new title
 * (`retitled`) apart; the FY2026 file is read as before (`revised` covers both).
 */
export type Change = 'new' | 'revised' | 'retitled' | 'now-header';

/** The release of each code set as the app names it everywhere (ICD-10-CM follows the setting). */
export function releaseLabel(system: CodeSystem, year: CodeSetYear): string {
	if (system === 'icd10cm') return `ICD-10-CM FY${year}`;
	if (system === 'icd10pcs') return 'ICD-10-PCS FY2026';
	return 'HCPCS Level II October 2025';
}

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
	/** The title before this year's change (`retitled`, `now-header`). */
	oldTitle?: string;
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
	/**
	 * The index tables are FY2026's: set when the chosen year deleted the code they point at or
	 * made it a header, so the entry is shown with a warning.
	 */
	stale?: 'deleted' | 'now-header';
}

export interface CodeBookData {
	/** The ICD-10-CM fiscal year of `entries`. */
	year: CodeSetYear;
	/** ICD-10-CM in Tabular order, then PCS in order, then HCPCS codes and modifiers. */
	entries: CodeEntry[];
	chapters: Chapter[];
	sections: Section[];
	/** Three-character category -> section id. */
	categorySection: Map<string, string>;
	/** ICD-10-CM codes deleted this year (code -> old title), for a clear "deleted" page. */
	deleted: Map<string, string>;
	/** Deleted codes -> the new codes with the same title (see `changesByCode`). */
	replacedBy: Map<string, string[]>;
	index: IndexTerm[];
	/**
	 * Consumer and chart terms with the codes they mean (`codesets/lay-terms.tsv`), as written:
	 * a code may be a prefix (`I21*`) and may not exist in the FY2026 book. The search resolves
	 * them to entries (`resolveLayTerms` in lay-terms.ts).
	 */
	lay: LayTerm[];
}

export interface CodeBookTexts {
	/** FY2027 ICD-10-CM: the one full table shipped; FY2026 is derived from it and `addenda2027`. */
	icd10cm: string;
	chapters: string;
	sections: string;
	categories: string;
	/** FY2025 -> FY2026 changes (the FY2026 book's badges). */
	addenda: string;
	/** FY2026 -> FY2027 changes. */
	addenda2027: string;
	poaExempt: string;
	index: string;
	icd10pcs: string;
	hcpcs: string;
	/** The lay and chart vocabulary; absent from a book cached before it shipped. */
	lay?: string;
}

/** The files the build serves for the code book, by key (see src/lib/server/codebook-data.ts). */
export const CODEBOOK_FILES: Record<keyof CodeBookTexts, string> = {
	icd10cm: 'icd10cm-2027.tsv',
	chapters: 'icd10cm-2026-chapters.tsv',
	sections: 'icd10cm-2026-sections.tsv',
	categories: 'icd10cm-2027-categories.tsv',
	addenda: 'icd10cm-2026-addenda.tsv',
	addenda2027: 'icd10cm-2027-addenda.tsv',
	poaExempt: 'icd10cm-2026-poa-exempt.txt',
	index: 'icd10cm-2026-index.tsv',
	icd10pcs: 'icd10pcs-2026.tsv',
	hcpcs: 'hcpcs-2025-oct.tsv',
	lay: 'lay-terms.tsv'
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

/** The FY2026 book's badges, from the FY2025 -> FY2026 addenda file as it always was read. */
function fy2026Changes(addenda: string) {
	// An add with no delete is new; a revise_to, or a delete-and-add (a code that became a
	// header or the reverse), is revised; a delete alone is a deleted code.
	const added = new Set<string>();
	const removed = new Map<string, string>();
	const revised = new Set<string>();
	for (const [action, code, , title] of rows(addenda)) {
		if (!code) continue;
		if (action === 'add') added.add(code);
		else if (action === 'delete') removed.set(code, title ?? '');
		else if (action === 'revise_to') revised.add(code);
	}
	const change = new Map<string, { change: Change; oldTitle?: string }>();
	for (const code of added) change.set(code, { change: removed.has(code) ? 'revised' : 'new' });
	for (const code of revised) change.set(code, { change: 'revised' });
	const deleted = new Map([...removed].filter(([code]) => !added.has(code)));
	return { change, deleted, replacedBy: new Map<string, string[]>() };
}

/** The FY2027 book's badges: new, retitled, now a header, and deleted (with successors). */
function fy2027Changes(addenda: string) {
	const change = new Map<string, { change: Change; oldTitle?: string }>();
	const deleted = new Map<string, string>();
	const replacedBy = new Map<string, string[]>();
	for (const [code, c] of changesByCode(parseAddendaTsv(addenda))) {
		if (c.kind === 'new') change.set(code, { change: 'new' });
		else if (c.kind === 'retitled' || c.kind === 'now-header')
			change.set(code, { change: c.kind, oldTitle: c.oldTitle });
		else if (c.kind === 'deleted') {
			deleted.set(code, c.oldTitle);
			if (c.replacedBy.length) replacedBy.set(code, c.replacedBy);
		}
	}
	return { change, deleted, replacedBy };
}

/**
 * The code book for one ICD-10-CM year (FY2027 unless the learner chose FY2026). FY2026 is not
 * shipped: it is FY2027 with the FY2027 addenda undone (`revertAddenda`).
 */
export function parseCodeBook(
	t: CodeBookTexts,
	year: CodeSetYear = LATEST_CODE_SET_YEAR
): CodeBookData {
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

	const fy2027 = parseCmTsv(t.icd10cm);
	const cm: CmRow[] =
		year === 2027 ? fy2027 : revertAddenda(fy2027, parseAddendaTsv(t.addenda2027));
	const { change, deleted, replacedBy } =
		year === 2027 ? fy2027Changes(t.addenda2027) : fy2026Changes(t.addenda);
	if (year !== 2027) {
		// FY2027's new categories are not FY2026's: keep the tree to the year's own codes.
		const codes = new Set(cm.map((r) => r.code));
		for (const c of [...categorySection.keys()]) if (!codes.has(c)) categorySection.delete(c);
	}
	const poa = new Set(rows(t.poaExempt, false).map(([c]) => c));

	const entries: CodeEntry[] = [];
	for (const { code, billable, title } of cm) {
		const section = categorySection.get(code.slice(0, 3));
		const entry: CodeEntry = {
			system: 'icd10cm',
			code,
			title,
			billable,
			chapter: section ? sectionChapter.get(section) : undefined
		};
		const c = change.get(code);
		if (c) {
			entry.change = c.change;
			if (c.oldTitle !== undefined) entry.oldTitle = c.oldTitle;
		}
		if (poa.has(code)) entry.poaExempt = true;
		entries.push(entry);
	}

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
	for (const [table, term, column, published] of rows(t.index)) {
		if (!published || !term) continue;
		const incomplete = published.endsWith('-');
		const code = incomplete ? published.slice(0, -1).replace(/\.$/, '') : published;
		const item: IndexTerm = {
			table: table as IndexTable,
			path: term.split(' > '),
			column: column ?? '',
			code,
			incomplete
		};
		// The index tables are FY2026's, so only a later year can make an entry stale. A `-` entry
		// points at a header on purpose: only a billable code turned header is stale.
		if (year > 2026 && deleted.has(code)) item.stale = 'deleted';
		else if (year > 2026 && !incomplete && change.get(code)?.change === 'now-header')
			item.stale = 'now-header';
		index.push(item);
	}
	const lay = t.lay ? parseLayTerms(t.lay) : [];
	return { year, entries, chapters, sections, categorySection, deleted, replacedBy, index, lay };
}

/**
 * How an index entry reads in a list: table, term path, column, and a warning when the chosen
 * year deleted its code or made it a header (the index tables here are FY2026's).
 */
export function indexTermLabel(t: IndexTerm, year: CodeSetYear): string {
	const label = `${INDEX_TABLE_LABELS[t.table]}: ${t.path.join(', ')}${t.column ? ` (${t.column})` : ''}`;
	if (t.stale === 'deleted') return `${label} [FY2026 index: ${t.code} was deleted in FY${year}]`;
	if (t.stale === 'now-header')
		return `${label} [FY2026 index: ${t.code} is a header in FY${year}, choose a code below it]`;
	return label;
}

/** Key for finding an entry by code in any form: system plus the undotted upper-case code. */
export function codeKey(system: CodeSystem, code: string): string {
	return `${system}:${normalizeCode(code)}`;
}
