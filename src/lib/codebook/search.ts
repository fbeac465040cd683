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
	joinedWords,
	looksLikeCode,
	normalizeCode,
	stem,
	STOPWORDS,
	tokens,
	words
} from './normalize';
import { preference, queryIntent, type QueryIntent } from './rank';
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

/** A searchable document: a code's own title, or an index-table term pointing at a code. */
interface Doc {
	entry: number;
	/** Only for index terms; a code's own text is built from its entry when needed (memory). */
	text?: string;
	via?: string;
}

/** Candidates handed to fuse.js for the final ranking. */
const RANKED = 60;
/** Below this share of the query's weight, an entry is not a close match. */
const CLOSE = 0.5;
/** How much fuse.js's reading of closeness and word order adds (its score runs 0 to 1). */
const FUSE = 1;
/** The most `preference` (rank.ts) adds to a score. */
const MAX_PREFERENCE = 3;
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
}

/** A candidate's match: the weight of the typed words it holds, in all and as whole words. */
interface Coverage {
	matched: number;
	exact: number;
	clauses: number;
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
	readonly entries: CodeEntry[];
	#docs: Doc[] = [];
	#vocab: string[] = [];
	#postStart!: Int32Array;
	#postings!: Int32Array;
	#docStart!: Int32Array;
	#docTokens!: Int32Array;
	/** Codes without dots, sorted, for code and partial-code look-up. */
	#codeNorm: string[] = [];
	#codeEntry!: Int32Array;
	#mark!: Int32Array;
	#generation = 0;
	/**
	 * Entries already counted in this search's total: a code can match by its code, its title
	 * and several index terms, and "Best 1 of 2 matches" over one code was the result.
	 */
	#counted!: Int32Array;
	#countGeneration = 0;

