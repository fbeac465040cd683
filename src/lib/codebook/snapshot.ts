/**
 * The parsed code book and its search index in a compact form for IndexedDB: a later visit reads
 * one record (typed arrays and long strings, which structured clone copies in milliseconds)
 * instead of downloading, parsing and indexing again. Pure: the store lives in snapshot-store.ts.
 */
import type { LayTerm } from './lay-terms';
import type { CodeSetYear } from './codesets';
import { CHANGES, entryFlags, isBillable, setBookView, systemOf, type BookView } from './book-view';
import type { Chapter, CodeBookData, CodeEntry, IndexTable, IndexTerm, Section } from './data';
import { INDEX_FORMAT, type IndexSnapshot } from './search';
import { packTexts, TextColumn, type PackedTexts } from './text-column';

/** Bump when `PackedBook` or the way the book is parsed changes (the index has its own). */
export const BOOK_FORMAT = 3;

/**
 * The record key: the data's version (the manifest hash of every code-set file), the year, and
 * both formats, so new data, another year or new code never reads an old record.
 */
export function snapshotKey(version: string, year: CodeSetYear): string {
	return `${version}/FY${year}/book${BOOK_FORMAT}/index${INDEX_FORMAT}`;
}

/**
 * CodeBookData with one row per entry in columns instead of ~240,000 small objects, and its
 * texts as word numbers (text-column.ts): ~10 MB where the texts alone were ~18 MB.
 */
export interface PackedBook {
	format: number;
	year: CodeSetYear;
	/** The codes, each padded to `codeWidth`. */
	codes: string;
	codeWidth: number;
	titles: PackedTexts;
	/** Per entry, `entryFlags` (book-view.ts). */
	flags: Uint16Array;
	/** ICD-10-CM chapter number, 0 for none. */
	chapter: Uint8Array;
	oldTitles: [number, string][];
	chapters: Chapter[];
	sections: Section[];
	categorySection: [string, string][];
	deleted: [string, string][];
	replacedBy: [string, string[]][];
	/** Per index term: table (2 bits), incomplete (4), stale (2 bits from 8). */
	termFlags: Uint8Array;
	/** Per index term: its path joined by ` > `, its column, its code. */
	termPaths: PackedTexts;
	termColumns: PackedTexts;
	termCodes: PackedTexts;
	/** The everyday terms, as parsed (about 1,200 small rows). */
	lay: LayTerm[];
}

export interface Snapshot {
	key: string;
	book: PackedBook;
	index: IndexSnapshot;
}

const TABLES: IndexTable[] = ['drug', 'neoplasm', 'eindex'];
const STALE: IndexTerm['stale'][] = [undefined, 'deleted', 'now-header'];
const PATH = ' > ';

export function packBook(data: CodeBookData): PackedBook {
	const oldTitles: [number, string][] = [];
	data.entries.forEach((e, i) => {
		if (e.oldTitle !== undefined) oldTitles.push([i, e.oldTitle]);
	});
	const codeWidth = data.entries.reduce((w, e) => Math.max(w, e.code.length), 0);
	return {
		format: BOOK_FORMAT,
		year: data.year,
		codes: data.entries.map((e) => e.code.padEnd(codeWidth)).join(''),
		codeWidth,
		titles: packTexts(data.entries.map((e) => e.title)),
		flags: Uint16Array.from(data.entries, entryFlags),
		chapter: Uint8Array.from(data.entries, (e) => e.chapter ?? 0),
		oldTitles,
		chapters: data.chapters,
		sections: data.sections,
		categorySection: [...data.categorySection],
		deleted: [...data.deleted],
		replacedBy: [...data.replacedBy],
		termFlags: Uint8Array.from(
			data.index,
			(t) => TABLES.indexOf(t.table) | (t.incomplete ? 4 : 0) | (STALE.indexOf(t.stale) << 3)
		),
		termPaths: packTexts(data.index.map((t) => t.path.join(PATH))),
		termColumns: packTexts(data.index.map((t) => t.column)),
		termCodes: packTexts(data.index.map((t) => t.code)),
		lay: data.lay
	};
}

