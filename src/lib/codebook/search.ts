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
	type CodeSystem,
	type IndexTerm
} from './data';
import { looksLikeCode, normalizeCode, stem, STOPWORDS, tokens, words } from './normalize';
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
	/** Per document: what it is (`DocKind`) and which entry or index term it comes from. */
	docKind: Uint8Array;
	docRef: Int32Array;
	/** The entry each document leads to (an index term: its code, or a deleted code's successor). */
	docEntry: Int32Array;
	/** Vocabulary, sorted, joined by `\n` (tokens never hold one). */
	vocab: string;
	postStart: Int32Array;
	postings: Int32Array;
	/** Normalized codes, sorted, each padded to `codeWidth`, and their entries. */
	codeNorm: string;
	codeWidth: number;
	codeEntry: Int32Array;
}

/**
 * Where a document's words come from: an entry's code and title, or an index-table term (its
 * text is the term's path and column; it leads to an entry). New kinds (lay terms) add a value.
 */
const DocKind = { Entry: 0, IndexTerm: 1 } as const;

/** Bump when the snapshot's shape or the way documents are tokenized changes. */
export const INDEX_FORMAT = 2;

/** Candidates handed to fuse.js for the final ranking. */
const RANKED = 60;
/** How far a typed word may be from an indexed word (by length of the typed word). */
function maxTypos(len: number): number {
	return len < 4 ? 0 : len < 7 ? 1 : 2;
}

/** One typed word: alternatives (the word, or an abbreviation's expansions), each a list of words. */
interface Clause {
	alternatives: Matcher[][];
}

/** Vocabulary id ranges that satisfy one typed token (a prefix range, or typo neighbours). */
interface Matcher {
	ranges: [number, number][];
	/** The vocabulary id of the token itself when it is a whole word there. */
	exact: number;
	estimate: number;
}

