import { describe, expect, it } from 'vitest';
import { codeSetsFromText } from '../../codebook/codesets.ts';
import { parseYaml } from '../../content/parse.ts';
import { CPT_MODIFIERS, parseProcedureLine, procedureKind } from '../../grading/codes.ts';
import type { BaseFields, KindChecker } from '../kind.ts';
import { buildClaimScrub } from './build.ts';

const codes = codeSetsFromText({
	icd10cm: 'code\tbillable\ttitle\n',
	icd10cm2027:
		'code\tbillable\ttitle\nM17.1\t0\tUnilateral primary osteoarthritis of knee\n' +
		'M17.11\t1\tUnilateral primary osteoarthritis, right knee\nM17.12\t1\tUnilateral primary osteoarthritis, left knee\n' +
		'E11.6\t0\tType 2 diabetes mellitus with other specified complications\nE11.9\t1\tType 2 diabetes mellitus without complications\n',
	hcpcs:
		'code\ttype\tterminated\ttitle\nRT\tmodifier\t\tRight side\nLT\tmodifier\t\tLeft side\nXS\tmodifier\t\tSeparate structure\nJ1100\tprocedure\t\tInjection, dexamethasone\n',
	icd10pcs: ''
});

/** A KindChecker over YAML text, as the validator lends one (problems as `line: message`). */
function check(yaml: string, systems = ['ICD-10-CM', 'CPT']) {
	const y = parseYaml('t.md', yaml);
	expect(y.problems).toEqual([]);
	const problems: string[] = [];
	const c: KindChecker = {
		data: y.data as Record<string, unknown>,
		text: { Scenario: 'A scenario.', Rationale: 'Why.' },
		systems: systems as KindChecker['systems'],
		year: 2027,
		codes,
		fail: (path, msg) => problems.push(`${y.lineOf(path)}: ${msg}`),
		failAt: (line, msg) => problems.push(`${line}: ${msg}`),
		section: () => undefined,
		sourceOf: y.sourceOf,
		codeKey: () => undefined,
		checkSystems: (key) => {
			const used = new Set<string>();
			if (key.icd10cm.length) used.add('ICD-10-CM');
			for (const p of key.procedures) used.add(procedureKind(p) === 'cpt' ? 'CPT' : 'HCPCS');
			for (const s of used) if (!systems.includes(s)) problems.push(`systems must list ${s}`);
		},
		icdProblem: (code) => {
			const e = codes.icd10cm(code, 2027);
			return !e
				? `ICD-10-CM code ${code} does not exist`
				: e.billable
					? undefined
					: `${code} is a header`;
		},
		procedureProblem: (line) => {
			const l = parseProcedureLine(line);
			if (!l || !procedureKind(l.code)) return `${line} is not a code`;
			if (procedureKind(l.code) === 'hcpcs' && !codes.hcpcs(l.code))
				return `${l.code} does not exist`;
			return undefined;
		},
		modifierProblem: (m) =>
			/^\d\d$/.test(m)
				? CPT_MODIFIERS.has(m)
					? undefined
					: `modifier ${m} is not a CPT modifier`
				: codes.hcpcs(m)
					? undefined
					: `modifier ${m} is not HCPCS`
	};
	const base = {
		id: 'x',
		bankId: 'billing',
		exams: ['CPB'],
		section: 'billing',
		systems,
		codeSetYear: 2027,
		difficulty: 2,
		tags: [],
		rationale: 'Why.',
		file: 't.md'
	} as BaseFields;
	const item = buildClaimScrub(c, base);
	return { item, problems };
}

const GOOD = `form: cms1500
claim:
  payer: Acme Health
  patient: { name: "DOE, JANE", dob: 03/14/1958, sex: F }
  insured: { id: ACM123456789 }
  icdIndicator: 0
  diagnoses: [M17.11, E11.6]
  lines:
    - { date: 03/04/2027, pos: 11, code: 99214, modifiers: [], pointer: AB, charge: "$125.00", units: 1, npi: 1234567893 }
    - { date: 03/04/2027, pos: 11, code: 20610, modifiers: [RT], pointer: A, charge: "$1,180.00", units: 1, npi: 1234567893 }
  taxId: 12-3456789
  billing: { name: Acme Clinic, npi: 1234567893 }
errors:
  - field: line1.modifiers
    fix: mod-25
    correct: "25"
    why: The E/M is separate from the injection, so it needs 25.
  - field: dx.B
    fix: dx-specific
    correct: E11.9
    why: E11.6 is a header; the note supports E11.9 only.
`;

