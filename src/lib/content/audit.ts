/**
 * `npm run banks:audit`: an item printed for a reviewer with the official title of every
 * ICD-10-CM, ICD-10-PCS and HCPCS Level II code it mentions (key, options, scenario, rationale)
 * and the text of each guideline section it cites, so the review checks meaning, not just that
 * a code exists. Pure: the code titles and guideline sections come in as arguments.
 */
import { findCitations, type GuidelineSections } from './guidelines';
import type { CodeKey, Item } from './types';
import { kindOf } from '../items/registry';

/** Official titles of one code-set year; undefined when the code is not in it. */
export interface TitleLookup {
	year: number;
	icd10cm(code: string): string | undefined;
	icd10pcs(code: string): string | undefined;
	hcpcs(code: string): string | undefined;
}

/** How much of a cited section to show: enough to judge the citation, short enough to read. */
export const SECTION_CHARS = 600;

/** Every piece of text an item holds, key included, in reading order. */
export function itemTexts(item: Item): string[] {
	const key = (k: CodeKey) => [...k.icd10cm, ...k.procedures, ...k.icd10pcs].join(' ');
	switch (item.type) {
		case 'single-best-answer':
			return [item.scenario, ...item.options.map((o) => o.text), item.rationale];
		case 'code-entry':
			return [item.scenario, key(item.answer), item.rationale];
		case 'case':
			return [
				item.scenario,
				...item.parts.flatMap((p) => [p.prompt, key(p.answer)]),
				item.rationale
			];
		case 'flashcard':
			return [item.front, item.back, item.rationale];
		default:
			return [...kindOf(item).texts(item), kindOf(item).keyText(item)];
	}
}

export interface CodeMention {
	system: 'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS';
	code: string;
	/** Undefined: the code is not in that year's code set. */
	title: string | undefined;
}

/**
 * The codes an item mentions, once each in order of appearance. ICD-10-CM codes are matched as
 * written with a dot (or a three-character category that exists); a seven-character PCS-shaped
 * token and a letter-plus-four-digits HCPCS token count only if the code set has them, so
 * words like `ABCDEFG` are not taken for codes.
 */
export function codeMentions(item: Item, titles: TitleLookup): CodeMention[] {
	const text = itemTexts(item).join('\n');
	const found: { at: number; m: CodeMention }[] = [];
	const seen = new Set<string>();
	const add = (at: number, m: CodeMention) => {
		if (seen.has(m.system + m.code)) return;
		seen.add(m.system + m.code);
		found.push({ at, m });
	};
	for (const m of text.matchAll(/(?<![\w.])([A-Z][0-9][0-9A-Z])(\.[0-9A-Z]{1,4})?(?![\w])/g)) {
		const code = m[0];
		const title = titles.icd10cm(code);
		// A bare three-character token is a category only if the code set has it (`J02` yes,
		// `A1C` no); a dotted one is reported even when missing, which is what a reviewer must see.
		if (m[2] || title) add(m.index, { system: 'ICD-10-CM', code, title });
	}
	for (const m of text.matchAll(/(?<![\w.])[A-V]\d{4}(?!\w)/g)) {
		const title = titles.hcpcs(m[0]);
		if (title) add(m.index, { system: 'HCPCS', code: m[0], title });
	}
	for (const m of text.matchAll(/(?<![\w.])[0-9A-HJ-NP-Z]{7}(?!\w)/g)) {
		const title = /\d/.test(m[0]) ? titles.icd10pcs(m[0]) : undefined;
		if (title) add(m.index, { system: 'ICD-10-PCS', code: m[0], title });
	}
	return found.sort((a, b) => a.at - b.at).map((f) => f.m);
}

function keyText(item: Item): string {
	const key = (k: CodeKey) =>
		[k.icd10cm.join(', '), k.procedures.join(', '), k.icd10pcs.join(', ')]
			.filter(Boolean)
			.join(' | ');
	switch (item.type) {
		case 'single-best-answer': {
			const o = item.options.find((x) => x.letter === item.answer);
			return `${item.answer}. ${o?.text ?? '(no such option)'}`;
		}
		case 'code-entry':
			return key(item.answer);
		case 'case':
			return item.parts.map((p, i) => `part ${i + 1}: ${key(p.answer)}`).join('; ');
		case 'flashcard':
			return item.back.replace(/\s+/g, ' ');
		default:
			return kindOf(item).keyText(item);
	}
}

function clip(text: string, n: number): string {
	return text.length > n ? text.slice(0, n).trimEnd() + '…' : text;
}

/** One item as banks:audit prints it. */
export function auditItem(item: Item, titles: TitleLookup, guidelines: GuidelineSections): string {
	const out = [
		`== ${item.id} (${item.type}, ${item.bankId}/${item.section}, code-set year ${item.codeSetYear})`,
		`file: ${item.file}`,
		`key: ${keyText(item)}`
	];
	const codes = codeMentions(item, titles);
	out.push(codes.length ? `codes (FY${titles.year} official titles):` : 'codes: none to look up');
	for (const c of codes)
		out.push(
			`  ${c.system.padEnd(10)} ${c.code.padEnd(8)} ${c.title ?? `NOT IN THE FY${titles.year} CODE SET`}`
		);
	const cited = new Map(
		findCitations(itemTexts(item).join('\n')).map((c) => [c.id, c.written] as const)
	);
	for (const [id, written] of cited) {
		const text = guidelines[id];
		out.push(
			text === undefined
				? `guidelines ${written}: NO SUCH SECTION`
				: `guidelines ${id}: ${clip(text, SECTION_CHARS)}`
		);
	}
	return out.join('\n');
}

/** Items picked by bank id, section id, `bank/section` or item id (any of `picks`). */
export function selectItems(items: readonly Item[], picks: readonly string[]): Item[] {
	return items.filter((i) =>
		picks.some(
			(p) => p === i.id || p === i.bankId || p === i.section || p === `${i.bankId}/${i.section}`
		)
	);
}
