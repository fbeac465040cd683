/**
 * The ICD-10-CM Official Guidelines as a section tree, and the citations items make to it.
 * Pure: the parser takes the guidelines' text; the checker takes the set of section ids.
 */

/** Section id (`I.C.4.a.2`, `II.B`, `III`, `Appendix I`) -> the section's own text. */
export type GuidelineSections = Record<string, string>;

/** How long a stored section text may be: banks:audit shows ~600 characters. */
const KEEP = 1200;

/**
 * Heading forms by depth below a Section: `A.`, `1.`, `a.`, `1)`, `(a)`. A line counts as a
 * heading only when its label is the next one expected at that depth (the first one after its
 * parent, or the one after the previous sibling), which keeps numbered lists inside the text
 * ("1. ..." in an example) from being read as sections.
 */
const LEVELS: { re: RegExp; first: string }[] = [
	{ re: /^([A-Z])\.\s+\S/, first: 'A' },
	{ re: /^(\d+)\.\s+\S/, first: '1' },
	{ re: /^([a-z])\.\s+\S/, first: 'a' },
	{ re: /^(\d+)\)\s+\S/, first: '1' },
	{ re: /^\(([a-z])\)\s+\S/, first: 'a' }
];

function next(label: string): string {
	return /\d/.test(label)
		? String(Number(label) + 1)
		: String.fromCharCode(label.charCodeAt(0) + 1);
}

/** Running page headers and footers of the PDF, which are not guideline text. */
function isPageFurniture(line: string): boolean {
	return /ICD-10-CM Official Guidelines for Coding and Reporting|^FY \d{4}$|^Page \d+ of \d+$|^ICD-10-$/.test(
		line
	);
}

export function parseGuidelines(text: string): GuidelineSections {
	const lines = text
		.replace(/\f/g, '\n')
		.split('\n')
		.map((l) => l.trim());
	// Skip the table of contents: the body starts at the second "Section I." heading.
	const starts = lines.flatMap((l, i) => (/^Section I\.\s/.test(l) ? [i] : []));
	const out: GuidelineSections = {};
	const texts = new Map<string, string[]>();
	/** The labels of the current heading at each depth (0 = Section roman numeral). */
	let path: string[] = [];
	let current = '';
	for (let i = starts[1] ?? 0; i < lines.length; i++) {
		const line = lines[i];
		if (!line || isPageFurniture(line)) continue;
		const sec = /^Section ([IVX]+)\.\s/.exec(line);
		if (sec) {
			current = sec[1] ?? '';
			path = [current];
			texts.set(current, [line]);
			continue;
		}
		if (/^Appendix I$/.test(line)) {
			// Appendix I (POA) is one section: its inner headings follow another scheme.
			path = [];
			current = 'Appendix I';
			texts.set(current, []);
			continue;
		}
		if (path.length) {
			let matched = false;
			for (let depth = Math.min(path.length, LEVELS.length); depth >= 1; depth--) {
				const level = LEVELS[depth - 1]!;
				const m = level.re.exec(line);
				if (!m?.[1]) continue;
				const prev = path[depth];
				const expected = prev === undefined ? level.first : next(prev);
				if (m[1] !== expected) continue;
				path = [...path.slice(0, depth), m[1]];
				current = path.join('.');
				texts.set(current, [line]);
				matched = true;
				break;
			}
			if (matched) continue;
		}
		if (current) texts.get(current)?.push(line);
	}
	for (const [id, parts] of texts) {
		const body = parts.join(' ').replace(/\s+/g, ' ').trim();
		out[id] = body.length > KEEP ? body.slice(0, KEEP) + '…' : body;
	}
	return out;
}

export interface Citation {
	/** As normalized: `I.C.4.a.2`, `IV.K`, `Appendix I`. */
	id: string;
	/** As written in the item, for messages. */
	written: string;
	/** 0-based offset in the text. */
	index: number;
}

/**
 * Citations in item text: `Section I.C.4.a.2`, `Sections I.A.4 and I.C.20.a.2`, `Section IV.K.`
 * (a trailing period ends the sentence), `Section I.C.4.a.1.(a)`, `Appendix I`.
 */
export function findCitations(text: string): Citation[] {
	const out: Citation[] = [];
	const id = String.raw`[IVX]+(?:\.(?:[A-Za-z0-9]+|\([a-z]\)))*\.?`;
	// `\s+`, not a space: a wrapped line may put the number on the next line of the file.
	const re = new RegExp(
		String.raw`\bSections?\s+(${id}(?:(?:,\s*|,?\s+(?:and|or)\s+)${id})*)`,
		'g'
	);
	for (const m of text.matchAll(re)) {
		const list = m[1] ?? '';
		let offset = m.index + m[0].length - list.length;
		for (const part of list.split(/(,\s*|,?\s+(?:and|or)\s+)/)) {
			if (/^[IVX]+/.test(part))
				out.push({ id: normalize(part), written: part.replace(/\.$/, ''), index: offset });
			offset += part.length;
		}
	}
	for (const m of text.matchAll(/\bAppendix I\b(?![A-Z.]*[IVX])/g))
		out.push({ id: 'Appendix I', written: 'Appendix I', index: m.index });
	return out;
}

/** `I.C.4.a.1.(a)` and `I.C.4.a.1(a)` -> `I.C.4.a.1.a`; a trailing period goes. */
export function normalize(written: string): string {
	return written.replace(/\.$/, '').replace(/\.?\(([a-z])\)/g, '.$1');
}
