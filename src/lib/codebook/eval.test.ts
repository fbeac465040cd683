import { describe, expect, it } from 'vitest';
import {
	accepts,
	evaluate,
	figuresTable,
	missLine,
	parseEvalTsv,
	rankOf,
	systemOf,
	type EvalRow,
	type RankedHit
} from './eval';

/** A tiny index: the entries whose title holds every typed word, in this order. */
const FAKE_INDEX: RankedHit[] = [
	{ code: 'G9999', title: 'Pneumonia quality measure' },
	{ code: 'J18.9', title: 'Pneumonia, unspecified organism' },
	{ code: 'J13', title: 'Pneumonia due to Streptococcus pneumoniae' },
	{ code: 'I21.4', title: 'Non-ST elevation myocardial infarction' },
	{ code: 'I10', title: 'Essential hypertension' },
	{ code: 'T39.1X1A', title: 'Poisoning by acetaminophen, accidental, initial' },
	{ code: 'T39.1X3A', title: 'Poisoning by acetaminophen, assault, initial' }
];

function fakeSearch(query: string): RankedHit[] {
	const words = query.toLowerCase().split(/\s+/);
	return FAKE_INDEX.filter((h) => words.every((w) => h.title!.toLowerCase().includes(w)));
}

function row(kind: string, query: string, accept: string[]): EvalRow {
	return { kind, query, accept, note: '', line: 0 };
}

describe('accepts', () => {
	it('matches an exact code, and any code under a prefix ending in *', () => {
		expect(accepts(['J18.9'], { code: 'J18.9' })).toBe(true);
		expect(accepts(['J18.9'], { code: 'J18.90' })).toBe(false);
		expect(accepts(['T39.1X1*'], { code: 'T39.1X1A' })).toBe(true);
		expect(accepts(['T39.1X1*'], { code: 'T39.1X3A' })).toBe(false);
		expect(accepts(['I21*', 'I10'], { code: 'I10' })).toBe(true);
	});

	it('keeps a prefix to its own code system when the hit names one', () => {
		expect(accepts(['J18*'], { code: 'J18.9', system: 'icd10cm' })).toBe(true);
		expect(accepts(['J18*'], { code: 'J1815', system: 'hcpcs' })).toBe(false);
		expect(accepts(['L50*'], { code: 'L5000', system: 'hcpcs' })).toBe(false);
		expect(accepts(['B01*'], { code: 'B010ZZZ', system: 'icd10pcs' })).toBe(false);
		expect(accepts(['0DTJ*'], { code: '0DTJ4ZZ', system: 'icd10pcs' })).toBe(true);
		expect(accepts(['J2405'], { code: 'J2405', system: 'hcpcs' })).toBe(true);
	});

	it('tells the systems apart by the shape of the accepted code', () => {
		expect(['I10', 'E11*', 'J18.9', 'T39.1X1*', 'Z3A.32'].map(systemOf)).toEqual(
			Array(5).fill('icd10cm')
		);
		expect(['J2405', 'E0130', 'Q203*'].map(systemOf)).toEqual(Array(3).fill('hcpcs'));
		expect(['0DTJ4ZZ', '0DTJ*', '10D00Z*', 'B2111ZZ', '5A1D*'].map(systemOf)).toEqual(
			Array(5).fill('icd10pcs')
		);
	});

	it('ranks the first accepted hit, 0 when it is not in the top depth', () => {
		const hits = fakeSearch('pneumonia');
		expect(rankOf(['J18.9'], hits)).toBe(2);
		expect(rankOf(['J13'], hits, 2)).toBe(0);
		expect(rankOf(['I10'], hits)).toBe(0);
	});
});

describe('evaluate', () => {
	const rows = [
		row('single', 'pneumonia', ['J18.9']), // rank 2
		row('single', 'hypertension', ['I10']), // rank 1
		row('poisoning', 'acetaminophen poisoning', ['T39.1X1*']), // rank 1
		row('poisoning', 'acetaminophen assault', ['T39.1X1*']), // not found
		row('lay', 'heart attack', ['I21*']) // no results at all
	];
	const report = evaluate(rows, fakeSearch);

	it('gives recall@1, recall@10 and MRR per kind, in the order kinds appear', () => {
		expect(report.kinds.map((k) => k.kind)).toEqual(['single', 'poisoning', 'lay']);
		const [single, poisoning, lay] = report.kinds;
		expect(single).toMatchObject({ n: 2, recallAt1: 0.5, recallAt10: 1, mrr: 0.75 });
		expect(poisoning).toMatchObject({ n: 2, recallAt1: 0.5, recallAt10: 0.5, mrr: 0.5 });
		expect(lay).toMatchObject({ n: 1, recallAt1: 0, recallAt10: 0, mrr: 0 });
	});

	it('gives the same figures over all rows as "everyday"', () => {
		expect(report.overall.kind).toBe('everyday');
		expect(report.overall.n).toBe(5);
		expect(report.overall.recallAt1).toBeCloseTo(2 / 5);
		expect(report.overall.recallAt10).toBeCloseTo(3 / 5);
		expect(report.overall.mrr).toBeCloseTo((0.5 + 1 + 1) / 5);
	});

	it('lists the misses with what came first instead', () => {
		expect(report.overall.misses.map(missLine)).toEqual([
			'"acetaminophen assault" -> T39.1X1*; first: T39.1X3A Poisoning by acetaminophen, assault, initial',
			'"heart attack" -> I21*; first: no results'
		]);
		expect(report.kinds[0]!.misses).toEqual([]);
	});

	it('counts a hit below the top 10 as a miss', () => {
		const deep = Array.from({ length: 12 }, (_, i) => ({ code: `X${i + 1}` }));
		const r = evaluate([row('lay', 'deep', ['X11'])], () => deep);
		expect(r.overall).toMatchObject({ recallAt10: 0, mrr: 0 });
		expect(r.overall.misses[0]!.first?.code).toBe('X1');
	});

	it('prints a Markdown table with the overall line in bold', () => {
		const table = figuresTable(report).split('\n');
		expect(table[0]).toBe('| kind | n | recall@1 | recall@10 | MRR |');
		expect(table[2]).toBe('| single | 2 | 0.50 | 1.00 | 0.75 |');
		expect(table.at(-1)).toBe('| **everyday** | **5** | **0.40** | **0.60** | **0.50** |');
	});
});

describe('parseEvalTsv', () => {
	const header = 'kind\tquery\taccept\tnote';

	it('reads rows with their line numbers and space-separated codes', () => {
		const rows = parseEvalTsv(`${header}\nlay\tpink eye\tH10* B30*\tconjunctivitis\n\n`);
		expect(rows).toEqual([
			{ kind: 'lay', query: 'pink eye', accept: ['H10*', 'B30*'], note: 'conjunctivitis', line: 2 }
		]);
	});

	it('names the line of a row without an accepted code', () => {
		expect(() => parseEvalTsv(`${header}\nlay\tpink eye\t\tnote`)).toThrow(/everyday.tsv:2:/);
	});

	it('refuses a file without the header', () => {
		expect(() => parseEvalTsv('lay\tpink eye\tH10*\tnote')).toThrow(/:1: the header/);
	});
});
