/**
 * The parsed code book and its search index in a compact form for IndexedDB: a later visit reads
 * one record (typed arrays and long strings, which structured clone copies in milliseconds)
 * instead of downloading, parsing and indexing again. Pure: the store lives in snapshot-store.ts.
 */
import type { LayTerm } from './lay-terms';
import type { CodeSetYear } from './codesets';
import type {
	Change,
	Chapter,
	CodeBookData,
	CodeEntry,
	CodeSystem,
	IndexTable,
	IndexTerm,
	Section
} from './data';
import { INDEX_FORMAT, type IndexSnapshot } from './search';

/** Bump when `PackedBook` or the way the book is parsed changes (the index has its own). */
export const BOOK_FORMAT = 2;

/**
 * The record key: the data's version (the manifest hash of every code-set file), the year, and
 * both formats, so new data, another year or new code never reads an old record.
 */
export function snapshotKey(version: string, year: CodeSetYear): string {
	return `${version}/FY${year}/book${BOOK_FORMAT}/index${INDEX_FORMAT}`;
}

/** CodeBookData with one row per entry in columns instead of ~240,000 small objects. */
export interface PackedBook {
	format: number;
	year: CodeSetYear;
	codes: string;
	titles: string;
	/** Per entry: system (2 bits), billable, modifier, POA-exempt, change (3 bits). */
	flags: Uint16Array;
	/** ICD-10-CM chapter number, 0 for none. */
	chapter: Uint8Array;
	oldTitles: [number, string][];
	chapters: Chapter[];
	sections: Section[];
	categorySection: [string, string][];
	deleted: [string, string][];
	replacedBy: [string, string[]][];
	/** Index terms, one line each: table, path (` > `), column, code, incomplete, stale. */
	terms: string;
	/** The everyday terms, as parsed (about 1,200 small rows). */
	lay: LayTerm[];
}

export interface Snapshot {
	key: string;
	book: PackedBook;
	index: IndexSnapshot;
}

const SYSTEMS: CodeSystem[] = ['icd10cm', 'icd10pcs', 'hcpcs'];
const CHANGES: (Change | undefined)[] = [undefined, 'new', 'revised', 'retitled', 'now-header'];

export function packBook(data: CodeBookData): PackedBook {
	const n = data.entries.length;
	const flags = new Uint16Array(n);
	const chapter = new Uint8Array(n);
	const oldTitles: [number, string][] = [];
	data.entries.forEach((e, i) => {
		flags[i] =
			SYSTEMS.indexOf(e.system) |
			(e.billable ? 4 : 0) |
			(e.modifier ? 8 : 0) |
			(e.poaExempt ? 16 : 0) |
			(CHANGES.indexOf(e.change) << 5);
		chapter[i] = e.chapter ?? 0;
		if (e.oldTitle !== undefined) oldTitles.push([i, e.oldTitle]);
	});
	return {
		format: BOOK_FORMAT,
		year: data.year,
		codes: data.entries.map((e) => e.code).join('\n'),
		titles: data.entries.map((e) => e.title).join('\n'),
		flags,
		chapter,
		oldTitles,
		chapters: data.chapters,
		sections: data.sections,
		categorySection: [...data.categorySection],
		deleted: [...data.deleted],
		replacedBy: [...data.replacedBy],
		terms: data.index
			.map((t) =>
				[
					t.table,
					t.path.join(' > '),
					t.column,
					t.code,
					t.incomplete ? '1' : '',
					t.stale ?? ''
				].join('\t')
			)
			.join('\n'),
		lay: data.lay
	};
}

/**
 * The book back from `packBook`. Titles are cut from one long string, so ~190,000 of them cost
 * little more than that string (and do not keep the downloaded files alive).
 */
export function unpackBook(p: PackedBook): CodeBookData {
	if (p.format !== BOOK_FORMAT) throw new Error('another snapshot format');
	const codes = p.codes.split('\n');
	const titles = p.titles.split('\n');
	if (codes.length !== p.flags.length || titles.length !== codes.length)
		throw new Error('the snapshot does not hold together');
	const entries: CodeEntry[] = codes.map((code, i) => {
		const f = p.flags[i]!;
		const system = SYSTEMS[f & 3];
		if (!system) throw new Error('the snapshot does not hold together');
		const entry: CodeEntry = { system, code, title: titles[i]!, billable: (f & 4) !== 0 };
		if (system === 'icd10cm') entry.chapter = p.chapter[i] || undefined;
		const change = CHANGES[f >> 5];
		if (change) entry.change = change;
		if (f & 16) entry.poaExempt = true;
		if (f & 8) entry.modifier = true;
		return entry;
	});
	for (const [i, old] of p.oldTitles) entries[i]!.oldTitle = old;
	const index: IndexTerm[] = !p.terms
		? []
		: p.terms.split('\n').map((line) => {
				const [table, path = '', column = '', code = '', incomplete, stale] = line.split('\t');
				const term: IndexTerm = {
					table: table as IndexTable,
					path: path.split(' > '),
					column,
					code,
					incomplete: incomplete === '1'
				};
				if (stale) term.stale = stale as IndexTerm['stale'];
				return term;
			});
	return {
		year: p.year,
		entries,
		chapters: p.chapters,
		sections: p.sections,
		categorySection: new Map(p.categorySection),
		deleted: new Map(p.deleted),
		replacedBy: new Map(p.replacedBy),
		index,
		lay: p.lay ?? []
	};
}
