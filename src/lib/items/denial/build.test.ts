import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CodeKey } from '../../content/types.ts';
import type { BaseFields, KindChecker } from '../kind.ts';
import { buildDenial, isIsoDate } from './build.ts';

const BASE: BaseFields = {
	id: 'bil-denial-9999',
	bankId: 'billing',
	exams: ['CPB'],
	section: 'denials',
	systems: ['CPT', 'ICD-10-CM'],
	codeSetYear: 2027,
	difficulty: 2,
	tags: [],
	rationale: 'Why.',
	file: 'x.md'
};

/**
 * A checker over a front matter written as YAML: records `path: message`. The code checks stand
 * in for the validator's (E11 a header, Z99.99 unknown, 9921 not a code).
 */
function check(yaml: string, systems = BASE.systems) {
	const problems: string[] = [];
	const data = parse(yaml) as Record<string, unknown>;
	const c: KindChecker = {
		data,
		text: { Scenario: 'Scenario text.', Rationale: 'Why.' },
		systems,
		year: 2027,
		codes: {} as KindChecker['codes'],
		fail: (path, msg) => problems.push(`${path.join('.')}: ${msg}`),
		failAt: (line, msg) => problems.push(`${line}: ${msg}`),
		section: () => undefined,
		sourceOf: () => undefined,
		codeKey: () => undefined,
		checkSystems(key: CodeKey, path = ['systems']) {
			if (key.icd10cm.length && !systems.includes('ICD-10-CM'))
				problems.push(`${path.join('.')}: systems must list ICD-10-CM`);
			if (key.procedures.some((p) => /^\d/.test(p)) && !systems.includes('CPT'))
				problems.push(`${path.join('.')}: systems must list CPT`);
		},
		icdProblem: (code) =>
			code === 'E11' ? 'E11 is a header' : code === 'Z99.99' ? 'Z99.99 does not exist' : undefined,
		procedureProblem: (line) =>
			/^(\d{5}|[A-V]\d{4})(-\w\w)*( x\d+)?$/.test(line) ? undefined : `${line} is not a code`,
		modifierProblem: () => undefined
	};
	const item = buildDenial(c, BASE);
	return { item, problems };
}

const GOOD = `
type: denial
cause: bundled
action: correct-resubmit
remit:
  payer: Medicare Part B
  claim: 27-000412
  account: ACC-88
  dos: 2027-02-03
  received: 2027-02-10
  processed: 2027-02-24
  icd10cm: [I10, E11.9]
  lines:
    - { code: 99214-25, billed: "$1,180.00", allowed: "$110.25", paid: "$88.20", group: CO, carc: 45, reason: Fee schedule. }
    - { code: 20610, billed: "$215.00", allowed: "$0.00", paid: "$0.00", group: CO, carc: 97, reason: Paid as part of another line. }
`;

