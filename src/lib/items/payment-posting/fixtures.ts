/**
 * Test helpers (imported by this folder's tests only): a KindChecker over a front matter written
 * as YAML, as the bank validator lends one, and a posting item built from it.
 */
import type { CodeSets } from '../../codebook/codesets.ts';
import { parseYaml } from '../../content/parse.ts';
import type { KindChecker } from '../kind.ts';
import { buildPosting } from './build.ts';
import type { PaymentPostingItem } from './types.ts';

export interface Built {
	item: PaymentPostingItem;
	/** `line: message` for each problem. */
	problems: string[];
}

const NO_CODES: CodeSets = {
	icd10cm: (code) =>
		code === 'E11.9'
			? { billable: true, title: 'Type 2 diabetes mellitus without complications' }
			: code === 'E11'
				? { billable: false, title: 'Type 2 diabetes mellitus' }
				: undefined,
	years: [2026, 2027],
	hcpcs: (code) =>
		code === 'J1100'
			? { type: 'procedure', terminated: '', title: 'Dexamethasone sodium phos' }
			: undefined,
	icd10pcs: () => false
};

/** A checker over `yaml` (the front matter only) with the given section texts. */
export function checkerFor(
	yaml: string,
	text: Record<string, string> = {},
	codes: CodeSets = NO_CODES
): { checker: KindChecker; problems: string[] } {
	const y = parseYaml('item.md', yaml, 2);
	const problems = y.problems.map((p) => `${p.line}: ${p.message}`);
	const checker: KindChecker = {
		data: (y.data ?? {}) as Record<string, unknown>,
		text,
		systems: [],
		year: 2027,
		codes,
		fail: (path, message) => problems.push(`${y.lineOf(path)}: ${message}`),
		failAt: (line, message) => problems.push(`${line}: ${message}`),
		section: () => undefined,
		sourceOf: (path) => y.sourceOf(path),
		codeKey: () => undefined,
		checkSystems: () => undefined,
		icdProblem: (code) => {
			const e = codes.icd10cm(code, 2027);
			if (!e) return `ICD-10-CM code ${code} does not exist in FY2027`;
			return e.billable ? undefined : `ICD-10-CM code ${code} is a header, not billable`;
		},
		procedureProblem: () => undefined,
		modifierProblem: () => undefined
	};
	return { checker, problems };
}

const BASE = {
	id: 'bil-post-9999',
	bankId: 'billing',
	exams: ['CPB' as const],
	section: 'reimbursement',
	systems: [],
	codeSetYear: 2027,
	difficulty: 2 as const,
	tags: [],
	rationale: 'Why.',
	file: 'item.md'
};

/** Builds a posting item from its own front-matter fields (YAML). */
export function build(yaml: string, codes?: CodeSets): Built {
	const { checker, problems } = checkerFor(yaml, { Scenario: 'A fictional claim.' }, codes);
	const item = buildPosting(checker, BASE);
	// As the validator lists them: by line, in the order found within a line.
	const line = (p: string) => Number(p.slice(0, p.indexOf(':')));
	return {
		item,
		problems: problems
			.map((p, i) => [p, i] as const)
			.sort((a, b) => line(a[0]) - line(b[0]) || a[1] - b[1])
			.map(([p]) => p)
	};
}

/** Builds an item that must have no problem. */
export function item(yaml: string): PaymentPostingItem {
	const b = build(yaml);
	if (b.problems.length) throw new Error(`the test item has problems:\n${b.problems.join('\n')}`);
	return b.item;
}
