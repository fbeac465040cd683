/**
 * The code book's search: a token-prefix index narrows ~240,000 entries (codes, titles and the
 * index-table terms) to the few that contain every typed word, and fuse.js ranks the best of
 * those. Fuse alone would score every entry on every keystroke; here it only sees a short list.
 * Pure and synchronous: the worker (search.worker.ts) owns one instance.
 */
import Fuse from 'fuse.js';
import {
	codeKey,
	indexTermLabel,
	type CodeBookData,
	type CodeEntry,
	type CodeSystem
} from './data';
import {
	forgetStems,
	joinedWords,
	looksLikeCode,
	normalizeCode,
	stem,
	STOPWORDS,
	tokens,
	words
} from './normalize';
import {
	leadStem,
	mostPreference,
	preference,
	queryIntent,
	traitsOf,
	type QueryIntent
} from './rank';
import { bookView, isBillable, systemOf, CHANGES, type BookView } from './book-view';
import type { LayTerm } from './lay-terms';
import { ABBREVIATIONS, SYNONYMS } from './synonyms';

export interface SearchFilters {
	system?: CodeSystem;
	/** Only codes that can be reported as they are (no headers). */
	billableOnly?: boolean;
	/** ICD-10-CM chapter number; excludes the other systems. */
	chapter?: number;
}

export interface SearchHit {
	code: string;
	system: CodeSystem;
	title: string;
	billable: boolean;
	chapter?: number;
	change?: CodeEntry['change'];
	modifier?: boolean;
	/** Set when the entry was found through an index table term, e.g. the drug table row. */
	via?: string;
}

export interface SearchResult {
	hits: SearchHit[];
	/** Distinct entries matching, before the list was cut to `limit`. */
	total: number;
	/**
	 * Typed words that match nothing in the book, even allowing for typos; the results are
	 * for the other words.
	 */
	unmatched?: string[];
	/**
	 * Entries matched some of the words but none closely enough to show (less than half of the
	 * query's weight): better to say so than to list noise.
	 */
	noCloseMatch?: true;
}

/**
 * A built index in a compact form that structured clone copies fast (typed arrays and a few long
 * strings, no per-document objects), so a later visit restores it instead of rebuilding it. It
 * holds only what cannot be derived quickly: each document's kind and source, the vocabulary and
 * the postings; the per-document token lists are the postings transposed, rebuilt on restore.
 */
export interface IndexSnapshot {
	format: number;
	/** Entries and index terms the index was built over (a snapshot of other data is refused). */
	entries: number;
	terms: number;
	/**
	 * Per document after the entries' own (document i < `entries` is entry i's title): what it is
	 * (`DocKind`), which index term or everyday term it comes from, and the entry it leads to.
	 */
	docKind: Uint8Array;
	docRef: Int32Array;
	docEntry: Int32Array;
	/** Vocabulary, sorted, joined by `\n` (tokens never hold one). */
	vocab: string;
	postStart: Int32Array;
	/**
	 * The postings, each word's documents in rising order, as gaps from the previous one (the
	 * first from 0) in LEB128 bytes: about a third of the 9 MB of 32-bit numbers.
	 */
	postings: Uint8Array;
	/** Normalized codes, sorted, each padded to `codeWidth`, and their entries. */
	codeNorm: string;
	codeWidth: number;
	codeEntry: Int32Array;
	/** Everyday terms the index was built over (a snapshot of other data is refused). */
	lays: number;
	/** See `#rawWords`, `#rawStem`, `#traits` and `#lead`. */
	rawWords: string;
	rawStem: Int32Array;
	traits: Uint8Array;
	lead: Int32Array;
}

/**
 * Where a document's words come from: an entry's code and title, or an index-table term (its
 * text is the term's path and column; it leads to an entry), or an everyday term
 * (codesets/lay-terms.tsv; its text is the term).
 */
const DocKind = { Entry: 0, IndexTerm: 1, Lay: 2 } as const;

/** Bump when the snapshot's shape or the way documents are tokenized changes. */
export const INDEX_FORMAT = 4;

/** Candidates handed to fuse.js for the final ranking. */
const RANKED = 60;
/** Below this share of the query's weight, an entry is not a close match. */
const CLOSE = 0.5;
/** How much fuse.js's reading of closeness and word order adds (its score runs 0 to 1). */
const FUSE = 1;
/**
 * How much of the query an entry holds: half by the weight of the words (a rare word says more
 * than a common one), half by the number of its content words (one rare word of three is not
 * most of the query; "with" is not a third of "afib with rvr").
 */
function shareOf(weighted: number, counted: number): number {
	return (weighted + counted) / 2;
}

const SYNONYM_KEYS = Object.keys(SYNONYMS);

/** How a hit found through an everyday term says so ("Found in the ..."). */
export function layTermLabel(term: string): string {
	return `list of everyday terms: “${term}”`;
}

/**
 * A word in more than one document in twenty ("with", "left", "unspecified") weighs less than
 * this and does not count as a word of the query's content (see `shareOf`).
 */
const CONTENT_WEIGHT = Math.log(21);

/** What a query that is exactly an everyday term adds to that term's documents. */
const EXACT_TERM = 2;

/** At most this many typo neighbours stand for one typed word, the closest first. */
const TYPO_NEIGHBOURS = 12;

/** What a word matched only through a typo neighbour counts for. */
const TYPO_SHARE = 0.6;
/** How far a typed word may be from an indexed word (by length of the typed word). */
function maxTypos(len: number): number {
	return len < 4 ? 0 : len < 7 ? 1 : 2;
}