describe('building a denial item', () => {
	it('reads a good item, money as integer cents', () => {
		const { item, problems } = check(GOOD);
		expect(problems).toEqual([]);
		expect(item.cause).toBe('bundled');
		expect(item.action).toBe('correct-resubmit');
		expect(item.remit).toMatchObject({
			payer: 'Medicare Part B',
			claim: '27-000412',
			dos: '2027-02-03',
			icd10cm: ['I10', 'E11.9'],
			overpaid: false
		});
		expect(item.remit.lines[0]).toEqual({
			code: '99214-25',
			billed: 118000,
			allowed: 11025,
			paid: 8820,
			group: 'CO',
			carc: '45',
			reason: 'Fee schedule.'
		});
		expect(item.remit.lines[1]?.paid).toBe(0);
	});

	it('refuses a cause or an action not on the lists', () => {
		const { problems } = check(
			GOOD.replace('cause: bundled', 'cause: bundling').replace(
				'action: correct-resubmit',
				'action: resubmit'
			)
		);
		expect(problems).toEqual([
			expect.stringMatching(/^cause: cause must be one of missing-information, /),
			expect.stringMatching(/^action: action must be one of correct-resubmit, /)
		]);
	});

	it('refuses money that is not $dollars.cents', () => {
		const { problems } = check(GOOD.replace('"$110.25"', '"110.25"').replace('"$88.20"', '88.2'));
		expect(problems).toEqual([
			'remit.lines.0.allowed: "110.25" is not an amount written like "$1,234.50"',
			'remit.lines.0.paid: "88.2" is not an amount written like "$1,234.50"'
		]);
	});

	it('refuses paid over billed unless the item is about an overpayment', () => {
		const over = GOOD.replace('paid: "$88.20"', 'paid: "$1,180.01"').replace(
			'allowed: "$110.25"',
			'allowed: "$1,180.00"'
		);
		expect(check(over).problems).toEqual([
			'remit.lines.0.paid: paid is more than billed; set `overpaid: true` on the remit if the item is about an overpayment'
		]);
		expect(check(over.replace('  payer:', '  overpaid: true\n  payer:')).problems).toEqual([]);
	});

	it('checks every code on the remit and the systems they need', () => {
		const bad = GOOD.replace('[I10, E11.9]', '[I10, E11, Z99.99]').replace(
			'code: 20610',
			'code: 2061'
		);
		expect(check(bad).problems).toEqual([
			'remit.icd10cm.1: E11 is a header',
			'remit.icd10cm.2: Z99.99 does not exist',
			'remit.lines.1.code: 2061 is not a code'
		]);
		expect(check(GOOD, ['CPT']).problems).toEqual(['systems: systems must list ICD-10-CM']);
	});

	it('checks dates, groups, reason codes and unknown fields', () => {
		const bad = GOOD.replace('dos: 2027-02-03', 'dos: 2027-02-30')
			.replace('group: CO, carc: 45', 'group: XX, carc: 45')
			.replace('carc: 97', 'carc: CO97')
			.replace('  account:', '  acount: 1\n  account:');
		expect(check(bad).problems).toEqual([
			'remit.acount: unknown field "acount" (use payer, claim, account, dos, received, processed, icd10cm, lines, overpaid)',
			'remit.dos: dos (the date of service) must be a date written YYYY-MM-DD',
			'remit.lines.0.group: group must be one of CO, PR, OA, PI',
			'remit.lines.0: an adjusted line needs its group code (CO, PR, OA or PI)',
			'remit.lines.1.carc: "CO97" is not a claim adjustment reason code'
		]);
	});

	it('refuses a claim received before its date of service', () => {
		expect(check(GOOD.replace('received: 2027-02-10', 'received: 2027-01-10')).problems).toEqual([
			'remit.received: the claim was received before the date of service'
		]);
	});

	it('needs at least one adjusted line, and a reason on each adjusted line', () => {
		const none = `
cause: duplicate
action: no-action
remit: { payer: P, claim: 1, account: A, dos: 2027-01-01, lines: [{ code: 99213, billed: "$1.00", allowed: "$1.00", paid: "$1.00" }] }
`;
		expect(check(none, ['CPT']).problems).toEqual([
			'remit.lines: at least one line must be adjusted (group and reason)'
		]);
		const noReason = none.replace('paid: "$1.00" }', 'paid: "$1.00", group: CO }');
		expect(check(noReason, ['CPT']).problems).toEqual([
			'remit.lines.0: an adjusted line needs its reason in our own words',
			'remit.lines: at least one line must be adjusted (group and reason)'
		]);
	});

	it('never throws on a remit of the wrong shape', () => {
		for (const remit of [
			'remit: 3',
			'remit: [1]',
			'remit: { lines: 4 }',
			'remit: { lines: [3, null] }'
		])
			expect(check(`cause: duplicate\naction: appeal\n${remit}`).problems.length).toBeGreaterThan(
				0
			);
		expect(check('cause: duplicate\naction: appeal').problems[0]).toMatch(
			/^remit: remit must be a mapping/
		);
	});
});

describe('isIsoDate', () => {
	it('accepts real calendar dates only', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2027-02-29')).toBe(false);
		expect(isIsoDate('2027-13-01')).toBe(false);
		expect(isIsoDate('2027-1-01')).toBe(false);
		expect(isIsoDate('03/04/2027')).toBe(false);
	});
});
