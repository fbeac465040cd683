/**
 * Flashcards from the delimiter-separated text that Anki ("Notes in Plain Text") and Quizlet
 * export: one card a line, front and back (and optionally tags) in columns. Pure: takes the
 * file's text and returns the cards, the rows it skipped with the reason, and a bank to store.
 *
 * Anki may start the file with header lines (`#separator:tab`, `#html:true`, `#tags column:3`,
 * `#deck column:4`, ...) and quotes a field that holds the separator, a quote (`""`) or a line
 * break. Quizlet writes `term<TAB>definition` lines, or a separator the learner chose.
 * A hand-written reader on purpose: quoting is the one rule, and the header decides the separator
 * before any row is read, which a general CSV library would have to be told in a second pass.
 */
import { LATEST_CODE_SET_YEAR } from '../codebook/codesets.ts';
import { EXAM_PRESETS, type Bank, type FlashcardItem } from './types.ts';

/** The separators a learner can pick; Anki's header may name any of them. */
export const SEPARATORS = { tab: '\t', semicolon: ';', comma: ',', pipe: '|' } as const;
export type SeparatorName = keyof typeof SEPARATORS;

/** Limits that keep a pasted novel or a binary file from stalling the page or filling storage. */
export const CARD_LIMITS = { fileChars: 2_000_000, cards: 5_000, fieldChars: 4_000 } as const;

export interface CardRow {
	/** The line the card starts on (1-based), for the preview and for messages. */
	line: number;
	front: string;
	back: string;
	tags: string[];
}

export interface SkippedRow {
	line: number;
	reason: string;
}

export interface CardsParse {
	cards: CardRow[];
	skipped: SkippedRow[];
	separator: SeparatorName;
	/** Whether the fields are HTML (Anki's `#html:true`, the default); plain text is escaped. */
	html: boolean;
	/** A problem with the whole file: nothing can be imported. */
	problem?: string;
}

/** Anki's header names for separators, and the characters themselves. */
const HEADER_SEPARATORS: Record<string, SeparatorName> = {
	tab: 'tab',
	'\t': 'tab',
	semicolon: 'semicolon',
	';': 'semicolon',
	comma: 'comma',
	',': 'comma',
	pipe: 'pipe',
	'|': 'pipe'
};

interface Header {
	separator?: SeparatorName;
	html?: boolean;
	/** 1-based columns that are not card fields (guid, notetype, deck), and the tags column. */
	skipColumns: Set<number>;
	tagsColumn?: number;
	/** Lines the header used. */
	lines: number;
	problem?: string;
}

function readHeader(lines: string[]): Header {
	const header: Header = { skipColumns: new Set(), lines: 0 };
	for (const raw of lines) {
		if (!raw.startsWith('#')) break;
		header.lines++;
		const m = /^#([a-z ]+):(.*)$/i.exec(raw);
		if (!m) continue;
		const key = m[1]!.trim().toLowerCase();
		const value = m[2]!.trim();
		if (key === 'separator') {
			const name = HEADER_SEPARATORS[value.toLowerCase()] ?? HEADER_SEPARATORS[value];
			if (name) header.separator = name;
			else
				header.problem = `line ${header.lines}: the separator "${value}" is not supported (use tab, semicolon, comma or pipe)`;
		} else if (key === 'html') {
			header.html = value.toLowerCase() === 'true';
		} else if (/^(tags|guid|notetype|deck) column$/.test(key)) {
			const n = Number(value);
			if (!Number.isInteger(n) || n < 1) continue;
			if (key === 'tags column') header.tagsColumn = n;
			else header.skipColumns.add(n);
		}
	}
	return header;
}

/**
 * Splits the text into rows of fields, each with its starting line. A field that starts with
 * `"` runs to the next lone `"`: separators and line breaks inside it are text, `""` is one quote.
 */
export function splitRows(text: string, sep: string): { line: number; fields: string[] }[] {
	const rows: { line: number; fields: string[] }[] = [];
	let line = 1;
	let i = 0;
	while (i < text.length) {
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (text[i] === '"') {
				i++;
				for (;;) {
					if (i >= text.length) break; // An unclosed quote: the rest of the file is the field.
					const c = text[i]!;
					if (c === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (c === '\n') line++;
					field += c;
					i++;
				}
				// Text after the closing quote, up to the separator, belongs to the field too.
				while (i < text.length && text[i] !== sep && text[i] !== '\n') field += text[i++];
			} else {
				while (i < text.length && text[i] !== sep && text[i] !== '\n') field += text[i++];
			}
			fields.push(field);
			if (text[i] === sep) {
				i++;
				continue;
			}
			break;
		}
		if (text[i] === '\n') {
			i++;
			line++;
		}
		rows.push({ line: start, fields });
	}
	return rows;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A field as the card shows it: HTML kept (it is sanitized when shown), plain text escaped. */
function cardText(field: string, html: boolean): string {
	const t = field.trim();
	if (html) return t;
	// Markdown would join single line breaks; two spaces before each keep them.
	return escapeHtml(t).replace(/\n/g, '  \n');
}

/**
 * What a field says once HTML is taken away: an Anki field of `<br>` alone is empty. Also the
 * preview's text (shown as text, never as HTML, so the preview runs nothing either).
 */
export function visibleText(field: string): string {
	return field
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;/g, ' ')
		.trim();
}

/**
 * Reads exported cards. `separator` is the learner's choice; a `#separator:` header in the file
 * wins over it, as the file knows how it was written.
 */
