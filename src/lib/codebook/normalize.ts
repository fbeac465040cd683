/**
 * Text and code normalization shared by the index builder and the query parser, so that a
 * title and a query typed in any case, with or without dots, meet on the same tokens.
 */

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
	'by'
]);

/**
 * A light plural fold, applied to both index and query: `fractures` and `fracture` meet.
 * It only ever shortens a word, so prefix matching stays a superset of what was typed.
 */
export function stem(word: string): string {
	if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
	return word;
}

/**
 * Lower-case word tokens. A dotted code inside text (`E11.9`) becomes one token (`e119`), so a
 * code typed in a sentence matches the code's own token.
 */
export function words(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/\b([a-z0-9]{3})\.([a-z0-9]{1,4})\b/g, '$1$2')
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0);
}

/** Tokens as the index stores them: words, folded. */
export function tokens(text: string): string[] {
	return words(text).map(stem);
}