/** One typed word: alternatives (the word, or an abbreviation's expansions), each a list of words. */
interface Clause {
	typed: string;
	alternatives: Matcher[][];
	/** How much the word says: rarer words weigh more (inverse document frequency). */
	weight: number;
	/** Nothing in the book matches it. */
	unmatched: boolean;
	/** Rare enough to count as a word of the query's content ("with" and "left" are not). */
	content: boolean;
}

/** A candidate's match: the weight of the typed words it holds, in all and as whole words. */
interface Coverage {
	matched: number;
	exact: number;
	/** Content clauses held (see `Clause.content`), and all clauses held. */
	clauses: number;
	all: number;
}

/** Vocabulary id ranges that satisfy one typed token (a prefix range, or typo neighbours). */
interface Matcher {
	ranges: [number, number][];
	/** The vocabulary id of the token itself when it is a whole word there. */
	exact: number;
	estimate: number;
	/** Matched only through typo neighbours: counts for less. */
	typo: boolean;
}

export class SearchIndex {
	/**
	 * The book's entries and index-table terms, read one at a time (a restored book has no
	 * objects for them); with the year, `via` labels and texts are built from them.
	 */
	#book: BookView;
	#lays: LayTerm[];
	#year: CodeBookData['year'];
	/** Per document: what it is, the entry or term it comes from, and the entry it leads to. */
	#docKind!: Uint8Array;
	#docRef!: Int32Array;
	#docEntry!: Int32Array;
	#vocab: string[] = [];
	/**
	 * The indexed words that stemming shortened, sorted, with their stem's vocabulary id: a word
	 * typed part-way past its stem ("sitt" of "sitting", stem "sit") still meets its word.
	 */
	#rawWords: string[] = [];
	#rawStem!: Int32Array;
	/** Per entry: its traits for the preferences (rank.ts), and its title's main term's stem id. */
	#traits!: Uint8Array;
	#lead!: Int32Array;
	/** Per document, its share of the query in the current search (valid where #mark is). */
	#share!: Float32Array;
	#scratch: Coverage = { matched: 0, exact: 0, clauses: 0, all: 0 };
	#postStart!: Int32Array;
	#postings!: Int32Array;
	#docStart!: Int32Array;
	#docTokens!: Int32Array;
	/**
	 * Codes without dots, sorted, for code and partial-code look-up: one string, each code padded
	 * to `#codeWidth` (186,000 short strings would cost several MB and a slow restore).
	 */
	#codeNorm = '';
	#codeWidth = 0;
	#codeEntry!: Int32Array;
	#mark!: Int32Array;
	#generation = 0;
	/**
	 * Entries already counted in this search's total: a code can match by its code, its title
	 * and several index terms, and "Best 1 of 2 matches" over one code was the result.
	 */
	#counted!: Int32Array;
	#countGeneration = 0;

	/** Builds the index, or restores `snapshot` (use `restore` to get undefined, not a throw). */
	constructor(data: CodeBookData, snapshot?: IndexSnapshot) {
		this.#book = bookView(data);
		this.#lays = data.lay ?? [];
		this.#year = data.year;
		this.#counted = new Int32Array(this.#book.size);
		if (snapshot) {
			this.#restore(snapshot);
			return;
		}
		const byKey = new Map<string, number>();
		const kind: number[] = [];
		const ref: number[] = [];
		const entry: number[] = [];
		data.entries.forEach((e, i) => {
			byKey.set(codeKey(e.system, e.code), i);
			kind.push(DocKind.Entry);
			ref.push(i);
			entry.push(i);
		});
		data.index.forEach((t, i) => {
			// An entry whose code the year deleted leads to the code with its title, marked.
			const to = t.stale === 'deleted' ? data.replacedBy.get(t.code)?.[0] : t.code;
			const e = to === undefined ? undefined : byKey.get(codeKey('icd10cm', to));
			if (e === undefined) return;
			kind.push(DocKind.IndexTerm);
			ref.push(i);
			entry.push(e);
		});
		// Everyday and chart terms (codesets/lay-terms.tsv): one document per code a term lists;
		// a prefix (I21*) leads to its own entry, the category or subcategory.
		(data.lay ?? []).forEach((lay, i) => {
			const seen = new Set<number>();
			for (const code of lay.codes) {
				const key = code.endsWith('*') ? code.slice(0, -1) : code;
				const e = byKey.get(codeKey(lay.system, key));
				if (e === undefined || seen.has(e)) continue;
				seen.add(e);
				kind.push(DocKind.Lay);
				ref.push(i);
				entry.push(e);
			}
		});
		this.#docKind = Uint8Array.from(kind);
		this.#docRef = Int32Array.from(ref);
		this.#docEntry = Int32Array.from(entry);
		this.#build(data.entries);
		const order = data.entries.map((e, i) => [normalizeCode(e.code), i] as const);
		order.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
		this.#codeWidth = order.reduce((w, [c]) => Math.max(w, c.length), 0);
		this.#codeNorm = order.map(([c]) => c.padEnd(this.#codeWidth)).join('');
		this.#codeEntry = Int32Array.from(order, ([, i]) => i);
	}

	/**
	 * The index over `data` from a stored snapshot, or undefined when the snapshot does not fit
	 * (another format, other data, or damaged): the caller then builds it afresh.
	 */
	static restore(data: CodeBookData, snapshot: unknown): SearchIndex | undefined {
		const book = bookView(data);
		if (!isSnapshot(snapshot, book.size, book.terms, data.lay?.length ?? 0)) return undefined;
		try {
			return new SearchIndex(data, snapshot);
		} catch {
			return undefined;
		}
	}