	constructor(data: CodeBookData) {
		this.entries = data.entries;
		const byKey = new Map<string, number>();
		data.entries.forEach((e, i) => {
			byKey.set(codeKey(e.system, e.code), i);
			this.#docs.push({ entry: i });
		});
		for (const t of data.index) {
			// An entry whose code the year deleted leads to the code with its title, marked.
			const to = t.stale === 'deleted' ? data.replacedBy.get(t.code)?.[0] : t.code;
			const entry = to === undefined ? undefined : byKey.get(codeKey('icd10cm', to));
			if (entry === undefined) continue;
			this.#docs.push({
				entry,
				text: `${t.path.join(' ')} ${t.column}`,
				via: indexTermLabel(t, data.year)
			});
		}
		this.#build();
		const order = data.entries.map((e, i) => [normalizeCode(e.code), i] as const);
		order.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
		this.#codeNorm = order.map(([c]) => c);
		this.#codeEntry = Int32Array.from(order, ([, i]) => i);
		this.#counted = new Int32Array(data.entries.length);
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
		this.#docs.forEach((d, id) => {
			const e = this.entries[d.entry]!;
			const own = d.text
				? tokens(d.text)
				: [...tokens(e.title), normalizeCode(e.code).toLowerCase()];
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

	#text(doc: number): string {
		const d = this.#docs[doc]!;
		if (d.text) return d.text;
		const e = this.entries[d.entry]!;
		return `${e.code} ${e.title}`;
	}

	/** Number of searchable documents (codes plus index-table terms). */
	get size(): number {
		return this.#docs.length;
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
		for (const d of text.docs) keep(this.#docs[d]!.entry, this.#docs[d]!.via);
		const result: SearchResult = { hits, total: Math.max(total, hits.length) };
		if (text.unmatched.length && !hits.length) result.unmatched = text.unmatched;
		else if (text.unmatched.length) result.unmatched = text.unmatched;
		if (text.noCloseMatch && !hits.length) result.noCloseMatch = true;
		return result;
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

	/** Entries whose code starts with `prefix` (no dot): the exact code first, then shorter codes. */
	#byCode(prefix: string, typed: string, f: SearchFilters): number[] {
		const lo = lowerBound(this.#codeNorm, prefix);
		const out: number[] = [];
		for (let i = lo; i < this.#codeNorm.length && this.#codeNorm[i]!.startsWith(prefix); i++) {
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
	 * The index holds stems, so the typed word is stemmed too ("diabetic" meets "diabetes" as
	 * "diabet"); a word still being typed past its stem ("hypertensi") meets the stem it starts
	 * with ("hypertens"); only a word that meets nothing tries typo neighbours.
	 */
	#matcher(token: string, wholeWord = false): Matcher {
		const s = stem(token);
		const lo = lowerBound(this.#vocab, s);
		const exact = this.#vocab[lo] === s ? lo : -1;
		let ranges: [number, number][] = [];
		if (wholeWord) {
			if (exact >= 0) ranges.push([lo, lo + 1]);
		} else {
			let hi = lo;
			while (hi < this.#vocab.length && this.#vocab[hi]!.startsWith(s)) hi++;
			if (hi > lo) ranges.push([lo, hi]);
			if (exact < 0)
				for (let k = token.length - 1; k >= Math.max(5, token.length - 3); k--) {
					const at = lowerBound(this.#vocab, token.slice(0, k));
					if (this.#vocab[at] === token.slice(0, k)) {
						ranges.push([at, at + 1]);
						break;
					}
				}
		}
		const typo = !wholeWord && !ranges.length;
		if (typo) ranges = this.#typoNeighbours(token);
		let estimate = 0;
		for (const [a, b] of ranges) estimate += this.#postStart[b]! - this.#postStart[a]!;
		return { ranges, exact, estimate, typo };
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
		for (let i = lo; i < this.#vocab.length && this.#vocab[i]![0] === first; i++) {
			const v = this.#vocab[i]!;
			if (
				prefixDistance(s, v, k) <= k ||
				(v.length >= shortest && prefixDistance(v, token, k) <= k)
			)
				out.push([i, i + 1]);
		}
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

	#parse(q: string): { clauses: Clause[]; fuseQuery: string; intent: QueryIntent } {
		let typed = words(q);
		const meaningful = typed.filter((w) => !STOPWORDS.has(w));
		if (meaningful.length) typed = meaningful;
		// "b-12", "covid-19": the joined token first, the parts as they were typed as well.
		const joined = new Map<string, string>();
		for (const j of joinedWords(q)) joined.set(j.replace(/[0-9]+[a-z]?$|^[0-9]+/, ''), j);
		const clauses: Clause[] = [];
		let groups: string[][] = [[]];
		const docs = this.#docs.length;
		for (let i = 0; i < typed.length; i++) {
			const w = typed[i]!;
			const next = typed[i + 1];
			const join = next !== undefined && joined.get(w) === w + next ? w + next : undefined;
			const abbreviation = ABBREVIATIONS[w];
			const expansions = abbreviation ?? SYNONYMS[w] ?? [];
			const alternatives = [
				...(join ? [[join]] : []),
				join ? [w, next!] : [w],
				...expansions.map((x) => words(x).filter((t) => !STOPWORDS.has(t)))
			];
			if (join) i++;
			const matchers = alternatives.map((alt, a) =>
				alt.map((t) =>
					this.#matcher(t, (a === 0 && !!abbreviation) || t.length === 1 || /^[0-9]+$/.test(t))
				)
			);
			const usable = matchers.filter((alt) => alt.every((m) => m.ranges.length));
			const estimate = Math.min(...usable.map((alt) => Math.min(...alt.map((m) => m.estimate))));
			clauses.push({
				typed: join ?? w,
				alternatives: usable,
				unmatched: !usable.length,
				weight: usable.length ? Math.log(1 + docs / (1 + estimate)) : 0
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
		const fuseQuery = groups
			.map((g) => g.map((t) => t.replace(/[|'"!^=$]/g, '')).join(' '))
			.join(' | ');
		return { clauses, fuseQuery, intent: queryIntent(typed) };
	}

	/** The weight of the query's clauses that `doc` holds (any alternative), and as whole words. */
	#coverage(doc: number, clauses: Clause[]): Coverage {
		let matched = 0;
		let exact = 0;
		let count = 0;
		for (const c of clauses) {
			for (const alternative of c.alternatives) {
				if (alternative.every((m) => this.#docHas(doc, m))) {
					// A typo neighbour is a guess: "plugh" is one letter from "plug".
					matched += alternative.some((m) => m.typo) ? TYPO_SHARE * c.weight : c.weight;
					count++;
					if (alternative.every((m) => this.#docHasExact(doc, m.exact))) exact += c.weight;
					break;
				}
			}
		}
		return { matched, exact, clauses: count };
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
		f: SearchFilters
	): { docs: number[]; total: number; unmatched: string[]; noCloseMatch: boolean } {
		const { clauses, fuseQuery, intent } = this.#parse(q);
		const unmatched = clauses.filter((c) => c.unmatched).map((c) => c.typed);
		const none = { docs: [], total: 0, unmatched, noCloseMatch: false };
		if (!clauses.length || unmatched.length === clauses.length) return none;
		const weight = clauses.reduce((s, c) => s + c.weight, 0);
		const cost = (c: Clause) =>
			c.alternatives.reduce((s, alt) => s + Math.min(...alt.map((m) => m.estimate)), 0);
		const order = clauses.filter((c) => !c.unmatched).sort((a, b) => cost(a) - cost(b));
		const gen = ++this.#generation;
		const top = new TopK(RANKED);
		const coverageOf = new Map<number, number>();
		let full = 0;
		let partial = 0;
		let unread = weight;
		for (const clause of order) {
			if (full >= RANKED || unread < CLOSE * weight - 1e-9) break;
			unread -= clause.weight;
			for (const alt of clause.alternatives) {
				const lead = alt.reduce((a, b) => (b.estimate < a.estimate ? b : a));
				for (const [a, b] of lead.ranges)
					for (let p = this.#postStart[a]!; p < this.#postStart[b]!; p++) {
						const doc = this.#postings[p]!;
						if (this.#mark[doc] === gen) continue;
						this.#mark[doc] = gen;
						const entry = this.#docs[doc]!.entry;
						const e = this.entries[entry]!;
						if (!this.#passes(e, f)) continue;
						const c = this.#coverage(doc, clauses);
						const share = c.matched / weight;
						if (share < CLOSE) continue;
						const whole = share > 1 - 1e-9;
						if (this.#count(entry)) {
							if (whole) full++;
							else partial++;
						}
						// Short titles that are mostly the typed words, in whole words, come first;
						// an entry's own title beats an index term pointing at it.
						const length = this.#docStart[doc + 1]! - this.#docStart[doc]!;
						const own = this.#docs[doc]!.via ? 0 : 0.3;
						const score = 10 * share + c.exact / weight + (2 * c.clauses) / (length + 2) + own;
						// The preferences move a score by a few points at most: skip reading the
						// title of an entry that could not reach the short list anyway.
						if (top.full && score + MAX_PREFERENCE < top.min) continue;
						coverageOf.set(doc, share);
						top.push(doc, score + preference(e, intent));
					}
			}
		}
		const total = full || partial;
		const candidates = top.sorted();
		const best = Math.max(0, ...candidates.map((c) => coverageOf.get(c.id) ?? 0));
		if (!candidates.length) return { ...none, noCloseMatch: true };
		if (candidates.length === 1 || best < CLOSE)
			return { docs: candidates.map((c) => c.id), total, unmatched, noCloseMatch: false };
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
		return {
			docs: candidates.map((c) => c.id).sort((a, b) => final(b) - final(a) || a - b),
			total,
			unmatched,
			noCloseMatch: false
		};
	}
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