/** A packed book read in place: entries and index terms are made one at a time, when asked. */
class PackedView implements BookView {
	readonly size: number;
	readonly terms: number;
	readonly flags: Uint16Array;
	readonly chapter: Uint8Array;
	readonly #codes: string;
	readonly #width: number;
	readonly #titles: TextColumn;
	readonly #termFlags: Uint8Array;
	readonly #paths: TextColumn;
	readonly #columns: TextColumn;
	readonly #termCodes: TextColumn;

	constructor(p: PackedBook) {
		this.flags = p.flags;
		this.chapter = p.chapter;
		this.size = p.flags.length;
		this.#codes = p.codes;
		this.#width = p.codeWidth;
		this.#titles = new TextColumn(p.titles);
		this.#termFlags = p.termFlags;
		this.#paths = new TextColumn(p.termPaths);
		this.#columns = new TextColumn(p.termColumns);
		this.#termCodes = new TextColumn(p.termCodes);
		this.terms = p.termFlags.length;
		const n = this.size;
		if (
			!(p.flags instanceof Uint16Array) ||
			!(p.chapter instanceof Uint8Array) ||
			!(p.termFlags instanceof Uint8Array) ||
			!Number.isInteger(p.codeWidth) ||
			p.codeWidth < 1 ||
			p.codes.length !== n * p.codeWidth ||
			p.chapter.length !== n ||
			this.#titles.length !== n ||
			[this.#paths, this.#columns, this.#termCodes].some((c) => c.length !== this.terms)
		)
			throw new Error('the snapshot does not hold together');
		for (const f of p.flags) if ((f & 3) === 3 || f >> 5 >= CHANGES.length) throw bad();
		for (const f of p.termFlags) if ((f & 3) === 3 || f >> 3 >= STALE.length) throw bad();
	}

	code(i: number): string {
		const at = i * this.#width;
		return this.#codes.slice(at, at + this.#width).trimEnd();
	}

	title(i: number): string {
		return this.#titles.at(i);
	}

	entry(i: number): CodeEntry {
		const f = this.flags[i]!;
		const system = systemOf(f);
		const entry: CodeEntry = {
			system,
			code: this.code(i),
			title: this.title(i),
			billable: isBillable(f)
		};
		if (system === 'icd10cm') entry.chapter = this.chapter[i] || undefined;
		const change = CHANGES[f >> 5];
		if (change) entry.change = change;
		if (f & 16) entry.poaExempt = true;
		if (f & 8) entry.modifier = true;
		return entry;
	}

	term(i: number): IndexTerm {
		const f = this.#termFlags[i]!;
		const term: IndexTerm = {
			table: TABLES[f & 3]!,
			path: this.#paths.at(i).split(PATH),
			column: this.#columns.at(i),
			code: this.#termCodes.at(i),
			incomplete: (f & 4) !== 0
		};
		const stale = STALE[f >> 3];
		if (stale) term.stale = stale;
		return term;
	}
}

const bad = () => new Error('the snapshot does not hold together');

/**
 * The book back from `packBook`, read in place: the search index reads it through `bookView`,
 * and `entries` and `index` become arrays of objects only when something asks for them (a code
 * page's tree), so a visit that only searches never makes them.
 */
export function unpackBook(p: PackedBook): CodeBookData {
	if (p.format !== BOOK_FORMAT) throw new Error('another snapshot format');
	const view = new PackedView(p);
	const oldTitles = p.oldTitles;
	for (const [i] of oldTitles) if (!(i >= 0 && i < view.size)) throw bad();
	let entries: CodeEntry[] | undefined;
	let index: IndexTerm[] | undefined;
	const data = {
		year: p.year,
		get entries(): CodeEntry[] {
			if (!entries) {
				entries = Array.from({ length: view.size }, (_, i) => view.entry(i));
				for (const [i, old] of oldTitles) entries[i]!.oldTitle = old;
			}
			return entries;
		},
		chapters: p.chapters,
		sections: p.sections,
		categorySection: new Map(p.categorySection),
		deleted: new Map(p.deleted),
		replacedBy: new Map(p.replacedBy),
		get index(): IndexTerm[] {
			return (index ??= Array.from({ length: view.terms }, (_, i) => view.term(i)));
		},
		lay: p.lay ?? []
	} satisfies CodeBookData;
	setBookView(data, view);
	return data;
}
