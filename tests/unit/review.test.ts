/** banks:check's review checks on a fixture bank of valid items that a reviewer must still see. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { citationProblems } from '../../src/lib/content/lint';
import { formatProblem } from '../../src/lib/content/types';
import { readBankSources } from '../../scripts/lib/banks';
import { loadGuidelines, sourceTexts } from '../../scripts/lib/review';

function run(dir: string): { status: number; stderr: string } {
	try {
		execFileSync('npx', ['tsx', 'scripts/banks-check.ts', dir], { stdio: 'pipe' });
		return { status: 0, stderr: '' };
	} catch (e) {
		const err = e as { status: number; stderr: Buffer };
		return { status: err.status, stderr: err.stderr.toString() };
	}
}

describe('banks:check review checks', () => {
	it('fails on a missing guideline section and a quoted CPT descriptor, and warns on near-duplicates', () => {
		const { status, stderr } = run('tests/fixtures/banks/review');
		expect(status).toBe(1);
		const at = 'tests/fixtures/banks/review';
		expect(stderr).toContain(
			`${at}/review-0001.md:26: cites Section I.C.25, which the FY2026 ICD-10-CM Official Guidelines do not have`
		);
		expect(stderr).toContain(`${at}/review-0001.md:27: cites Section IV.Z,`);
		expect(stderr).toContain(
			`${at}/review-0002.md:26: quoted phrase "an injection into a muscle under the skin" beside CPT code 96372`
		);
		// The HCPCS title quoted beside 96372 on line 27 is public domain.
		expect(stderr).not.toContain('review-0002.md:27');
		// Real citations pass: I.C.4.a.2, I.A.12.a, I.A.15, I.B.1, I.B.13.
		expect(stderr.match(/cites Section/g)).toHaveLength(2);
		expect(stderr).toContain(`${at}/review-0003.md ~ ${at}/review-0004.md`);
		expect(stderr).not.toContain('review-0005.md ~');
		expect(stderr).toContain('3 problem(s)');
	}, 60_000);

	it('leaves the valid fixture bank without a review problem', () => {
		expect(run('tests/fixtures/banks/good').status).toBe(0);
	}, 60_000);
});

describe('the shipped banks', () => {
	it('cite only guideline sections that exist', () => {
		const texts = sourceTexts(readBankSources());
		const problems = citationProblems(texts, new Set(Object.keys(loadGuidelines())));
		expect(problems.map(formatProblem)).toEqual([]);
	});
});
