import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { miniTexts, realCodeBook } from '../../../tests/factories/codebook';
import { parseCodeBook, type CodeEntry } from './data';
import { isLayPrefix, LayTermsError, parseLayTerms, resolveLayTerms } from './lay-terms';
import { normalizeCode } from './normalize';

const HEADER = 'term\tcodes\tsource\tsystem';
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseLayTerms', () => {
	it('reads terms, codes in order, source and system (ICD-10-CM when left empty)', () => {
		const lays = parseLayTerms(
			file(
				'# 9. Circulatory system',
				'heart attack\tI21.9 I21*\ttitle',
				'',
				'walker\tE0130 E0143\tlay\thcpcs',
				'c-section\t10D00Z1 10D00Z*\tlay\ticd10pcs'
			)
		);
		expect(lays).toEqual([
			{
				term: 'heart attack',
				codes: ['I21.9', 'I21*'],
				source: 'title',
				system: 'icd10cm',
				line: 3
			},
			{ term: 'walker', codes: ['E0130', 'E0143'], source: 'lay', system: 'hcpcs', line: 5 },
			{
				term: 'c-section',
				codes: ['10D00Z1', '10D00Z*'],
				source: 'lay',
				system: 'icd10pcs',
				line: 6
			}
		]);
	});

	it('accepts Windows line ends', () => {
		expect(parseLayTerms(`${HEADER}\r\nSOB\tR06.02\tabbr\r\n`)[0]).toMatchObject({
			term: 'SOB',
			codes: ['R06.02']
		});
	});

	it.each([
		['a wrong header', 'code\tterm\n', 1, /header/],
		['too few columns', file('heart attack\tI21.9'), 2, /3 or 4 tab-separated columns/],
		['an unknown source', file('heart attack\tI21.9\tguess'), 2, /source "guess"/],
		['an unknown system', file('walker\tE0130\tlay\tcpt'), 2, /system "cpt"/],
		['no codes', file('heart attack\t \tlay'), 2, /no codes/],
		['an undotted CM code', file('heart attack\tI219\tlay'), 2, /not a dotted ICD-10-CM/],
		['a CM prefix shorter than a category', file('diabetes\tE1*\tlay'), 2, /ICD-10-CM/],
		['a CPT number', file('flu shot\t90686\tlay\thcpcs'), 2, /not a hcpcs code/],
		['a HCPCS prefix of two characters', file('walker\tE0*\tlay\thcpcs'), 2, /hcpcs/],
		['a PCS code of six characters', file('c-section\t10D00Z\tlay\ticd10pcs'), 2, /icd10pcs/],
		['a code listed twice', file('MI\tI21.9 I21.9\tabbr'), 2, /listed twice/],
		[
			'a term listed twice for one system',
			file('MI\tI21.9\tabbr', 'mi\tI25.2\tabbr'),
			3,
			/already on line 2/
		]
	])('names the line of %s', (_, text, line, message) => {
		let error: unknown;
		try {
			parseLayTerms(text);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(LayTermsError);
		expect((error as LayTermsError).line).toBe(line);
		expect((error as Error).message).toMatch(message);
		expect((error as Error).message).toMatch(new RegExp(`^lay-terms\\.tsv:${line}: `));
	});

	it('lets one term name codes in two systems, one row each', () => {
		const lays = parseLayTerms(file('flu shot\tZ23\tlay', 'flu shot\tG0008\tlay\thcpcs'));
		expect(lays.map((l) => l.system)).toEqual(['icd10cm', 'hcpcs']);
	});
});

describe('the code book with lay terms', () => {
	const lay = file(
		'sugar diabetes\tE11.9 E11*\tlay',
		'gone\tE11.99\tlay',
		'steroid shot\tJ1100\tlay\thcpcs'
	);

	it('parses the vocabulary into data.lay', () => {
		const data = parseCodeBook(miniTexts({ lay }));
		expect(data.lay.map((l) => l.term)).toEqual(['sugar diabetes', 'gone', 'steroid shot']);
	});

	it('has no lay terms when the texts have none (a book cached before they shipped)', () => {
		expect(parseCodeBook(miniTexts()).lay).toEqual([]);
	});

	it('resolves codes first, then each prefix in code order, once each, skipping absent codes', () => {
		const data = parseCodeBook(miniTexts({ lay }));
		const codes = resolveLayTerms(data.lay, data.entries).map((list) =>
			list.map((i) => data.entries[i]!.code)
		);
		expect(codes).toEqual([['E11.9', 'E11', 'E11.A'], [], ['J1100']]);
	});
});

