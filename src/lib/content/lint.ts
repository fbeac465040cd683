/**
 * Review checks the validator cannot make (issue 11): a guideline citation that names no section
 * of the Official Guidelines, a quoted phrase beside a CPT code number (possibly the AMA's
 * descriptor text), and near-duplicate items. Pure: takes the bank files' text, the parsed items,
 * the code sets and the guideline section ids.
 */
import { CODE_SET_YEARS, type CodeSets } from '../codebook/codesets';
import { findCitations } from './guidelines';
import type { Item, Problem } from './types';
import { kindOf } from '../items/registry';

/** A CPT-shaped code: five digits, or four and F (category II), T (category III) or U (PLA). */
const CPT = /(?<![\w.])\d{4}[0-9FTU](?!\w|\.\d)/;
/** A double-quoted phrase (straight or curly quotes). */
const QUOTED = /["“]([^"“”]+)["”]/g;

/** Each line of a file, with its 1-based number. */
function lines(text: string): [string, number][] {
	return text.split('\n').map((l, i) => [l, i + 1]);
}

/** Citations of guideline sections that do not exist, as `file:line` problems. */
export function citationProblems(
	files: readonly { path: string; text: string }[],
	sections: ReadonlySet<string>
): Problem[] {
	const out: Problem[] = [];
	// The whole file, not line by line: "Section" may end one line and its number start the next.
	for (const f of files)
		for (const c of findCitations(f.text))
			if (!sections.has(c.id))
				out.push({
					file: f.path,
					line: f.text.slice(0, c.index).split('\n').length,
					message: `cites Section ${c.written}, which the FY2026 ICD-10-CM Official Guidelines do not have`
				});
	return out;
}

/** Official titles (ICD-10-CM long title, HCPCS short description) of codes written in `text`. */
export function titlesIn(text: string, codes: CodeSets): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(/\b[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?\b/g)) {
		// Either year's title is public domain (a retitled code has two).
		for (const year of CODE_SET_YEARS) {
			const e = codes.icd10cm(m[0], year);
			if (e) out.push(e.title);
		}
	}
	for (const m of text.matchAll(/\b[A-V]\d{4}\b/g)) {
		const e = codes.hcpcs(m[0]);
		if (e) out.push(e.title);
	}
	return out;
}

function squash(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/**
 * A double-quoted phrase of three or more words on the same line as a CPT-shaped code number:
 * it may be the AMA's descriptor. Quoting the official title of an ICD-10-CM or HCPCS code the
 * item mentions is fine (those are public domain), so such a phrase is not flagged.
 */
export function cptQuoteProblems(
	files: readonly { path: string; text: string }[],
	codes: CodeSets
): Problem[] {
	const out: Problem[] = [];
	for (const f of files) {
		const allowed = new Set(titlesIn(f.text, codes).map(squash));
		for (const [line, n] of lines(f.text)) {
			// A "line" of prose is also a sentence boundary in Markdown lists; sentences within it
			// are split so that a quote two sentences away from a code number is not flagged.
			for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
				const code = CPT.exec(sentence);
				if (!code) continue;
				for (const q of sentence.matchAll(QUOTED)) {
					const phrase = (q[1] ?? '').trim();
					const words = phrase.split(/\s+/).filter(Boolean);
					if (words.length < 3 || allowed.has(squash(phrase))) continue;
					out.push({
						file: f.path,
						line: n,
						message: `quoted phrase "${phrase}" beside CPT code ${code[0]}: is it the AMA descriptor? Use your own words`
					});
				}
			}
		}
	}
	return out;
}

/** What an item's answer is, as text: the keyed option, the code lists or the flashcard back. */
export function keyOf(item: Item): string {
	switch (item.type) {
		case 'single-best-answer':
			return squash(item.options.find((o) => o.letter === item.answer)?.text ?? '');
		case 'code-entry':
			return codeKeyText(item.answer);
		case 'case':
			return item.parts.map((p) => codeKeyText(p.answer)).join(' | ');
		case 'flashcard':
			return squash(item.back);
		default:
			return squash(kindOf(item).keyText(item));
	}
}

function codeKeyText(k: { icd10cm: string[]; procedures: string[]; icd10pcs: string[] }): string {
	// The first-listed diagnosis matters; the other lists are sets.
	return [k.icd10cm.join(','), [...k.procedures].sort().join(','), [...k.icd10pcs].sort().join(',')]
		.join(';')
		.toUpperCase();
}

/** Words that say nothing about what an item asks. */
const STOP = new Set(
	'a an the of in on to and or for is are be by with as at it its this that what which how does do when from not no than into'.split(
		' '
	)
);

/** The content words of a text, lower case. */
export function words(text: string): Set<string> {
	return new Set(
		squash(text)
			.split(' ')
			.filter((w) => w && !STOP.has(w))
	);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (!a.size && !b.size) return 1;
	let both = 0;
	for (const x of a) if (b.has(x)) both++;
	return both / (a.size + b.size - both);
}

