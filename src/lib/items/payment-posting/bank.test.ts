/**
 * The shipped payment-posting items, built by this kind with the real code sets: every one
 * validates, the set covers what the issue asks for, and each rationale shows the key's amounts
 * (the key is computed from the EOB, so a rationale that works to another figure is caught here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodeSets } from '../../../../scripts/lib/banks';
import { parseItemFile } from '../../content/parse';
import type { KindChecker } from '../kind';
import { blindText } from './blind';
import { buildPosting } from './build';
import { gradePosting } from './grade';
import { formatMoney } from '../money.ts';
import type { PaymentPostingItem } from './types';

const DIR = 'question-banks/billing';
const files = readdirSync(DIR)
	.filter((f) => /^bil-post-\d{4}\.md$/.test(f))
	.sort();

function load(name: string): { item: PaymentPostingItem; problems: string[]; rationale: string } {
	const path = join(DIR, name);
	const parsed = parseItemFile(path, readFileSync(path, 'utf8'));
	const problems = parsed.problems.map((p) => `${p.line}: ${p.message}`);
	const codes = loadCodeSets();
	const d = parsed.data as Record<string, unknown>;
	const text = Object.fromEntries([...parsed.sections].map(([title, s]) => [title, s.body.trim()]));
	const checker: KindChecker = {
		data: d,
		text,
		systems: [],
		year: 2027,
		codes,
		fail: (p, message) => problems.push(`${parsed.lineOf(p)}: ${message}`),
		failAt: (line, message) => problems.push(`${line}: ${message}`),
		section: (title) => parsed.sections.get(title),
		sourceOf: (p) => parsed.sourceOf(p),
		codeKey: () => undefined,
		checkSystems: () => undefined,
		icdProblem: (code) => {
			const e = codes.icd10cm(code, 2027);
			if (!e) return `ICD-10-CM code ${code} does not exist in FY2027`;
			return e.billable ? undefined : `ICD-10-CM code ${code} is a header`;
		},
		procedureProblem: () => undefined,
		modifierProblem: () => undefined
	};
	const item = buildPosting(checker, {
		id: String(d.id),
		bankId: 'billing',
		exams: d.exams as PaymentPostingItem['exams'],
		section: String(d.section),
		systems: d.systems as PaymentPostingItem['systems'],
		codeSetYear: 2027,
		difficulty: d.difficulty as 1 | 2 | 3,
		tags: d.tags as string[],
		rationale: text.Rationale ?? '',
		file: path
	});
	return { item, problems, rationale: text.Rationale ?? '' };
}

const loaded = files.map((f) => ({ file: f, ...load(f) }));

describe('the shipped payment-posting items', () => {
	it('are at least 28, each in its place', () => {
		expect(files.length).toBeGreaterThanOrEqual(28);
		for (const { file, item } of loaded) {
			expect(item.id, file).toBe(file.replace(/\.md$/, ''));
			expect(item.section, file).toBe('reimbursement');
			expect(item.exams, file).toEqual(expect.arrayContaining(['CPB', 'CBCS']));
		}
	});

	it('validate without a problem', () => {
		expect(loaded.flatMap((l) => l.problems.map((p) => `${l.file}:${p}`))).toEqual([]);
	});

	it('show every key amount, worked out, in the rationale', () => {
		const missing: string[] = [];
		for (const { file, item, rationale } of loaded)
			for (const f of item.post) {
				const amount = formatMoney(item.key[f.id] ?? 0);
				if (!rationale.includes(amount)) missing.push(`${file}: ${f.id} ${amount}`);
			}
		expect(missing).toEqual([]);
	});

	it('cover the cases the issue names', () => {
		const items = loaded.map((l) => l.item);
		const some = (what: string, p: (i: PaymentPostingItem) => boolean) =>
			expect(items.some(p), what).toBe(true);
		some('Medicare', (i) => i.payer.startsWith('Medicare'));
		some('a copay collected at the visit', (i) => i.prior > 0 && i.lines.some((l) => l.copay > 0));
		some('a zero-paid line', (i) => i.lines.some((l) => l.paid === 0 && l.deductible > 0));
		some('a denied line', (i) => i.lines.some((l) => l.allowed === 0));
		some('a payer overpayment', (i) => (i.key['payer-refund'] ?? 0) > 0);
		some('a patient refund', (i) => (i.key['patient-refund'] ?? 0) > 0);
		some('a Medigap crossover', (i) => i.secondary?.rule === 'covers');
		some('a Medicaid crossover', (i) => !!i.secondary?.writeoff);
		some('a commercial secondary', (i) => i.secondary?.rule === 'cob');
		some('a multi-line claim', (i) => i.lines.length > 2);
		some('an ERA', (i) => i.remit === 'ERA');
		some('a worked-out column', (i) => i.hidden.length > 0);
		for (const d of [1, 2, 3]) some(`difficulty ${d}`, (i) => i.difficulty === d);
	});

	it('are not answered right by a blank posting or all zeros', () => {
		for (const { file, item } of loaded) {
			const zeros = { posting: Object.fromEntries(item.post.map((f) => [f.id, '0'])) };
			expect(gradePosting(item, zeros).correct, file).toBe(false);
		}
	});

	it('give the blind reviewer the whole item and no key', () => {
		for (const { file, item, rationale } of loaded) {
			const text = blindText(item);
			expect(text, file).toContain(item.scenario.slice(0, 40));
			expect(text, file).not.toContain(rationale.slice(0, 60));
		}
	});
});
