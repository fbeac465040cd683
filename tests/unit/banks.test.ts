/** The shipped banks and the broken-bank fixtures, checked with the real FY2026 code sets. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/types';
import { checkBanks } from '../../scripts/lib/banks';
import { banksPlugin } from '../../scripts/lib/vite-banks';
import { presetCoverage } from '../../src/lib/exam/coverage';
import { PRESETS } from '../../src/lib/exam/presets';

const fixture = (name: string) => `tests/fixtures/banks/${name}`;

describe('shipped question banks', () => {
	const { banks, problems } = checkBanks();
	const items = banks.flatMap((b) => b.items);

	it('validate without a single problem', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('hold the starter set the product promises', () => {
		expect(items.length).toBeGreaterThanOrEqual(40);
		expect(items.filter((i) => i.type === 'code-entry').length).toBeGreaterThanOrEqual(10);
		expect(items.filter((i) => i.type === 'flashcard').length).toBeGreaterThanOrEqual(10);
		// Every section of every bank has items (an empty section would be an empty practice page).
		for (const b of banks)
			for (const s of b.sections)
				expect(
					b.items.some((i) => i.section === s.id),
					`${b.id}/${s.id}`
				).toBe(true);
		expect(banks.map((b) => b.id)).toEqual([
			'cpc',
			'diagnosis',
			'facility',
			'risk-adjustment',
			'billing',
			'him',
			'foundations'
		]);
	});

	it('fill every full exam preset whole, and the CPC twice with no item shared (issue 11)', () => {
		const short = PRESETS.map((p) => [p.id, presetCoverage(p, items).missingAtBest]);
		expect(short).toEqual(PRESETS.map((p) => [p.id, 0]));
		expect(
			presetCoverage(
				PRESETS.find((p) => p.id === 'CPC')!,
				items
			).twoDisjoint
		).toBe(true);
		expect(items.filter((i) => i.type === 'single-best-answer').length).toBeGreaterThanOrEqual(650);
		expect(items.filter((i) => i.type === 'case').length).toBeGreaterThanOrEqual(30);
	});

	it('hold at least 500 flashcards across the foundation decks (issues 3 and 11)', () => {
		const cards = banks.find((b) => b.id === 'foundations')?.items ?? [];
		expect(cards.filter((i) => i.type === 'flashcard').length).toBeGreaterThanOrEqual(500);
		const decks = new Set(cards.map((i) => i.section));
		for (const d of ['anatomy', 'hcpcs', 'icd10cm-conventions', 'modifiers', 'terminology'])
			expect(decks, d).toContain(d);
	});

	it('spread the correct letter of multiple-choice items across A-D', () => {
		const letters = new Set(
			items.flatMap((i) => (i.type === 'single-best-answer' ? [i.answer] : []))
		);
		expect([...letters].sort()).toEqual(['A', 'B', 'C', 'D']);
	});
});

describe('broken bank fixtures', () => {
	it('accepts the good fixture', () => {
		expect(checkBanks(fixture('good')).problems).toEqual([]);
	});

	it.each([
		[
			'bad-answer',
			'tests/fixtures/banks/bad-answer/bad-answer-0001.md:10: answer "E" is not one of the options A-D'
		],
		[
			'bad-code',
			'tests/fixtures/banks/bad-code/bad-code-0001.md:11: ICD-10-CM code J02 is a header, not billable; code to the highest specificity'
		],
		[
			'bad-section',
			'tests/fixtures/banks/bad-section/bad-section-0001.md:5: section "cardiology" is not one of this bank\'s sections: icd10cm'
		]
	])('%s fails with its file and line', (name, message) => {
		expect(checkBanks(fixture(name)).problems.map(formatProblem)).toEqual([message]);
	});

	it('makes `npm run banks:check` exit 1 and print the location', () => {
		let out = '';
		let status = 0;
		try {
			execFileSync('npx', ['tsx', 'scripts/banks-check.ts', fixture('bad-answer')], {
				stdio: 'pipe'
			});
		} catch (e) {
			const err = e as { status: number; stderr: Buffer };
			status = err.status;
			out = err.stderr.toString();
		}
		expect(status).toBe(1);
		expect(out).toContain(
			'tests/fixtures/banks/bad-answer/bad-answer-0001.md:10: answer "E" is not one of the options A-D'
		);
		// It starts a second Node process (tsx) and loads the code sets: seconds on a loaded machine.
	}, 30_000);

	it('makes the build refuse the bank', () => {
		const plugin = banksPlugin(fixture('bad-code'), (report) => {
			throw new Error(report);
		});
		const start = plugin.buildStart as unknown as () => void;
		expect(() => start.call({})).toThrow(/bad-code-0001\.md:11: ICD-10-CM code J02 is a header/);
	});

	it('makes the build print the problems alone, with no stack trace, and exit 1', () => {
		// The plugin's own way out, in its own process, as `vite build` runs it.
		const script = `import { banksPlugin } from './scripts/lib/vite-banks.ts';
			banksPlugin('${fixture('bad-code')}').buildStart.call({});`;
		let out = '';
		let status = 0;
		try {
			execFileSync('npx', ['tsx', '-e', script], { stdio: 'pipe' });
		} catch (e) {
			const err = e as { status: number; stderr: Buffer };
			status = err.status;
			out = err.stderr.toString();
		}
		expect(status).toBe(1);
		expect(out.trim().split('\n')).toEqual([
			'The question banks have problems, so the build stops:',
			'tests/fixtures/banks/bad-code/bad-code-0001.md:11: ICD-10-CM code J02 is a header, not billable; code to the highest specificity'
		]);
	}, 30_000);
});
