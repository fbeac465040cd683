import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	addendaToTsv,
	applyAddenda,
	changesByCode,
	checkTable,
	cmToTsv,
	parseAddendaTsv,
	parseCmTsv,
	parseOrderAddenda,
	revertAddenda,
	type CmRow
} from './addenda';

/** One line of the CMS fixed-width layout (action 13, flag, code 7, short 60, long). */
function line(action: string, flag: 0 | 1, code: string, long: string): string {
	return `${action.padEnd(13)}${flag} ${code.padEnd(7)} ${long.slice(0, 60).padEnd(60)} ${long}`;
}

const ADDENDA = [
	line('Delete:', 1, 'D691', 'Qualitative platelet defects'),
	line('Add:', 0, 'D691', 'Qualitative platelet defects'),
	line('Add:', 1, 'D6919', 'Other qualitative platelet defects'),
	line('Add:', 1, 'D6911', 'Glanzmann thrombasthenia'),
	line('Delete:', 1, 'T528X1A', 'Toxic effect of solvents, initial encounter'),
	line('Add:', 1, 'T52891A', 'Toxic effect of solvents, initial encounter'),
	line('Revise from:', 1, 'Z2914', 'Encounter for prophylactic rabies immune globin'),
	line('Revise to:', 1, 'Z2914', 'Encounter for prophylactic rabies immune globulin'),
	line('Add:', 1, 'J4B', 'Pulmonary mycetoma'),
	'',
	'Codes',
	'    190 additions'
].join('\r\n');

const FY2026: CmRow[] = [
	{ code: 'D69', billable: false, title: 'Purpura and other hemorrhagic conditions' },
	{ code: 'D69.0', billable: true, title: 'Allergic purpura' },
	{ code: 'D69.1', billable: true, title: 'Qualitative platelet defects' },
	{ code: 'D69.2', billable: true, title: 'Other nonthrombocytopenic purpura' },
	{ code: 'J4A', billable: false, title: 'Chronic lung allograft dysfunction' },
	{ code: 'J4A.9', billable: true, title: 'Chronic lung allograft dysfunction, unspecified' },
	{ code: 'J45', billable: false, title: 'Asthma' },
	{ code: 'J45.909', billable: true, title: 'Unspecified asthma, uncomplicated' },
	{ code: 'T52.8', billable: false, title: 'Toxic effects of other organic solvents' },
	{ code: 'T52.8X1A', billable: true, title: 'Toxic effect of solvents, initial encounter' },
	{ code: 'T52.9', billable: false, title: 'Toxic effects of unspecified organic solvent' },
	{ code: 'Z29.14', billable: true, title: 'Encounter for prophylactic rabies immune globin' }
];

describe('parseOrderAddenda', () => {
	it('reads the fixed-width CRLF layout, dots the codes and skips the summary lines', () => {
		const lines = parseOrderAddenda(ADDENDA);
		expect(lines).toHaveLength(9);
		expect(lines[0]).toEqual({
			action: 'delete',
			code: 'D69.1',
			billable: true,
			title: 'Qualitative platelet defects'
		});
		expect(lines[1]).toMatchObject({ action: 'add', code: 'D69.1', billable: false });
		expect(lines[6]).toMatchObject({ action: 'revise_from', code: 'Z29.14' });
		expect(lines[8]).toMatchObject({ code: 'J4B', title: 'Pulmonary mycetoma' });
	});

	it('refuses a change line that does not fit the layout, with its line number', () => {
		expect(() => parseOrderAddenda('Add:         x D6911   Short   Long')).toThrow(
			/addenda line 1 does not fit/
		);
	});

	it('round-trips through the compact TSV kept in codesets/', () => {
		const lines = parseOrderAddenda(ADDENDA);
		expect(parseAddendaTsv(addendaToTsv(lines))).toEqual(lines);
	});
});