export interface NearDuplicate {
	a: Item;
	b: Item;
	/** 0..1: how alike the scenarios or fronts (and a flashcard's backs) are. */
	similarity: number;
}

/**
 * Thresholds, set against the banks of December 2026 (content-word Jaccard): the known duplicate
 * flashcard pairs score 0.39 to 0.54 on the mean of front and back, while unrelated cards that
 * share a topic score below 0.34; scenario items must share the exact key, so a higher bar on
 * the scenario alone keeps two different patients with the same code apart.
 */
export const NEAR_DUPLICATE = { flashcard: 0.35, scenario: 0.5 } as const;

/**
 * Pairs of items that ask the same thing. Scenario items (multiple choice, code entry, cases)
 * must have the same key (the keyed option's text or the code lists, not the answer letter) and
 * similar scenarios; they are bucketed by key, so only items sharing an answer are compared.
 * Flashcard backs are prose, rarely word for word the same, so two cards count when the mean
 * likeness of front and back passes the bar; candidates come from an inverted index of the
 * backs' rarer words, so the cost grows with the pairs that share words, not with n².
 * Warnings, not errors: a reviewer decides (paraphrase detection has false positives).
 */
export function nearDuplicates(items: readonly Item[], bars = NEAR_DUPLICATE): NearDuplicate[] {
	const out: NearDuplicate[] = [];
	const buckets = new Map<string, Item[]>();
	const cards: { item: Item; front: Set<string>; back: Set<string> }[] = [];
	for (const i of items) {
		if (i.type === 'flashcard') {
			cards.push({ item: i, front: words(i.front), back: words(i.back) });
			continue;
		}
		const key = keyOf(i);
		const list = buckets.get(key);
		if (list) list.push(i);
		else buckets.set(key, [i]);
	}
	for (const group of buckets.values()) {
		if (group.length < 2) continue;
		const w = group.map((i) => words(kindOf(i).prompt(i)));
		for (let x = 0; x < group.length; x++)
			for (let y = x + 1; y < group.length; y++) {
				const s = jaccard(w[x]!, w[y]!);
				if (s >= bars.scenario) out.push({ a: group[x]!, b: group[y]!, similarity: s });
			}
	}
	// Inverted index over the backs; a word on more than a tenth of the cards (or 20) names no
	// pair on its own and would make the candidate count quadratic.
	const byWord = new Map<string, number[]>();
	cards.forEach((c, n) => {
		for (const w of c.back) {
			const list = byWord.get(w);
			if (list) list.push(n);
			else byWord.set(w, [n]);
		}
	});
	const common = Math.max(20, cards.length / 10);
	const shared = new Map<number, number>();
	for (const list of byWord.values()) {
		if (list.length > common) continue;
		for (let x = 0; x < list.length; x++)
			for (let y = x + 1; y < list.length; y++) {
				const k = list[x]! * cards.length + list[y]!;
				shared.set(k, (shared.get(k) ?? 0) + 1);
			}
	}
	for (const [k, n] of shared) {
		if (n < 2) continue;
		const a = cards[Math.floor(k / cards.length)]!;
		const b = cards[k % cards.length]!;
		const s = (jaccard(a.front, b.front) + jaccard(a.back, b.back)) / 2;
		if (s >= bars.flashcard) out.push({ a: a.item, b: b.item, similarity: s });
	}
	return out.sort((p, q) => q.similarity - p.similarity || p.a.id.localeCompare(q.a.id));
}

/** A section whose keys give themselves away by their length. */
export interface LengthCue {
	/** `bank/section`. */
	section: string;
	/** Prose multiple-choice items in the section. */
	items: number;
	/** Of those, items whose key is clearly the longest option. */
	longest: string[];
}

/**
 * Test-wise learners pick the longest option: where the key is clearly the longest (a fifth
 * longer than any other option) in more than `share` of a section's prose items, the section
 * teaches that cue. Code-list options (under 40 characters on average) are left out: their
 * length follows the codes. Warnings: an author evens out the options, not the validator.
 */
export function lengthCues(items: readonly Item[], share = 0.4, atLeast = 8): LengthCue[] {
	const bySection = new Map<string, { items: number; longest: string[] }>();
	for (const i of items) {
		if (i.type !== 'single-best-answer') continue;
		const lengths = i.options.map((o) => o.text.length);
		if (lengths.reduce((a, b) => a + b, 0) / lengths.length < 40) continue;
		const key = i.options.find((o) => o.letter === i.answer)!.text.length;
		const others = Math.max(
			...i.options.filter((o) => o.letter !== i.answer).map((o) => o.text.length)
		);
		const s = `${i.bankId}/${i.section}`;
		const entry = bySection.get(s) ?? { items: 0, longest: [] };
		entry.items++;
		if (key > others * 1.2) entry.longest.push(i.id);
		bySection.set(s, entry);
	}
	return [...bySection]
		.filter(([, e]) => e.items >= atLeast && e.longest.length > e.items * share)
		.map(([section, e]) => ({ section, ...e }));
}
