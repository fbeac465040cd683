/** `npm run banks:update`: the yearly move of the banks, on fixture banks and the real FY2027 addenda. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAddendaTsv } from '../../src/lib/codebook/addenda';
import { formatFinding, moveToYear, planUpdate } from '../../src/lib/content/bank-update';

const dir = 'tests/fixtures/banks/update-2027';
const lines = parseAddendaTsv(readFileSync('codesets/icd10cm-2027-addenda.tsv', 'utf8'));
const files = readdirSync(dir).map((name) => ({
	path: `${dir}/${name}`,
	text: readFileSync(`${dir}/${name}`, 'utf8')
}));

describe('planUpdate (FY2027)', () => {
	const plan = planUpdate(files, 2027, lines);
	const of = (id: string) => plan.items.find((i) => i.id === id)?.findings.map(formatFinding) ?? [];

	it('lists only items older than the target year', () => {
		expect(plan.items.map((i) => i.id)).toEqual([
			'update-2027-0001',
			'update-2027-0002',
			'update-2027-0003',
			'update-2027-0004',
			'update-2027-0005'
		]);
	});

	it('names a key code that became a header, with the codes below it, at its line', () => {
		expect(of('update-2027-0001')).toEqual([
			`${dir}/update-2027-0001.md:19: the key uses D69.1: FY2027 made it a header: a code below it is needed (D69.11, D69.19)`,
			`${dir}/update-2027-0001.md:20: an option uses D69.0: its category D69 gained codes in FY2027 (D69.11, D69.19): a more specific code may now exist`,
			`${dir}/update-2027-0001.md:21: an option uses D69.2: its category D69 gained codes in FY2027 (D69.11, D69.19): a more specific code may now exist`,
			`${dir}/update-2027-0001.md:22: an option uses D69.3: its category D69 gained codes in FY2027 (D69.11, D69.19): a more specific code may now exist`,
			`${dir}/update-2027-0001.md:26: the rationale uses D69.1: FY2027 made it a header: a code below it is needed (D69.11, D69.19)`
		]);
	});

	it('names a retitled key code with its old title', () => {
		expect(of('update-2027-0002')).toEqual([
			`${dir}/update-2027-0002.md:20: the key uses Z29.14: FY2027 retitled it (was "Encounter for prophylactic rabies immune globin")`,
			`${dir}/update-2027-0002.md:26: the rationale uses Z29.14: FY2027 retitled it (was "Encounter for prophylactic rabies immune globin")`
		]);
	});

	it('names a deleted option code and the new code with its title', () => {
		expect(of('update-2027-0003')).toContain(
			`${dir}/update-2027-0003.md:19: an option uses T52.8X1A: FY2027 deleted it ("Toxic effect of other organic solvents, accidental (unintentional), initial encounter"); same title now: T52.891A`
		);
	});

	it('names a key code whose category gained codes', () => {
		expect(of('update-2027-0004')).toContain(
			`${dir}/update-2027-0004.md:22: the key uses I42.9: its category I42 gained codes in FY2027 (I42.00, I42.01, I42.09, I42.81, I42.89): a more specific code may now exist`
		);
	});

	it('finds nothing in an item whose codes FY2027 left alone', () => {
		expect(of('update-2027-0005')).toEqual([]);
	});
});

describe('moveToYear', () => {
	it('changes only the codeSetYear line', () => {
		const text = files.find((f) => f.path.endsWith('0005.md'))!.text;
		const moved = moveToYear(text, 2027);
		expect(moved).toBe(text.replace('codeSetYear: 2026\n', 'codeSetYear: 2027\n'));
		expect(moved).not.toBe(text);
	});
});

describe('npm run banks:update', () => {
	let tmp: string | undefined;
	afterEach(() => tmp && rmSync(tmp, { recursive: true, force: true }));

	function run(args: string[]): { code: number; out: string } {
		try {
			const out = execFileSync('npx', ['tsx', 'scripts/banks-update.ts', ...args], {
				encoding: 'utf8',
				stdio: 'pipe'
			});
			return { code: 0, out };
		} catch (e) {
			const err = e as { status: number; stdout: string; stderr: string };
			return { code: err.status, out: err.stdout + err.stderr };
		}
	}

	it('with --apply moves only the items with no finding, and exits 1 while any is left', () => {
		tmp = mkdtempSync(join(tmpdir(), 'banks-update-'));
		const bank = join(tmp, 'update-2027');
		cpSync(dir, bank, { recursive: true });
		const { code, out } = run(['2027', bank, '--apply']);
		expect(code).toBe(1);
		expect(out).toContain('5 item(s) older than FY2027: 4 need a review');
		expect(out).toContain(
			'Not moved: update-2027-0001, update-2027-0002, update-2027-0003, update-2027-0004'
		);
		const year = (id: string) =>
			/codeSetYear: (\d+)/.exec(readFileSync(join(bank, `${id}.md`), 'utf8'))?.[1];
		expect(year('update-2027-0005')).toBe('2027');
		expect(year('update-2027-0001')).toBe('2026');
	}, 30_000);

	it('refuses a year with no addenda file, changing nothing', () => {
		const { code, out } = run(['2031', dir]);
		expect(code).toBe(2);
		expect(out).toContain('"2031" is not a year with an addenda file');
	}, 30_000);
});
