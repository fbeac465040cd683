/**
 * The everyday evaluation set (bench/codebook-eval/everyday.tsv) is only worth its figures if its
 * keys are right: every accepted code must be a reportable code of the shipped book, and every
 * prefix must lead to at least one. A failure names the row.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { realCodeBook } from '../../../tests/factories/codebook';
import { parseEvalTsv, systemOf, type EvalRow } from './eval';

const FILE = 'bench/codebook-eval/everyday.tsv';
const KINDS = ['lay', 'chart', 'typo', 'multi', 'single', 'poisoning', 'hcpcs', 'pcs'];

let rows: EvalRow[];
/** Reportable codes by system: billable CM, valid PCS, active HCPCS (the book holds no others). */
let reportable: Map<string, string[]>;

beforeAll(() => {
	rows = parseEvalTsv(readFileSync(FILE, 'utf8'), FILE);
	reportable = new Map();
	for (const e of realCodeBook().entries) {
		if (!e.billable || e.modifier) continue;
		const list = reportable.get(e.system) ?? [];
		list.push(e.code);
		reportable.set(e.system, list);
	}
});

/** What is wrong with one accepted code of a row, or undefined. */
function problem(accepted: string): string | undefined {
	const system = systemOf(accepted);
	const codes = reportable.get(system) ?? [];
	if (accepted.endsWith('*')) {
		const prefix = accepted.slice(0, -1);
		return codes.some((c) => c.startsWith(prefix))
			? undefined
			: `${accepted} leads to no reportable ${system} code`;
	}
	return codes.includes(accepted) ? undefined : `${accepted} is not a reportable ${system} code`;
}

describe('the everyday evaluation set', () => {
	it('accepts only reportable codes of the shipped code book', () => {
		const wrong = rows.flatMap((r) =>
			r.accept
				.map(problem)
				.filter(Boolean)
				.map((p) => `${FILE}:${r.line} "${r.query}": ${p}`)
		);
		expect(wrong).toEqual([]);
	}, 60_000);

	it('has at least 240 look-ups, each of a known kind, none typed twice', () => {
		expect(rows.length).toBeGreaterThanOrEqual(240);
		expect(rows.filter((r) => !KINDS.includes(r.kind)).map((r) => r.line)).toEqual([]);
		const seen = new Set<string>();
		const twice = rows.filter((r) => seen.size === seen.add(r.query.toLowerCase()).size);
		expect(twice.map((r) => `${FILE}:${r.line} "${r.query}"`)).toEqual([]);
		// Every kind has enough rows for its figures to mean something.
		for (const kind of KINDS) expect(rows.filter((r) => r.kind === kind).length).toBeGreaterThan(9);
	});

	it('holds no CPT codes (five digits, or four digits and a letter)', () => {
		const cpt = rows.filter((r) => r.accept.some((a) => /^\d{4}[\dFTU]$/.test(a)));
		expect(cpt.map((r) => r.line)).toEqual([]);
	});
});