describe('buildClaimScrub', () => {
	it('builds a valid item, reading values as written', () => {
		const { item, problems } = check(GOOD);
		expect(problems).toEqual([]);
		expect(item.claim.icdIndicator).toBe('0');
		expect(item.claim.lines[0]?.pos).toBe('11');
		expect(item.claim.lines[1]?.cents).toBe(118000);
		expect(item.claim.lines[0]?.npi).toBe('1234567893');
		expect(item.errors).toHaveLength(2);
	});

	const bad = (from: string, to: string) => check(GOOD.replace(from, to)).problems.join('\n');

	it('refuses a header that is not planted', () => {
		expect(
			bad(
				'  - field: dx.B\n    fix: dx-specific\n    correct: E11.9\n    why: E11.6 is a header; the note supports E11.9 only.\n',
				''
			)
		).toMatch(/E11.6 is a header/);
	});
	it('refuses a planted header that is billable', () => {
		expect(bad('[M17.11, E11.6]', '[M17.11, E11.9]')).toMatch(
			/planted as a header .* but is billable/
		);
	});
	it('refuses a planted "not a code" that exists', () => {
		expect(bad('fix: dx-specific', 'fix: dx-exists')).toMatch(/exists in FY2027/);
	});
	it('refuses a corrected code that is not billable', () => {
		expect(bad('correct: E11.9', 'correct: M17.1')).toMatch(/M17.1 is a header/);
	});
	it('refuses an NPI that fails the check digit unless planted', () => {
		expect(
			bad(
				'billing: { name: Acme Clinic, npi: 1234567893 }',
				'billing: { name: Acme Clinic, npi: 1234567894 }'
			)
		).toMatch(/fails the check digit/);
	});
	it('refuses money that is not dollars and cents', () => {
		expect(bad('"$125.00"', '"$125"')).toMatch(/dollars and cents/);
		expect(bad('"$125.00"', '125.5')).toMatch(/dollars and cents/);
	});
	it('refuses a pointer to an empty diagnosis letter', () => {
		expect(bad('pointer: AB', 'pointer: AC')).toMatch(/pointer C names no diagnosis/);
	});
	it('refuses a date that does not exist and a service before birth', () => {
		expect(
			bad('date: 03/04/2027, pos: 11, code: 99214', 'date: 02/30/2027, pos: 11, code: 99214')
		).toMatch(/real date/);
		expect(
			bad('date: 03/04/2027, pos: 11, code: 99214', 'date: 03/04/1957, pos: 11, code: 99214')
		).toMatch(/before the birth date/);
	});
	it('refuses an error on a field the claim lacks, a fix of another kind, a field twice', () => {
		expect(bad('field: line1.modifiers', 'field: line3.modifiers')).toMatch(/not on this claim/);
		expect(bad('fix: mod-25', 'fix: dx-side')).toMatch(/not one for a modifiers field/);
		expect(bad('field: dx.B', 'field: line1.modifiers')).toMatch(/has two errors/);
	});
	it('refuses unknown fields, a claim without errors, and a missing system', () => {
		expect(bad('  taxId:', '  color: red\n  taxId:')).toMatch(/unknown field "color"/);
		expect(bad(GOOD.slice(GOOD.indexOf('errors:')), 'errors: []\n')).toMatch(
			/at least one planted error/
		);
		expect(check(GOOD, ['ICD-10-CM']).problems.join('\n')).toMatch(/systems must list CPT/);
	});
	it('refuses a bad modifier and a bad corrected modifier', () => {
		expect(bad('modifiers: [RT]', 'modifiers: [R1]')).toMatch(/modifier R1/);
		expect(bad('correct: "25"', 'correct: "88"')).toMatch(/88 is not a CPT modifier/);
	});
	it('checks UB-04 claims: type of bill, statement period, attending NPI', () => {
		const ub = `form: ub04
claim:
  payer: Medicare Part B
  patient: { name: "ROE, RAY", dob: 01/02/1950, sex: M }
  insured: { id: 1EG4TE5MK73 }
  icdIndicator: 0
  diagnoses: [M17.11]
  typeOfBill: 0131
  statement: { from: 03/04/2027, through: 03/04/2027 }
  lines:
    - { revenue: 0450, description: Emergency room, code: 99284, date: 03/05/2027, units: 1, charge: "$900.00" }
  billing: { name: Lake Hospital, npi: 1234567893 }
  attending: { name: "LEE, ANN", npi: 1234567893 }
errors:
  - field: fl4
    fix: tob-0131
    correct: "0131"
    why: The visit was outpatient, so the bill type is 0131.
`;
		const r = check(ub);
		expect(r.item.claim.typeOfBill).toBe('0131');
		expect(r.item.claim.lines[0]?.revenue).toBe('0450');
		expect(r.problems.join('\n')).toMatch(/outside the statement period/);
		expect(r.problems.join('\n')).toMatch(/already has/);
	});
});