	/** The built index in its compact form (shares the typed arrays: do not modify them). */
	snapshot(): IndexSnapshot {
		const own = this.#book.size;
		return {
			format: INDEX_FORMAT,
			entries: own,
			terms: this.#book.terms,
			docKind: this.#docKind.slice(own),
			docRef: this.#docRef.slice(own),
			docEntry: this.#docEntry.slice(own),
			vocab: this.#vocab.join('\n'),
			postStart: this.#postStart,
			postings: encodeGaps(this.#postings, this.#postStart),
			codeNorm: this.#codeNorm,
			codeWidth: this.#codeWidth,
			codeEntry: this.#codeEntry,
			lays: this.#lays.length,
			rawWords: this.#rawWords.join('\n'),
			rawStem: this.#rawStem,
			traits: this.#traits,
			lead: this.#lead
		};
	}

	#restore(s: IndexSnapshot): void {
		const own = this.#book.size;
		const docs = own + s.docKind.length;
		this.#docKind = new Uint8Array(docs);
		this.#docKind.set(s.docKind, own);
		this.#docRef = new Int32Array(docs);
		this.#docEntry = new Int32Array(docs);
		for (let i = 0; i < own; i++) this.#docRef[i] = this.#docEntry[i] = i;
		this.#docRef.set(s.docRef, own);
		this.#docEntry.set(s.docEntry, own);
		this.#vocab = s.vocab ? s.vocab.split('\n') : [];
		this.#postStart = s.postStart;
		this.#postings = decodeGaps(s.postings, s.postStart, docs);
		this.#codeNorm = s.codeNorm;
		this.#codeWidth = s.codeWidth;
		this.#codeEntry = s.codeEntry;
		this.#rawWords = s.rawWords ? s.rawWords.split('\n') : [];
		this.#rawStem = s.rawStem;
		this.#traits = s.traits;
		this.#lead = s.lead;
		if (this.#rawStem.length !== this.#rawWords.length)
			throw new Error('the index snapshot does not hold together');
		if (this.#postStart.length !== this.#vocab.length + 1)
			throw new Error('the index snapshot does not hold together');
		this.#transpose();
	}

	/**
	 * The per-document token lists from the postings: walking the vocabulary in order fills each
	 * document's list in rising token order, as `#build` sorts it.
	 */
	#transpose(): void {
		// Locals, not private fields, in the loops: 2.2 million steps on every warm start.
		const docs = this.#docKind.length;
		const postings = this.#postings;
		const postStart = this.#postStart;
		const start = new Int32Array(docs + 1);
		for (let p = 0; p < postings.length; p++) start[postings[p]! + 1]!++;
		for (let d = 0; d < docs; d++) start[d + 1]! += start[d]!;
		const fill = start.slice(0, docs);
		const tokens = new Int32Array(postings.length);
		for (let w = 0, n = postStart.length - 1; w < n; w++)
			for (let p = postStart[w]!, end = postStart[w + 1]!; p < end; p++)
				tokens[fill[postings[p]!]!++] = w;
		this.#docStart = start;
		this.#docTokens = tokens;
		this.#mark = new Int32Array(docs);
		this.#share = new Float32Array(docs);
	}

	/** Adds `entry` to this search's total once; true the first time. */
	#count(entry: number): boolean {
		if (this.#counted[entry] === this.#countGeneration) return false;
		this.#counted[entry] = this.#countGeneration;
		return true;
	}

	#build(entries: CodeEntry[]): void {
		const docsOf = new Map<string, number[]>();
		const perDoc: string[][] = [];
		const raw = new Set<string>();
		const stemmed = (text: string) => tokens(text, raw);
		this.#docEntry.forEach((entry, id) => {
			const e = entries[entry]!;
			const own =
				this.#docKind[id] === DocKind.Entry
					? [...stemmed(e.title), normalizeCode(e.code).toLowerCase()]
					: stemmed(this.#text(id));
			const unique = [...new Set(own)];
			perDoc.push(unique);
			for (const t of unique) {
				const list = docsOf.get(t);
				if (list) list.push(id);
				else docsOf.set(t, [id]);
			}
		});
		this.#vocab = [...docsOf.keys()].sort();
		const idOf = new Map(this.#vocab.map((w, i) => [w, i]));
		// Only the words whose stem is shorter than themselves are needed (see #matcher).
		const cut = [...raw].filter((w) => stem(w) !== w).sort();
		this.#rawWords = cut;
		this.#rawStem = Int32Array.from(cut, (w) => idOf.get(stem(w)) ?? -1);
		forgetStems();
		this.#traits = Uint8Array.from(entries, traitsOf);
		this.#lead = Int32Array.from(entries, (e) => {
			const lead = leadStem(e.title);
			return lead === undefined ? -1 : (idOf.get(lead) ?? -1);
		});
		let total = 0;
		this.#postStart = new Int32Array(this.#vocab.length + 1);
		this.#vocab.forEach((w, i) => {
			this.#postStart[i] = total;
			total += docsOf.get(w)!.length;
		});
		this.#postStart[this.#vocab.length] = total;
		this.#postings = new Int32Array(total);
		this.#vocab.forEach((w, i) => this.#postings.set(docsOf.get(w)!, this.#postStart[i]!));
		this.#docStart = new Int32Array(perDoc.length + 1);
		this.#docTokens = new Int32Array(total);
		let at = 0;
		perDoc.forEach((list, d) => {
			this.#docStart[d] = at;
			const ids = list.map((w) => idOf.get(w)!).sort((a, b) => a - b);
			this.#docTokens.set(ids, at);
			at += ids.length;
		});
		this.#docStart[perDoc.length] = at;
		this.#mark = new Int32Array(perDoc.length);
		this.#share = new Float32Array(perDoc.length);
	}

	/** The entry a document stands for. */
	#entryOf(doc: number): number {
		return this.#docEntry[doc]!;
	}

	/** How the list names an index-term document's source; undefined for a code's own title. */
	#viaOf(doc: number): string | undefined {
		const kind = this.#docKind[doc];
		if (kind === DocKind.Entry) return undefined;
		if (kind === DocKind.Lay) return layTermLabel(this.#lays[this.#docRef[doc]!]!.term);
		return indexTermLabel(this.#book.term(this.#docRef[doc]!), this.#year);
	}

	/** The text fuse.js ranks: an index term's words, or a code and its title. */
	#text(doc: number): string {
		if (this.#docKind[doc] === DocKind.Entry) {
			const e = this.#entryOf(doc);
			return `${this.#book.code(e)} ${this.#book.title(e)}`;
		}
		if (this.#docKind[doc] === DocKind.Lay) return this.#lays[this.#docRef[doc]!]!.term;
		const t = this.#book.term(this.#docRef[doc]!);
		return `${t.path.join(' ')} ${t.column}`;
	}

	/** Number of searchable documents (codes plus index-table terms). */
	get size(): number {
		return this.#docEntry.length;
	}

	search(query: string, filters: SearchFilters = {}, limit = 50): SearchResult {
		const q = query.trim();
		if (!q) return { hits: [], total: 0 };
		const seen = new Set<number>();
		const hits: SearchHit[] = [];
		let total = 0;
		this.#countGeneration++;
		const keep = (entry: number, via?: string) => {
			if (seen.has(entry) || hits.length >= limit) return;
			seen.add(entry);
			hits.push(this.#hit(entry, via));
		};
		const code = looksLikeCode(q);
		if (code) {
			const codes = this.#byCode(normalizeCode(q), q.toUpperCase(), filters);
			for (const e of codes) {
				if (this.#count(e)) total++;
				keep(e);
			}
		}
		// A code typed in parts ("e11 9") is a code, not words: only entries holding every part.
		const text = this.#byText(q, filters, code ? 1 : CLOSE);
		total += text.total;
		let docs = text.docs;
		if (text.rest.length) {
			// Two conditions in one query ("urinary tract infection due to e coli"): no entry
			// holds every word, so the best entry for the words the first one lacks follows it.
			const other = this.#byText(text.rest.join(' '), filters).docs.slice(0, 2);
			docs = [docs[0]!, ...other, ...docs.slice(1)];
		}
		for (const d of docs) keep(this.#entryOf(d), this.#viaOf(d));
		const result: SearchResult = { hits, total: Math.max(total, hits.length) };
		if (text.unmatched.length) result.unmatched = text.unmatched;
		if (text.noCloseMatch && !hits.length) result.noCloseMatch = true;
		return result;
	}

	/** Whether `entry` passes the filters, read from the book's columns (no entry object). */
	#passes(entry: number, f: SearchFilters): boolean {
		const flags = this.#book.flags[entry]!;
		if (f.system && systemOf(flags) !== f.system) return false;
		// A chapter is ICD-10-CM's: 0 in the column is "none" (other systems, or none given).
		if (f.chapter !== undefined && (this.#book.chapter[entry] || undefined) !== f.chapter)
			return false;
		if (f.billableOnly && !isBillable(flags)) return false;
		return true;
	}

	#hit(entry: number, via?: string): SearchHit {
		const flags = this.#book.flags[entry]!;
		const system = systemOf(flags);
		const hit: SearchHit = {
			code: this.#book.code(entry),
			system,
			title: this.#book.title(entry),
			billable: isBillable(flags)
		};
		const chapter = this.#book.chapter[entry];
		if (system === 'icd10cm' && chapter) hit.chapter = chapter;
		const change = CHANGES[flags >> 5];
		if (change) hit.change = change;
		if (flags & 8) hit.modifier = true;
		if (via) hit.via = via;
		return hit;
	}

	/** The i-th code in code order, without dots. */
	#codeAt(i: number): string {
		const at = i * this.#codeWidth;
		return this.#codeNorm.slice(at, at + this.#codeWidth).trimEnd();
	}

	/** First position in code order whose code is >= `key`. */
	#codeLowerBound(key: string): number {
		let lo = 0;
		let hi = this.#codeEntry.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.#codeAt(mid) < key) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Entries whose code starts with `prefix` (no dot): the exact code first, then shorter codes. */
	#byCode(prefix: string, typed: string, f: SearchFilters): number[] {
		const lo = this.#codeLowerBound(prefix);
		const out: number[] = [];
		for (let i = lo; i < this.#codeEntry.length && this.#codeAt(i).startsWith(prefix); i++) {
			const e = this.#codeEntry[i]!;
			if (this.#passes(e, f)) out.push(e);
		}
		// The code exactly as typed first (J1100 the HCPCS code before J11.00), then shorter codes
		// (the category, then its subcategories) before the deep codes, each group in code order:
		// typing E11 shows E11, E11.0, E11.1 ... before E11.00.
		const rank = (e: number) => {
			const code = this.#book.code(e);
			return code === typed ? -1 : normalizeCode(code).length;
		};
		return out
			.map((e, i) => [e, i] as const)
			.sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
			.map(([e]) => e);
	}

	/**
	 * `wholeWord`: match only the word itself, not words it starts (an abbreviation such as `uti`
	 * must not match "utilities"; a single letter must not match every word).
	 * The index holds stems, so the typed word is stemmed too ("diabetic" meets "diabetes" as
	 * "diabet"); a word still being typed past its stem ("hypertensi") meets the stem it starts
	 * with ("hypertens"); only a word that meets nothing tries typo neighbours.
	 */
	#matcher(token: string, wholeWord = false): Matcher {
		const s = stem(token);
		const at = lowerBound(this.#vocab, s);
		const exact = this.#vocab[at] === s ? at : -1;
		let ranges: [number, number][] = [];
		if (wholeWord) {
			if (exact >= 0) ranges.push([at, at + 1]);
		} else {
			// The word as typed is the start of an indexed stem ("pois" of "poison"), or of a
			// word whose stem is shorter ("sitt" of "sitting", stem "sit"). A whole word is also
			// met by the other forms of its stem ("anemic", stem "anem", meets "anemia"), but a
			// part-word is not stemmed: "pois" would become "poi", the start of "point".
			ranges = this.#prefixRange(token);
			const whole = exact >= 0 || this.#rawWords[lowerBound(this.#rawWords, token)] === token;
			if (s !== token && (whole || !ranges.length)) ranges.push(...this.#prefixRange(s));
			for (let i = lowerBound(this.#rawWords, token); i < this.#rawWords.length; i++) {
				if (!this.#rawWords[i]!.startsWith(token)) break;
				const id = this.#rawStem[i]!;
				if (id >= 0 && !this.#vocab[id]!.startsWith(token)) ranges.push([id, id + 1]);
			}
		}
		const typo = !wholeWord && !ranges.length;
		if (typo) ranges = this.#typoNeighbours(token);
		let estimate = 0;
		for (const [a, b] of ranges) estimate += this.#postStart[b]! - this.#postStart[a]!;
		return { ranges, exact, estimate, typo };
	}

	/** The vocabulary ids of the words that start with `prefix`, as one range (or none). */
	#prefixRange(prefix: string): [number, number][] {
		const lo = lowerBound(this.#vocab, prefix);
		let hi = lo;
		while (hi < this.#vocab.length && this.#vocab[hi]!.startsWith(prefix)) hi++;
		return hi > lo ? [[lo, hi]] : [];
	}

	/**
	 * Indexed stems within a small edit distance of the start of the typed word, or whose start
	 * the typed word is within that distance of (same first letter): "diabtes" meets "diabet",
	 * "complicatons" meets "complic".
	 */
	#typoNeighbours(token: string): [number, number][] {
		const k = maxTypos(token.length);
		if (!k) return [];
		const s = stem(token);
		const first = token[0]!;
		const lo = lowerBound(this.#vocab, first);
		const out: [number, number][] = [];
		const shortest = Math.max(4, token.length - 4);
		const near: [number, number][] = [];
		for (let i = lo; i < this.#vocab.length && this.#vocab[i]![0] === first; i++) {
			const v = this.#vocab[i]!;
			// Twice the distance, plus one when only the second reading holds: the typed word
			// near the start of an indexed stem ("arthritu", "arthriti") beats an indexed stem
			// near the start of the typed word ("arter" of "arthritus").
			const d = prefixDistance(s, v, k);
			if (d <= k) near.push([2 * d, i]);
			else if (v.length >= shortest) {
				const back = prefixDistance(v, token, k);
				if (back <= k) near.push([2 * back + 1, i]);
			}
		}
		// Closest first, then the word seen in more documents: a long typo matches hundreds of
		// rare words, and each one read costs every candidate a look-up.
		const df = (i: number) => this.#postStart[i + 1]! - this.#postStart[i]!;
		near.sort((a, b) => a[0] - b[0] || df(b[1]) - df(a[1]));
		// Only the closest: "osteoperosis" is one letter from "osteoporosis", two from
		// "osteonecrosis", and the second is noise.
		const closest = near[0]?.[0];
		for (const [d, i] of near.slice(0, TYPO_NEIGHBOURS)) if (d === closest) out.push([i, i + 1]);
		return out.sort((a, b) => a[0] - b[0]);
	}

	/** A SYNONYMS word that `w` is a typo of, when `w` itself matches no indexed word. */
	#closeSynonym(w: string, own: Matcher): string | undefined {
		const k = maxTypos(w.length);
		if (!k || !own.typo) return undefined;
		let best: string | undefined;
		let bestD = k + 1;
		for (const key of SYNONYM_KEYS) {
			if (key.length < 6) continue;
			const d = prefixDistance(w, key, k);
			if (d < bestD) [best, bestD] = [key, d];
		}
		return best;
	}

	#docHas(doc: number, m: Matcher): boolean {
		const start = this.#docStart[doc]!;
		const end = this.#docStart[doc + 1]!;
		for (const [a, b] of m.ranges) {
			// Token ids are sorted within a document: find the first id >= a.
			let l = start;
			let h = end;
			while (l < h) {
				const mid = (l + h) >> 1;
				if (this.#docTokens[mid]! < a) l = mid + 1;
				else h = mid;
			}
			if (l < end && this.#docTokens[l]! < b) return true;
		}
		return false;
	}

	#docHasExact(doc: number, id: number): boolean {
		if (id < 0) return false;
		for (let i = this.#docStart[doc]!; i < this.#docStart[doc + 1]!; i++)
			if (this.#docTokens[i] === id) return true;
		return false;
	}

	#parse(q: string): { clauses: Clause[]; fuseQuery: string; intent: QueryIntent } {
		let typed = words(q);
		const meaningful = typed.filter((w) => !STOPWORDS.has(w));
		if (meaningful.length) typed = meaningful;
		// "b-12", "covid-19": the joined token first, the parts as they were typed as well.
		const joined = new Map<string, string>();
		for (const j of joinedWords(q)) joined.set(j.replace(/[0-9]+[a-z]?$|^[0-9]+/, ''), j);
		const clauses: Clause[] = [];
		let groups: string[][] = [[]];
		const docs = this.#docEntry.length;
		// One matcher per word and mode in a query: a misspelt word's typo scan runs once.
		const memo = new Map<string, Matcher>();
		const matcher = (t: string, whole: boolean) => {
			const key = `${whole ? 1 : 0}${t}`;
			let m = memo.get(key);
			if (!m) memo.set(key, (m = this.#matcher(t, whole)));
			return m;
		};
		for (let i = 0; i < typed.length; i++) {
			const w = typed[i]!;
			const next = typed[i + 1];
			const join = next !== undefined && joined.get(w) === w + next ? w + next : undefined;
			const abbreviation = ABBREVIATIONS[w];
			// A misspelt everyday word ("apendectomy") still brings its synonyms.
			const synonym = SYNONYMS[w]
				? w
				: abbreviation
					? undefined
					: this.#closeSynonym(w, matcher(w, false));
			const expansions = abbreviation ?? (synonym ? SYNONYMS[synonym]! : []);
			const alternatives = [
				...(join ? [[join]] : []),
				join ? [w, next!] : [w],
				...expansions.map((x) => words(x).filter((t) => !STOPWORDS.has(t)))
			];
			if (join) i++;
			const matchers = alternatives.map((alt, a) =>
				alt.map((t) =>
					matcher(t, (a === 0 && !!abbreviation) || t.length === 1 || /^[0-9]+$/.test(t))
				)
			);
			const usable = matchers.filter((alt) => alt.every((m) => m.ranges.length));
			const estimate = Math.min(...usable.map((alt) => Math.min(...alt.map((m) => m.estimate))));
			clauses.push({
				typed: join ?? w,
				alternatives: usable,
				unmatched: !usable.length,
				weight: usable.length ? Math.log(1 + docs / (1 + estimate)) : 0,
				content: true
			});
			// Fuse's extended syntax has no nesting, so alternatives are multiplied out as OR
			// groups (space is AND, | is OR), capped so a query of many abbreviations stays small.
			groups = groups.flatMap((g) => alternatives.map((alt) => [...g, ...alt])).slice(0, 6);
		}
		// A word that matches nothing weighs as much as a typical word of the query, so that a
		// query of mostly unknown words is not a close match for its one known word.
		const known = clauses.filter((c) => !c.unmatched).map((c) => c.weight);
		const typical = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
		for (const c of clauses) if (c.unmatched) c.weight = typical;
		for (const c of clauses) c.content = c.weight >= CONTENT_WEIGHT;
		if (!clauses.some((c) => c.content)) for (const c of clauses) c.content = true;
		const fuseQuery = groups
			.map((g) => g.map((t) => t.replace(/[|'"!^=$]/g, '')).join(' '))
			.join(' | ');
		return { clauses, fuseQuery, intent: queryIntent(typed) };
	}

	/** Whether the main term of `entry`'s title is one of the typed words (in any of its forms). */
	#leads(entry: number, clauses: Clause[]): boolean {
		const id = this.#lead[entry]!;
		if (id < 0) return false;
		for (const c of clauses)
			for (const alt of c.alternatives)
				for (const m of alt) for (const [a, b] of m.ranges) if (id >= a && id < b) return true;
		return false;
	}

	/** The weight of the query's clauses that `doc` holds (any alternative), and as whole words. */
	#coverage(doc: number, clauses: Clause[]): Coverage {
		// Plain loops: this runs for every document read, tens of thousands per keystroke.
		const c = this.#scratch;
		c.matched = 0;
		c.exact = 0;
		c.clauses = 0;
		c.all = 0;
		for (let i = 0; i < clauses.length; i++) {
			const clause = clauses[i]!;
			for (let a = 0; a < clause.alternatives.length; a++) {
				const alternative = clause.alternatives[a]!;
				let all = true;
				let typo = false;
				let exact = true;
				for (let j = 0; j < alternative.length && all; j++) {
					const m = alternative[j]!;
					all = this.#docHas(doc, m);
					typo ||= m.typo;
					exact &&= all && this.#docHasExact(doc, m.exact);
				}
				if (!all) continue;
				// A typo neighbour is a guess: "plugh" is one letter from "plug".
				c.matched += typo ? TYPO_SHARE * clause.weight : clause.weight;
				if (clause.content) c.clauses++;
				c.all++;
				if (exact) c.exact += clause.weight;
				break;
			}
		}
		return c;
	}

	/**
	 * Entries that hold the most of the typed words, rarer words counting more; then a coder's
	 * preferences (rank.ts) and fuse.js's reading of word order and closeness among the best 60.
	 * Documents are read from the postings of the rarest words first; a word's postings are read
	 * only while documents holding none of the words read so far could still be close matches,
	 * and not at all once 60 entries hold every word.
	 */
	#byText(
		q: string,
		f: SearchFilters,
		close = CLOSE
	): {
		docs: number[];
		total: number;
		unmatched: string[];
		noCloseMatch: boolean;
		/** When no entry holds every word: the typed words the first entry lacks. */
		rest: string[];
	} {
		const { clauses, fuseQuery, intent } = this.#parse(q);
		const unmatched = clauses.filter((c) => c.unmatched).map((c) => c.typed);
		const none = { docs: [], total: 0, unmatched, noCloseMatch: false, rest: [] };
		if (!clauses.length || unmatched.length === clauses.length) return none;
		const weight = clauses.reduce((s, c) => s + c.weight, 0);
		const cost = (c: Clause) =>
			c.alternatives.reduce((s, alt) => s + Math.min(...alt.map((m) => m.estimate)), 0);
		const order = clauses.filter((c) => !c.unmatched).sort((a, b) => cost(a) - cost(b));
		const contentClauses = clauses.filter((c) => c.content).length;
		const gen = ++this.#generation;
		const most = mostPreference(intent);
		const top = new TopK(RANKED);
		let full = 0;
		let partial = 0;
		let unread = weight;
		let unreadClauses = contentClauses;
		for (const clause of order) {
			// A document holding none of the words read so far holds at most the unread ones.
			const reachable = shareOf(unread / weight, unreadClauses / contentClauses);
			if (full >= RANKED || reachable < close - 1e-9) break;
			unread -= clause.weight;
			if (clause.content) unreadClauses--;
			for (const alt of clause.alternatives) {
				const lead = alt.reduce((a, b) => (b.estimate < a.estimate ? b : a));
				for (const [a, b] of lead.ranges)
					for (let p = this.#postStart[a]!; p < this.#postStart[b]!; p++) {
						const doc = this.#postings[p]!;
						if (this.#mark[doc] === gen) continue;
						this.#mark[doc] = gen;
						const entry = this.#entryOf(doc);
						if (!this.#passes(entry, f)) continue;
						const c = this.#coverage(doc, clauses);
						const share = shareOf(c.matched / weight, c.clauses / contentClauses);
						if (share < close - 1e-9) continue;
						const whole = share > 1 - 1e-9;
						if (this.#count(entry)) {
							if (whole) full++;
							else partial++;
						}
						// Short titles that are mostly the typed words, in whole words, come first;
						// an entry's own title beats an index term pointing at it.
						const length = this.#docStart[doc + 1]! - this.#docStart[doc]!;
						const kind = this.#docKind[doc];
						const own = kind === DocKind.Entry ? 0.15 : 0;
						// The query is exactly an everyday term ("food poisoning"): that term's codes
						// first, before titles that merely hold the words.
						const term =
							kind === DocKind.Lay && c.exact > weight - 1e-9 && length === c.all ? EXACT_TERM : 0;
						// A description of dozens of words (a HCPCS service's) holds common words by
						// chance: "with" in G0250 is not the "with" of "afib with rvr".
						const long = Math.min(1, Math.max(0, (length - 20) / 40));
						const score =
							10 * share + c.exact / weight + (2 * c.all) / (length + 2) + own + term - long;
						if (top.full && score + most < top.min) continue;
						this.#share[doc] = share;
						const lead = intent.wantsDefault && this.#leads(entry, clauses);
						top.push(doc, score + preference(this.#traits[entry]!, lead, intent));
					}
			}
		}
		const total = full || partial;
		const candidates = top.sorted();
		const best = Math.max(0, ...candidates.map((c) => this.#share[c.id]!));
		if (!candidates.length) return { ...none, noCloseMatch: true };
		if (candidates.length === 1 || best < CLOSE)
			return { ...none, docs: candidates.map((c) => c.id), total };
		const pre = new Map(candidates.map((c) => [c.id, c.score]));
		const fuse = new Fuse(
			candidates.map((c) => ({ id: c.id, text: this.#text(c.id) })),
			{
				keys: ['text'],
				includeScore: true,
				useExtendedSearch: true,
				ignoreLocation: true,
				threshold: 0.6
			}
		);
		const fuseScore = new Map<number, number>();
		for (const r of fuse.search(fuseQuery)) fuseScore.set(r.item.id, r.score ?? 1);
		const final = (id: number) => pre.get(id)! + FUSE * (1 - (fuseScore.get(id) ?? 1));
		const docs = candidates.map((c) => c.id).sort((a, b) => final(b) - final(a) || a - b);
		const rest =
			full === 0 && clauses.length > 1
				? clauses
						.filter(
							(c) =>
								!c.unmatched &&
								c.content &&
								!c.alternatives.some((alt) => alt.every((m) => this.#docHas(docs[0]!, m)))
						)
						.map((c) => c.typed)
				: [];
		return { ...none, docs, total, rest };
	}
}

/**
 * Whether `s` is a snapshot of this format over `entries` entries whose every offset and id
 * stays in range: a damaged snapshot must be rebuilt, never give wrong results or throw mid-search.
 */
function isSnapshot(s: unknown, entries: number, terms: number, lays: number): s is IndexSnapshot {
	if (typeof s !== 'object' || s === null) return false;
	const x = s as Partial<IndexSnapshot>;
	if (x.format !== INDEX_FORMAT || x.entries !== entries || x.terms !== terms || x.lays !== lays)
		return false;
	const ints = [x.docRef, x.docEntry, x.postStart, x.codeEntry, x.rawStem, x.lead];
	if (!ints.every((a) => a instanceof Int32Array) || !(x.docKind instanceof Uint8Array))
		return false;
	if (!(x.postings instanceof Uint8Array)) return false;
	if (!(x.traits instanceof Uint8Array) || x.traits.length !== entries) return false;
	if (x.lead!.length !== entries || typeof x.rawWords !== 'string') return false;
	if (typeof x.vocab !== 'string' || typeof x.codeNorm !== 'string') return false;
	const extra = x.docKind.length;
	const { docRef, docEntry, postStart, codeEntry } = x as IndexSnapshot;
	if (docRef.length !== extra || docEntry.length !== extra || codeEntry.length !== entries)
		return false;
	if (!Number.isInteger(x.codeWidth) || x.codeNorm.length !== entries * x.codeWidth!) return false;
	if (!postStart.length || postStart[0] !== 0) return false;
	for (let i = 1; i < postStart.length; i++) if (postStart[i]! < postStart[i - 1]!) return false;
	// The entries' own documents are implied; the others are index terms and everyday terms.
	for (let d = 0; d < extra; d++) {
		const kind = x.docKind[d];
		const max = kind === DocKind.IndexTerm ? terms : kind === DocKind.Lay ? lays : 0;
		if (!(docRef[d]! >= 0 && docRef[d]! < max)) return false;
		if (!(docEntry[d]! >= 0 && docEntry[d]! < entries)) return false;
	}
	for (const e of codeEntry) if (e < 0 || e >= entries) return false;
	// The postings are checked as they are decoded (`decodeGaps`).
	return true;
}

/** Each word's postings as gaps in LEB128 bytes (see `IndexSnapshot.postings`). */
function encodeGaps(postings: Int32Array, postStart: Int32Array): Uint8Array {
	const out = new Uint8Array(postings.length * 5);
	let at = 0;
	for (let w = 0; w + 1 < postStart.length; w++) {
		let prev = 0;
		for (let p = postStart[w]!; p < postStart[w + 1]!; p++) {
			let v = postings[p]! - prev;
			prev = postings[p]!;
			while (v >= 0x80) {
				out[at++] = (v & 0x7f) | 0x80;
				v >>>= 7;
			}
			out[at++] = v;
		}
	}
	return out.slice(0, at);
}

/**
 * The postings back from `encodeGaps`; throws unless there are exactly `postStart`'s count of
 * them, each word's rising, all below `docs`: a damaged record must never reach a search.
 */
function decodeGaps(bytes: Uint8Array, postStart: Int32Array, docs: number): Int32Array {
	const total = postStart[postStart.length - 1]!;
	const out = new Int32Array(total);
	let at = 0;
	for (let w = 0, words = postStart.length - 1; w < words; w++) {
		let prev = 0;
		for (let p = postStart[w]!, end = postStart[w + 1]!; p < end; p++) {
			let v = 0;
			let shift = 0;
			let b: number;
			do {
				if (at >= bytes.length || shift > 28) throw new Error('the index snapshot is damaged');
				b = bytes[at++]!;
				v |= (b & 0x7f) << shift;
				shift += 7;
			} while (b & 0x80);
			// Rising within a word, except that a word's first document may be 0.
			if ((v === 0 && p !== postStart[w]) || v < 0)
				throw new Error('the index snapshot is damaged');
			prev += v;
			if (prev >= docs) throw new Error('the index snapshot is damaged');
			out[p] = prev;
		}
	}
	if (at !== bytes.length) throw new Error('the index snapshot is damaged');
	return out;
}

/** First index in a sorted array whose value is >= `key`. */
function lowerBound(sorted: string[], key: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid]! < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Edit distance (with transpositions) between `a` and the closest prefix of `b`, stopping early
 * once it must exceed `max`: "diabtes" is 1 from "diabetes", "pnuemo" 1 from "pneumonia".
 */
export function prefixDistance(a: string, b: string, max: number): number {
	const n = a.length;
	const m = Math.min(b.length, n + max);
	if (m < n - max) return max + 1;
	let prev2: number[] = [];
	let prev = Array.from({ length: m + 1 }, (_, j) => j);
	for (let i = 1; i <= n; i++) {
		const cur = [i];
		let rowMin = i;
		for (let j = 1; j <= m; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				v = Math.min(v, prev2[j - 2]! + 1);
			cur.push(v);
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		prev2 = prev;
		prev = cur;
	}
	// Any prefix of b may end the match: the typed word may be a word still being typed.
	return Math.min(...prev.slice(Math.max(0, n - max)));
}

/** Keeps the k highest-scoring ids seen (a small min-heap). */
class TopK {
	#ids: number[] = [];
	#scores: number[] = [];
	constructor(readonly k: number) {}

	get full(): boolean {
		return this.#ids.length >= this.k;
	}

	/** The lowest score kept (the heap's root). */
	get min(): number {
		return this.#scores[0] ?? -Infinity;
	}

	push(id: number, score: number): void {
		if (this.#ids.length < this.k) {
			this.#ids.push(id);
			this.#scores.push(score);
			this.#up(this.#ids.length - 1);
		} else if (score > this.#scores[0]!) {
			this.#ids[0] = id;
			this.#scores[0] = score;
			this.#down(0);
		}
	}

	sorted(): { id: number; score: number }[] {
		return this.#ids
			.map((id, i) => ({ id, score: this.#scores[i]! }))
			.sort((a, b) => b.score - a.score || a.id - b.id);
	}

	#swap(i: number, j: number): void {
		[this.#ids[i], this.#ids[j]] = [this.#ids[j]!, this.#ids[i]!];
		[this.#scores[i], this.#scores[j]] = [this.#scores[j]!, this.#scores[i]!];
	}

	#up(i: number): void {
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (this.#scores[p]! <= this.#scores[i]!) return;
			this.#swap(i, p);
			i = p;
		}
	}

	#down(i: number): void {
		const n = this.#ids.length;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let s = i;
			if (l < n && this.#scores[l]! < this.#scores[s]!) s = l;
			if (r < n && this.#scores[r]! < this.#scores[s]!) s = r;
			if (s === i) return;
			this.#swap(i, s);
			i = s;
		}
	}
}
