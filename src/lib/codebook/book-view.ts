/**
 * What the search index reads of the book, one entry or index term at a time: a book restored
 * from a snapshot answers from its packed columns (snapshot.ts) without making 190,000 entry
 * objects and 55,000 index-term objects on every visit; a parsed book answers from its arrays.
 * Pure.
 */
import type { Change, CodeBookData, CodeEntry, CodeSystem, IndexTerm } from './data';

export const SYSTEMS: readonly CodeSystem[] = ['icd10cm', 'icd10pcs', 'hcpcs'];
export const CHANGES: readonly (Change | undefined)[] = [
	undefined,
	'new',
	'revised',
	'retitled',
	'now-header'
];

/** An entry's flags: system (2 bits), billable, modifier, POA-exempt, change (3 bits). */
export function entryFlags(e: CodeEntry): number {
	return (
		SYSTEMS.indexOf(e.system) |
		(e.billable ? 4 : 0) |
		(e.modifier ? 8 : 0) |
		(e.poaExempt ? 16 : 0) |
		(CHANGES.indexOf(e.change) << 5)
	);
}

export const systemOf = (flags: number): CodeSystem => SYSTEMS[flags & 3]!;
export const isBillable = (flags: number): boolean => (flags & 4) !== 0;

export interface BookView {
	/** Number of entries. */
	readonly size: number;
	/** Number of index terms. */
	readonly terms: number;
	/** Per entry, `entryFlags`. */
	readonly flags: Uint16Array;
	/** Per entry, its ICD-10-CM chapter, 0 for none. */
	readonly chapter: Uint8Array;
	code(i: number): string;
	title(i: number): string;
	/** The i-th index term (a fresh object from a packed book). */
	term(i: number): IndexTerm;
}

const views = new WeakMap<CodeBookData, BookView>();

/** Makes `view` the way `bookView(data)` reads `data` (unpackBook does, for its lazy book). */
export function setBookView(data: CodeBookData, view: BookView): void {
	views.set(data, view);
}

/** How to read `data` entry by entry: its packed columns when it has them, else its arrays. */
export function bookView(data: CodeBookData): BookView {
	let view = views.get(data);
	if (!view) {
		const { entries, index } = data;
		view = {
			size: entries.length,
			terms: index.length,
			flags: Uint16Array.from(entries, entryFlags),
			chapter: Uint8Array.from(entries, (e) => e.chapter ?? 0),
			code: (i) => entries[i]!.code,
			title: (i) => entries[i]!.title,
			term: (i) => index[i]!
		};
		views.set(data, view);
	}
	return view;
}