export class SearchIndex {
	readonly entries: CodeEntry[];
	/** The index-table terms and the year (their `via` labels and texts are built from them). */
	#terms: IndexTerm[];
	#year: CodeBookData['year'];
	/** Per document: what it is, the entry or term it comes from, and the entry it leads to. */
	#docKind!: Uint8Array;
	#docRef!: Int32Array;
	#docEntry!: Int32Array;
	#vocab: string[] = [];
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
		this.entries = data.entries;
		this.#terms = data.index;
		this.#year = data.year;
		this.#counted = new Int32Array(data.entries.length);
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
		this.#docKind = Uint8Array.from(kind);
		this.#docRef = Int32Array.from(ref);
		this.#docEntry = Int32Array.from(entry);
		this.#build();
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
		if (!isSnapshot(snapshot, data.entries.length, data.index.length)) return undefined;
		try {
			return new SearchIndex(data, snapshot);
		} catch {
			return undefined;
		}
	}

	/** The built index in its compact form (shares the typed arrays: do not modify them). */
	snapshot(): IndexSnapshot {
		return {
			format: INDEX_FORMAT,
			entries: this.entries.length,
			terms: this.#terms.length,
			docKind: this.#docKind,
			docRef: this.#docRef,
			docEntry: this.#docEntry,
			vocab: this.#vocab.join('\n'),
			postStart: this.#postStart,
			postings: this.#postings,
			codeNorm: this.#codeNorm,
			codeWidth: this.#codeWidth,
			codeEntry: this.#codeEntry
		};
	}

	#restore(s: IndexSnapshot): void {
		this.#docKind = s.docKind;
		this.#docRef = s.docRef;
		this.#docEntry = s.docEntry;
		this.#vocab = s.vocab ? s.vocab.split('\n') : [];
		this.#postStart = s.postStart;
		this.#postings = s.postings;
		this.#codeNorm = s.codeNorm;
		this.#codeWidth = s.codeWidth;
		this.#codeEntry = s.codeEntry;
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
	}

	/** Adds `entry` to this search's total once; true the first time. */
	#count(entry: number): boolean {
		if (this.#counted[entry] === this.#countGeneration) return false;
		this.#counted[entry] = this.#countGeneration;
		return true;
	}

	#build(): void {
		const docsOf = new Map<string, number[]>();
		const perDoc: string[][] = [];
		this.#docEntry.forEach((entry, id) => {
			const e = this.entries[entry]!;
			const own =
				this.#docKind[id] === DocKind.Entry
					? [...tokens(e.title), normalizeCode(e.code).toLowerCase()]
					: tokens(this.#text(id));
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
	}

	/** The entry a document stands for. */
	#entryOf(doc: number): number {
		return this.#docEntry[doc]!;
	}

	/** How the list names an index-term document's source; undefined for a code's own title. */
	#viaOf(doc: number): string | undefined {
		if (this.#docKind[doc] === DocKind.Entry) return undefined;
		return indexTermLabel(this.#terms[this.#docRef[doc]!]!, this.#year);
	}

	/** The text fuse.js ranks: an index term's words, or a code and its title. */
	#text(doc: number): string {
		if (this.#docKind[doc] === DocKind.Entry) {
			const e = this.entries[this.#entryOf(doc)]!;
			return `${e.code} ${e.title}`;
		}
		const t = this.#terms[this.#docRef[doc]!]!;
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
		if (looksLikeCode(q)) {
			const codes = this.#byCode(normalizeCode(q), q.toUpperCase(), filters);
			for (const e of codes) {
				if (this.#count(e)) total++;
				keep(e);
			}
		}
		const text = this.#byText(q, filters);
		total += text.total;
		for (const d of text.docs) keep(this.#entryOf(d), this.#viaOf(d));
		return { hits, total: Math.max(total, hits.length) };
	}

	#passes(e: CodeEntry, f: SearchFilters): boolean {
		if (f.system && e.system !== f.system) return false;
		if (f.chapter !== undefined && e.chapter !== f.chapter) return false;
		if (f.billableOnly && !e.billable) return false;
		return true;
	}

	#hit(entry: number, via?: string): SearchHit {
		const e = this.entries[entry]!;
		const hit: SearchHit = { code: e.code, system: e.system, title: e.title, billable: e.billable };
		if (e.chapter !== undefined) hit.chapter = e.chapter;
		if (e.change) hit.change = e.change;
		if (e.modifier) hit.modifier = true;
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
			if (this.#passes(this.entries[e]!, f)) out.push(e);
		}
		// The code exactly as typed first (J1100 the HCPCS code before J11.00), then shorter codes
		// (the category, then its subcategories) before the deep codes, each group in code order:
		// typing E11 shows E11, E11.0, E11.1 ... before E11.00.
		const rank = (e: number) =>
			this.entries[e]!.code === typed ? -1 : normalizeCode(this.entries[e]!.code).length;
		return out
			.map((e, i) => [e, i] as const)
			.sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
			.map(([e]) => e);
	}

	/**
	 * `wholeWord`: match only the word itself, not words it starts (an abbreviation such as `uti`
	 * must not match "utilities"; a single letter must not match every word).
	 */
	#matcher(token: string, wholeWord = false): Matcher {
		const lo = lowerBound(this.#vocab, token);
		let hi = lo;
		if (wholeWord) hi = this.#vocab[lo] === token ? lo + 1 : lo;
		else while (hi < this.#vocab.length && this.#vocab[hi]!.startsWith(token)) hi++;
		let ranges: [number, number][] = hi > lo ? [[lo, hi]] : [];
		if (!ranges.length && !wholeWord) ranges = this.#typoNeighbours(token);
		let estimate = 0;
		for (const [a, b] of ranges) estimate += this.#postStart[b]! - this.#postStart[a]!;
		return { ranges, exact: this.#vocab[lo] === token ? lo : -1, estimate };
	}

	/** Indexed words whose start is within a small edit distance of `token` (same first letter). */
	#typoNeighbours(token: string): [number, number][] {
		const k = maxTypos(token.length);
		if (!k) return [];
		const first = token[0]!;
		const lo = lowerBound(this.#vocab, first);
		const out: [number, number][] = [];
		for (let i = lo; i < this.#vocab.length && this.#vocab[i]![0] === first; i++)
			if (prefixDistance(token, this.#vocab[i]!, k) <= k) out.push([i, i + 1]);
		return out;
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

	#parse(q: string): { clauses: Clause[]; fuseQuery: string } {
		let typed = words(q);
		const meaningful = typed.filter((w) => !STOPWORDS.has(w));
		if (meaningful.length) typed = meaningful;
		const clauses: Clause[] = [];
		let groups: string[][] = [[]];
		for (const w of typed) {
			const abbreviation = ABBREVIATIONS[w];
			const expansions = abbreviation ?? SYNONYMS[w] ?? [];
			const alternatives = [
				[w],
				...expansions.map((x) => words(x).filter((t) => !STOPWORDS.has(t)))
			];
			clauses.push({
				alternatives: alternatives.map((alt, i) =>
					alt.map((t) => this.#matcher(stem(t), (i === 0 && !!abbreviation) || t.length === 1))
				)
			});
			// Fuse's extended syntax has no nesting, so alternatives are multiplied out as OR
			// groups (space is AND, | is OR), capped so a query of many abbreviations stays small.
			groups = groups.flatMap((g) => alternatives.map((alt) => [...g, ...alt])).slice(0, 6);
		}
		const fuseQuery = groups
			.map((g) => g.map((t) => t.replace(/[|'"!^=$]/g, '')).join(' '))
			.join(' | ');
		return { clauses, fuseQuery };
	}

	#byText(q: string, f: SearchFilters): { docs: number[]; total: number } {
		const { clauses, fuseQuery } = this.#parse(q);
		if (!clauses.length) return { docs: [], total: 0 };
		// The clause with the fewest postings drives; every other clause filters its documents.
		const cost = (c: Clause) =>
			c.alternatives.reduce((s, alt) => s + Math.min(...alt.map((m) => m.estimate)), 0);
		const driver = clauses.reduce((a, b) => (cost(b) < cost(a) ? b : a));
		const gen = ++this.#generation;
		const top = new TopK(RANKED);
		let total = 0;
		const nClauses = clauses.length;
		for (const alt of driver.alternatives) {
			const lead = alt.reduce((a, b) => (b.estimate < a.estimate ? b : a));
			for (const [a, b] of lead.ranges)
				for (let p = this.#postStart[a]!; p < this.#postStart[b]!; p++) {
					const doc = this.#postings[p]!;
					if (this.#mark[doc] === gen) continue;
					this.#mark[doc] = gen;
					if (!this.#passes(this.entries[this.#entryOf(doc)]!, f)) continue;
					let exact = 0;
					let ok = true;
					for (const c of clauses) {
						let hit = false;
						for (const alternative of c.alternatives) {
							if (alternative.every((m) => this.#docHas(doc, m))) {
								hit = true;
								if (alternative.every((m) => this.#docHasExact(doc, m.exact))) exact++;
								break;
							}
						}
						if (!hit) {
							ok = false;
							break;
						}
					}
					if (!ok) continue;
					if (this.#count(this.#entryOf(doc))) total++;
					// Short titles that are mostly the typed words, in whole words, come first; an
					// entry's own title beats an index term pointing at it.
					const length = this.#docStart[doc + 1]! - this.#docStart[doc]!;
					const own = this.#viaOf(doc) ? 0 : 0.1;
					top.push(doc, (nClauses + exact) / (length + 3) + own);
				}
		}
		const candidates = top.sorted();
		if (candidates.length <= 1) return { docs: candidates.map((c) => c.id), total };
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
		const best = pre.size ? Math.max(...pre.values()) : 1;
		const final = (id: number) => (fuseScore.get(id) ?? 1) - (0.6 * (pre.get(id) ?? 0)) / best;
		return { docs: candidates.map((c) => c.id).sort((a, b) => final(a) - final(b)), total };
	}
}

/**
 * Whether `s` is a snapshot of this format over `entries` entries whose every offset and id
 * stays in range: a damaged snapshot must be rebuilt, never give wrong results or throw mid-search.
 */
function isSnapshot(s: unknown, entries: number, terms: number): s is IndexSnapshot {
	if (typeof s !== 'object' || s === null) return false;
	const x = s as Partial<IndexSnapshot>;
	if (x.format !== INDEX_FORMAT || x.entries !== entries || x.terms !== terms) return false;
	const ints = [x.docRef, x.docEntry, x.postStart, x.postings, x.codeEntry];
	if (!ints.every((a) => a instanceof Int32Array) || !(x.docKind instanceof Uint8Array))
		return false;
	if (typeof x.vocab !== 'string' || typeof x.codeNorm !== 'string') return false;
	const docs = x.docKind.length;
	const { docRef, docEntry, postStart, postings, codeEntry } = x as IndexSnapshot;
	if (docRef.length !== docs || docEntry.length !== docs || codeEntry.length !== entries)
		return false;
	if (!Number.isInteger(x.codeWidth) || x.codeNorm.length !== entries * x.codeWidth!) return false;
	if (
		!postStart.length ||
		postStart[0] !== 0 ||
		postStart[postStart.length - 1] !== postings.length
	)
		return false;
	for (let i = 1; i < postStart.length; i++) if (postStart[i]! < postStart[i - 1]!) return false;
	for (let d = 0; d < docs; d++) {
		const kind = x.docKind[d];
		const max = kind === DocKind.Entry ? entries : kind === DocKind.IndexTerm ? terms : 0;
		if (!(docRef[d]! >= 0 && docRef[d]! < max)) return false;
		if (!(docEntry[d]! >= 0 && docEntry[d]! < entries)) return false;
	}
	for (const p of postings) if (p < 0 || p >= docs) return false;
	for (const e of codeEntry) if (e < 0 || e >= entries) return false;
	return true;
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