describe('applyAddenda', () => {
	const lines = parseOrderAddenda(ADDENDA);
	const fy2027 = applyAddenda(FY2026, lines);
	const codes = fy2027.map((r) => r.code);

	it('turns a billable code the addenda delete and re-add with flag 0 into a header, in place', () => {
		expect(fy2027.find((r) => r.code === 'D69.1')).toMatchObject({ billable: false });
	});

	it('orders new codes after their nearest preceding code within the category', () => {
		expect(codes.slice(0, 6)).toEqual(['D69', 'D69.0', 'D69.1', 'D69.11', 'D69.19', 'D69.2']);
	});

	it('puts a new category after the whole preceding category', () => {
		expect(codes.slice(codes.indexOf('J4A'), codes.indexOf('J45') + 1)).toEqual([
			'J4A',
			'J4A.9',
			'J4B',
			'J45'
		]);
	});

	it('removes deleted codes, adds their successors and retitles revisions', () => {
		expect(codes).not.toContain('T52.8X1A');
		expect(codes.indexOf('T52.891A')).toBe(codes.indexOf('T52.8') + 1);
		expect(fy2027.find((r) => r.code === 'Z29.14')?.title).toBe(
			'Encounter for prophylactic rabies immune globulin'
		);
	});

	it('refuses addenda that do not match the older table (never a plausible wrong set)', () => {
		const wrong = FY2026.map((r) => (r.code === 'D69.1' ? { ...r, title: 'Something else' } : r));
		expect(() => applyAddenda(wrong, lines)).toThrow(/delete D69.1\) does not match/);
		const twice = [...FY2026, { code: 'J4B', billable: true, title: 'x' }];
		expect(() => applyAddenda(twice, lines)).toThrow(/already has J4B/);
	});

	it('is undone exactly by revertAddenda', () => {
		expect(revertAddenda(fy2027, lines)).toEqual(FY2026);
	});
});

describe('changesByCode', () => {
	const changes = changesByCode(parseOrderAddenda(ADDENDA));

	it('names each kind of change, with old titles and same-titled successors', () => {
		expect(changes.get('D69.1')).toEqual({
			kind: 'now-header',
			oldTitle: 'Qualitative platelet defects'
		});
		expect(changes.get('D69.11')).toEqual({ kind: 'new' });
		expect(changes.get('T52.8X1A')).toEqual({
			kind: 'deleted',
			oldTitle: 'Toxic effect of solvents, initial encounter',
			replacedBy: ['T52.891A']
		});
		expect(changes.get('Z29.14')).toEqual({
			kind: 'retitled',
			oldTitle: 'Encounter for prophylactic rabies immune globin'
		});
		expect(changes.get('D69.0')).toBeUndefined();
	});
});

describe('checkTable', () => {
	it('counts rows and finds a billable code with children and a childless header', () => {
		const bad: CmRow[] = [
			{ code: 'A00', billable: true, title: '' },
			{ code: 'A00.1', billable: true, title: '' },
			{ code: 'B00', billable: false, title: '' }
		];
		expect(checkTable(bad)).toEqual({
			rows: 3,
			billable: 2,
			headers: 1,
			problems: ['A00 is billable but has codes below it', 'B00 is a header with no codes below it']
		});
	});
});

describe('the committed FY2027 files', () => {
	const fy2027 = parseCmTsv(readFileSync('codesets/icd10cm-2027.tsv', 'utf8'));
	const lines = parseAddendaTsv(readFileSync('codesets/icd10cm-2027-addenda.tsv', 'utf8'));

	it('hold the published FY2027 counts', () => {
		expect(checkTable(fy2027)).toEqual({
			rows: 98_403,
			billable: 74_879,
			headers: 23_524,
			problems: []
		});
	});

	it('give back the committed FY2026 table exactly (so FY2026 need not be shipped)', () => {
		const fy2026 = readFileSync('codesets/icd10cm-2026.tsv', 'utf8');
		expect(cmToTsv(revertAddenda(fy2027, lines))).toBe(fy2026);
	});
});
