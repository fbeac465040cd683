/**
 * A short, plain title for an item, for lists where a learner expects words rather than an id
 * (recent answers, the items that use a code). Pure: the item in, a string out.
 */
import type { Item } from './types';
import { kindOf } from '../items/registry';

/** Long enough for a typical opening sentence, short enough for one line of a list. */
export const TITLE_LENGTH = 90;

/** Words that end in a full stop without ending the sentence. */
const ABBREVIATIONS = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|vs|No|approx|e\.g|i\.e)\.$/i;

/** Markdown to plain words: markup dropped, the text of links, emphasis and code kept. */
export function plainText(markdown: string): string {
	return (
		markdown
			.replace(/<[^>]+>/g, '')
			.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/`+([^`]*)`+/g, '$1')
			// Emphasis markers; underscores only at word edges, so snake_case survives.
			.replace(/\*{1,3}|~~/g, '')
			.replace(/(^|\W)_{1,3}(?=\S)|(?<=\S)_{1,3}(?=\W|$)/g, '$1')
			.split('\n')
			.map((line) =>
				line
					.replace(/^\s*(?:#{1,6}\s+|>\s*|[-+]\s+|\d+[.)]\s+)/, '')
					// Table rows: cells become words, divider rows vanish.
					.replace(/^\s*\|?[\s:|-]*-[\s:|-]*$/, '')
					.replace(/\|/g, ' ')
			)
			.join(' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with "…". */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max + 1);
	const space = cut.lastIndexOf(' ');
	const head = space > 0 ? cut.slice(0, space) : text.slice(0, max);
	return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

/** The first sentence of `text`, or all of it when it has only one. */
function firstSentence(text: string): string {
	const end = /[.?!](?=\s+["'(]?[A-Z0-9])/g;
	for (let m = end.exec(text); m; m = end.exec(text)) {
		const sentence = text.slice(0, m.index + 1);
		if (!ABBREVIATIONS.test(sentence)) return sentence;
	}
	return text;
}

/** The first paragraph of prose: headings and blank lines are skipped. */
function firstParagraph(markdown: string): string {
	const paragraphs = markdown
		.split(/\n\s*\n/)
		.map((p) =>
			p
				.split('\n')
				.filter((line) => !/^\s*#{1,6}\s/.test(line))
				.join('\n')
		)
		.filter((p) => p.trim() !== '');
	return paragraphs[0] ?? '';
}

/**
 * The item's opening words: the first sentence of its scenario (the front of a flashcard),
 * as plain text, cut to `max` characters at a word boundary. The id when there is no text.
 */
export function itemTitle(item: Item, max = TITLE_LENGTH): string {
	const source = kindOf(item).prompt(item);
	const text = plainText(firstParagraph(source));
	return text ? shorten(firstSentence(text), max) : item.id;
}

/** The read-only page of an item (key, rationale, the learner's answers to it). */
export function itemHref(bankId: string, itemId: string): string {
	return `/item?bank=${encodeURIComponent(bankId)}&id=${encodeURIComponent(itemId)}`;
}