describe('codesets/lay-terms.tsv', () => {
	const lays = parseLayTerms(readFileSync('codesets/lay-terms.tsv', 'utf8'));
	const book = realCodeBook();
	const byKey = new Map<string, CodeEntry>(
		book.entries.map((e) => [`${e.system}:${normalizeCode(e.code)}`, e])
	);
	const resolved = resolveLayTerms(lays, book.entries);
	// Every start of every key, so a prefix check is one look-up.
	const starts = new Set<string>();
	for (const key of byKey.keys())
		for (let i = key.indexOf(':') + 2; i <= key.length; i++) starts.add(key.slice(0, i));

	it('is a broad vocabulary, not a handful of terms', () => {
		expect(lays.length).toBeGreaterThanOrEqual(400);
		const systems = new Set(lays.map((l) => l.system));
		expect([...systems].sort()).toEqual(['hcpcs', 'icd10cm', 'icd10pcs']);
	});

	it('names only FY2027 ICD-10-CM, active HCPCS and FY2026 PCS codes, and every prefix matches', () => {
		const problems: string[] = [];
		for (const lay of lays) {
			for (const code of lay.codes) {
				const where = `lay-terms.tsv:${lay.line}: ${lay.term}: ${code}`;
				if (isLayPrefix(code)) {
					const key = `${lay.system}:${normalizeCode(code.slice(0, -1))}`;
					if (!starts.has(key)) problems.push(`${where} matches no ${lay.system} code`);
					continue;
				}
				const entry = byKey.get(`${lay.system}:${normalizeCode(code)}`);
				if (!entry) problems.push(`${where} is not in the book`);
				else if (entry.modifier) problems.push(`${where} is a modifier, not a code`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('puts a reportable code first in every row (the default a coder would choose)', () => {
		const problems: string[] = [];
		for (const lay of lays) {
			const first = lay.codes[0]!;
			const entry = byKey.get(`${lay.system}:${normalizeCode(first)}`);
			if (isLayPrefix(first) || !entry?.billable)
				problems.push(`lay-terms.tsv:${lay.line}: ${lay.term}: ${first} is not a reportable code`);
		}
		expect(problems).toEqual([]);
	});

	it('resolves every row to entries, its first code first', () => {
		const problems = lays.flatMap((lay, n) => {
			const first = book.entries[resolved[n]![0]!];
			return first && first.code === lay.codes[0] && first.system === lay.system
				? []
				: [`lay-terms.tsv:${lay.line}: ${lay.term} resolves to ${first?.code ?? 'nothing'}`];
		});
		expect(problems).toEqual([]);
		const heartAttack = lays.findIndex((l) => l.term === 'heart attack');
		const codes = resolved[heartAttack]!.map((i) => book.entries[i]!.code);
		expect(codes.slice(0, 3)).toEqual(['I21.9', 'I21', 'I21.0']);
		expect(codes.every((c) => c.startsWith('I21'))).toBe(true);
	});

	it('holds no CPT or CDT codes', () => {
		for (const lay of lays.filter((l) => l.system === 'hcpcs'))
			for (const code of lay.codes) expect(code, `line ${lay.line}`).toMatch(/^[A-CE-V]\d{4}$/);
	});

	it('covers every ICD-10-CM chapter', () => {
		const chapters = new Set<number>();
		lays.forEach((lay, n) => {
			const first = book.entries[resolved[n]![0]!];
			if (lay.system === 'icd10cm' && first?.chapter) chapters.add(first.chapter);
		});
		expect([...chapters].sort((a, b) => a - b)).toEqual(book.chapters.map((c) => c.number));
	});
});
