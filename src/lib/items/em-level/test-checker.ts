/**
 * Test factories for the kind's unit tests: a `KindChecker` over an item file's text (as the
 * bank validator lends one), and a valid item with overrides.
 */
import type { CodeSets } from '../../codebook/codesets.ts';
import { parseItemFile } from '../../content/parse.ts';
import type { BaseFields, KindChecker } from '../kind.ts';
import { buildEmLevel, EM_SECTIONS } from './build.ts';
import type { EmLevelItem } from './types.ts';

const NO_CODES: CodeSets = {
	icd10cm: () => undefined,
	years: [2026, 2027],
	hcpcs: () => undefined,
	icd10pcs: () => false
};

export interface Built {
	item: EmLevelItem | undefined;
	problems: { line: number; message: string }[];
}

/** Parses an item file and builds it with a checker that records problems by line. */
export function buildFromText(text: string, file = 'bil-em-0000.md'): Built {
	const parsed = parseItemFile(file, text);
	const problems: Built['problems'] = parsed.problems.map((p) => ({
		line: p.line,
		message: p.message
	}));
	if (problems.length) return { item: undefined, problems };
	const data = parsed.data as Record<string, unknown>;
	const sectionText: Record<string, string> = {};
	for (const title of EM_SECTIONS) {
		const s = parsed.sections.get(title);
		if (s?.body.trim()) sectionText[title] = s.body.trim();
		else problems.push({ line: s?.line ?? 1, message: `missing or empty "## ${title}" section` });
	}
	const c: KindChecker = {
		data,
		text: sectionText,
		systems: ['CPT'],
		year: 2027,
		codes: NO_CODES,
		fail: (path, message) => problems.push({ line: parsed.lineOf(path), message }),
		failAt: (line, message) => problems.push({ line, message }),
		section: (title) => parsed.sections.get(title),
		sourceOf: (path) => parsed.sourceOf(path),
		codeKey: () => undefined,
		checkSystems: () => undefined,
		icdProblem: () => undefined,
		procedureProblem: () => undefined,
		modifierProblem: () => undefined
	};
	// The common fields as the validator would read them (it checks them before the kind's own).
	const base: BaseFields = {
		id: String(data.id),
		bankId: 'billing',
		exams: data.exams as BaseFields['exams'],
		section: String(data.section),
		systems: data.systems as BaseFields['systems'],
		codeSetYear: 2027,
		difficulty: data.difficulty as BaseFields['difficulty'],
		tags: (data.tags as string[] | undefined) ?? [],
		rationale: sectionText.Rationale ?? '',
		file
	};
	const item = buildEmLevel(c, base);
	return { item: problems.length ? undefined : item, problems };
}

/** An item file's text with front-matter lines replaced or added (`key: value`). */
export function itemText(front: Record<string, string | undefined>, scenario?: string): string {
	const fields: Record<string, string | undefined> = {
		id: 'bil-em-0000',
		type: 'em-level',
		exams: '[CPB, CBCS]',
		section: 'billing',
		systems: '[CPT]',
		codeSetYear: '2027',
		difficulty: '2',
		setting: 'office-established',
		method: 'mdm',
		problems: 'moderate',
		data: 'low',
		risk: 'moderate',
		level: '99214',
		...front
	};
	const lines = Object.entries(fields)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `${k}: ${v}`);
	return [
		'---',
		...lines,
		'---',
		'',
		'## Scenario',
		'',
		scenario ?? 'A fictional visit note. Total time on the date: 32 minutes.',
		'',
		'## Rationale',
		'',
		'Why.',
		''
	].join('\n');
}

/** A valid MDM item (office, established, 99214), with overrides. */
export function emItem(over: Partial<EmLevelItem> = {}): EmLevelItem {
	return {
		id: 'bil-em-0000',
		bankId: 'billing',
		type: 'em-level',
		exams: ['CPB', 'CBCS'],
		section: 'billing',
		systems: ['CPT'],
		codeSetYear: 2027,
		difficulty: 2,
		tags: [],
		rationale: 'The rationale.',
		file: 'question-banks/billing/bil-em-0000.md',
		scenario: 'A fictional note.',
		setting: 'office-established',
		method: 'mdm',
		grid: { problems: 'moderate', data: 'low', risk: 'moderate' },
		level: '99214',
		why: { problems: 'Two stable chronic illnesses.', data: 'One test reviewed.' },
		...over
	};
}

/** A valid time item (office, established, 32 minutes, 99214), with overrides. */
export function emTimeItem(over: Partial<EmLevelItem> = {}): EmLevelItem {
	const item = emItem({ method: 'time', minutes: 32, why: {}, ...over });
	delete item.grid;
	return item;
}