export function parseCards(text: string, separator: SeparatorName = 'tab'): CardsParse {
	const empty = (problem: string): CardsParse => ({
		cards: [],
		skipped: [],
		separator,
		html: true,
		problem
	});
	if (text.length > CARD_LIMITS.fileChars)
		return empty(
			`the file holds ${text.length.toLocaleString('en-US')} characters; a card file may hold at most ${CARD_LIMITS.fileChars.toLocaleString('en-US')}`
		);
	if (text.includes('\u0000')) return empty('this is not a text file (it holds binary data)');
	const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const lines = normal.split('\n');
	const header = readHeader(lines);
	if (header.problem) return empty(header.problem);
	const sep = header.separator ?? separator;
	const html = header.html ?? true;
	const body = lines.slice(header.lines).join('\n');

	const cards: CardRow[] = [];
	const skipped: SkippedRow[] = [];
	for (const row of splitRows(body, SEPARATORS[sep])) {
		const line = row.line + header.lines;
		if (row.fields.every((f) => f.trim() === '')) continue; // blank lines
		const fields: string[] = [];
		row.fields.forEach((f, n) => {
			if (n + 1 !== header.tagsColumn && !header.skipColumns.has(n + 1)) fields.push(f);
		});
		// Without a header, a third column holds the tags (Anki's default export, Quizlet has none).
		const tagsField =
			header.tagsColumn !== undefined ? row.fields[header.tagsColumn - 1] : fields[2];
		const [front = '', back] = fields;
		if (back === undefined) {
			skipped.push({
				line,
				reason: `only one column: is the separator ${sep === 'tab' ? 'a tab' : `"${SEPARATORS[sep]}"`}?`
			});
			continue;
		}
		if (!visibleText(front)) {
			skipped.push({ line, reason: 'the front is empty' });
			continue;
		}
		if (!visibleText(back)) {
			skipped.push({ line, reason: 'the back is empty' });
			continue;
		}
		const longest = Math.max(front.length, back.length);
		if (longest > CARD_LIMITS.fieldChars) {
			skipped.push({
				line,
				reason: `a side holds ${longest.toLocaleString('en-US')} characters (at most ${CARD_LIMITS.fieldChars.toLocaleString('en-US')})`
			});
			continue;
		}
		if (cards.length >= CARD_LIMITS.cards) {
			return {
				...empty(
					`the file holds more than ${CARD_LIMITS.cards.toLocaleString('en-US')} cards; split it into smaller decks`
				),
				separator: sep
			};
		}
		cards.push({
			line,
			front: cardText(front, html),
			back: cardText(back, html),
			tags: tagsOf(tagsField)
		});
	}
	if (cards.length === 0 && skipped.length === 0)
		return { ...empty('the file holds no cards'), separator: sep, html };
	return { cards, skipped, separator: sep, html };
}

/** Anki's tags are space-separated words; kept as lower-case words joined by hyphens. */
function tagsOf(field: string | undefined): string[] {
	if (!field) return [];
	const tags = field
		.split(/\s+/)
		.map((t) =>
			t
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '')
		)
		.filter(Boolean);
	return [...new Set(tags)].slice(0, 20);
}

/** Lower-case words joined by hyphens, as ids are: "Cardio: Week 1!" gives `cardio-week-1`. */
export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
}

/** Imported banks' ids start with this, so that no shipped bank's id can be the same. */
export const IMPORTED_PREFIX = 'my-';

/** The bank id a deck of this name is stored under, or undefined for a name without letters. */
export function deckBankId(name: string): string | undefined {
	const slug = slugify(name);
	return slug ? `${IMPORTED_PREFIX}${slug}` : undefined;
}

export const DECK_NAME_MAX = 80;

/** What is wrong with a deck name, or undefined. */
export function deckNameProblem(name: string): string | undefined {
	const t = name.trim();
	if (!t) return 'Give the deck a name.';
	if (t.length > DECK_NAME_MAX) return `A deck name may be at most ${DECK_NAME_MAX} characters.`;
	if (!deckBankId(t)) return 'The deck name needs at least one letter or digit.';
	return undefined;
}

/** The one section of an imported deck. */
export const DECK_SECTION = 'cards';

/**
 * The cards as a bank of flashcards: id `my-<slug>`, items `my-<slug>-0001`... in file order.
 * `file` is the imported file's name, kept on each card with its line (shown in reports).
 */
export function cardsBank(cards: readonly CardRow[], deckName: string, file: string): Bank {
	const title = deckName.trim();
	const id = deckBankId(title);
	if (!id) throw new Error(deckNameProblem(title));
	const items: FlashcardItem[] = cards.map((c, n) => ({
		id: `${id}-${String(n + 1).padStart(4, '0')}`,
		bankId: id,
		type: 'flashcard',
		// The learner's own deck is for the exam they prepare for, whichever it is: the drill
		// draws cards of the target exam first (others at a quarter of the weight).
		exams: [...EXAM_PRESETS],
		section: DECK_SECTION,
		systems: [],
		codeSetYear: LATEST_CODE_SET_YEAR,
		difficulty: 2,
		tags: c.tags,
		rationale: '',
		file: `${file}:${c.line}`,
		front: c.front,
		back: c.back
	}));
	return {
		id,
		title,
		description: `${items.length} flashcards imported from ${file}.`,
		order: IMPORTED_ORDER,
		sections: [{ id: DECK_SECTION, title: 'Cards' }],
		items
	};
}

/** Imported banks are listed after every shipped one (shipped banks use 1-1000). */
export const IMPORTED_ORDER = 5000;
