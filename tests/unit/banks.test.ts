/** The shipped banks and the broken-bank fixtures, checked with the real FY2026 code sets. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/types';
import { checkBanks } from '../../scripts/lib/banks';
import { banksPlugin } from '../../scripts/lib/vite-banks';

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
		const cpc = new Set(banks.find((b) => b.id === 'cpc')?.items.map((i) => i.section));
		for (const s of [
			'em',
			'surgery',
			'radiology',
			'pathology-lab',
			'medicine',
			'anesthesia',
			'icd10cm',
			'hcpcs',
			'modifiers'
		]) {
			expect(cpc, `section ${s}`).toContain(s);
		}
	});

	it('hold at least 150 flashcards across the five foundation decks (issue 3)', () => {
		const cards = banks.find((b) => b.id === 'foundations')?.items ?? [];
		expect(cards.filter((i) => i.type === 'flashcard').length).toBeGreaterThanOrEqual(150);
		const decks = new Set(cards.map((i) => i.section));
		expect([...decks].sort()).toEqual([
			'anatomy',
			'hcpcs',
			'icd10cm-conventions',
			'modifiers',
			'terminology'
		]);
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
