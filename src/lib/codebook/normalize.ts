/**
 * Text and code normalization shared by the index builder and the query parser, so that a
 * title and a query typed in any case, with or without dots, meet on the same tokens.
 */
import { stemmer as porter } from 'stemmer';
import { PUNCTUATED_SHORTHANDS } from './synonyms.ts';

/** `e11 9`, `E11.9`, `e119` -> `E119`: the form codes take on claims (no dot, upper case). */
export function normalizeCode(input: string): string {
	return input.toUpperCase().replace(/[\s.\-_]/g, '');
}

/**
 * Whether a whole query reads as a code or a partial code: 1 to 7 letters and digits with at
 * least one digit (so `COPD` and `gout` stay words). ICD-10-CM QA0 has a letter second, which
 * the rule allows.
 */
export function looksLikeCode(input: string): boolean {
	const code = normalizeCode(input);
	return /^[A-Z0-9]{1,7}$/.test(code) && /[0-9]/.test(code);
}

/** ICD-10-CM display form: the dot goes after the third character. */
export function dotCm(code: string): string {
	const c = normalizeCode(code);
	return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** Words that carry no meaning for matching (with/without stay: they change the code). */
export const STOPWORDS = new Set([
	'of',
	'the',
	'and',
	'a',
	'an',
	'to',
	'in',
	'on',
	'for',
	'or',
	'at',
	'as',
	'by',
	// Everyday phrasing: "pain when peeing", "my knee is swollen".
	'when',
	'is',
	'are',
	'was',
	'were',
	'my',
	'it',
	'has',
	'had',
	'have',
	'been',
	'very'
]);

const stems = new Map<string, string>();

/**
 * A word's stem (Porter's algorithm, the `stemmer` package), applied to both the index and the
 * query, so that word forms meet: "diabetic" and "diabetes" both give "diabet", "infected" and
 * "infection" "infect", "fractures" and "fractured" "fractur". Memoized: the index stems about
 * two million words drawn from a vocabulary of tens of thousands. Words with digits (codes,
 * "b12") are left as they are.
 */
export function stem(word: string): string {
	let s = stems.get(word);
	if (s === undefined) {
		s = /[0-9]/.test(word) ? word : porter(word);
		// A stem must stay a usable prefix: "lying" -> "ly" would match every "ly..." word.
		if (s.length < 3) s = word;
		stems.set(word, s);
	}
	return s;
}

/** Empties the stem memo: the index builder calls it when done, so the memo's words do not
 * stay in the worker's memory beside the index. */
export function forgetStems(): void {
	stems.clear();
}

// Chart shorthands written with a slash or an ampersand ("s/p", "w/o", "T&A"), which the split
// below would break into single letters. Not after or before a letter or digit ("and/or" stays
// as it is); "w/" may run into its word ("w/hyperglycemia").
const PUNCTUATED_SHORTHAND = new RegExp(
	`(?<![a-z0-9])(?:(${Object.keys(PUNCTUATED_SHORTHANDS)
		.sort((a, b) => b.length - a.length)
		.join('|')})(?![a-z0-9])|w/)`,
	'g'
);

/**
 * Lower-case word tokens. A dotted code inside text (`E11.9`) becomes one token (`e119`), so a
 * code typed in a sentence matches the code's own token. Shorthands written with a slash or an
 * ampersand become the words or abbreviation they stand for (`PUNCTUATED_SHORTHANDS`), in
 * titles, lay terms and queries alike.
 */
export function words(text: string): string[] {
	return text
		.toLowerCase()
		.replace(PUNCTUATED_SHORTHAND, (_, short: string | undefined) =>
			short === undefined ? ' with ' : ` ${PUNCTUATED_SHORTHANDS[short]} `
		)
		.replace(/\b([a-z0-9]{3})\.([a-z0-9]{1,4})\b/g, '$1$2')
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0);
}

/**
 * Letters and digits joined by a hyphen, as one token: "COVID-19" -> "covid19", "B-12" ->
 * "b12". Titles write "vitamin B12" and "COVID-19", learners type either form.
 */
export function joinedWords(text: string): string[] {
	const out: string[] = [];
	for (const m of text.toLowerCase().matchAll(/\b([a-z]+)-([0-9]+[a-z]?)\b|\b([0-9]+)-([a-z]+)\b/g))
		out.push(m[1] !== undefined ? m[1] + m[2] : m[3]! + m[4]!);
	return out;
}

/**
 * Tokens as the index stores them: words, stemmed, and hyphen-joined letter-number forms.
 * `seen` collects the words before stemming (the index keeps those that stemming shortened).
 */
export function tokens(text: string, seen?: Set<string>): string[] {
	const ws = words(text);
	if (seen) for (const w of ws) seen.add(w);
	const out = ws.map(stem);
	if (text.includes('-')) out.push(...joinedWords(text));
	return out;
}
