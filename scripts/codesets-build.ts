/**
 * Rebuilds codesets/ from the official files in ../shared/data (see codesets/README.md).
 * Only maintainers run this, when a new code-set release arrives; a fresh clone uses the
 * committed output and never needs ../shared.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIndexXml } from './lib/index-xml.ts';
import {
	addendaToTsv,
	applyAddenda,
	checkTable,
	cmToTsv,
	parseCmTsv,
	parseOrderAddenda
} from '../src/lib/codebook/addenda.ts';

const shared = resolve(process.argv[2] ?? '../shared/data');
const out = resolve('codesets');

/** Split a TSV with no quoting: HCPCS titles contain literal `"` characters. */
function rows(path: string): string[][] {
	const lines = readFileSync(path, 'utf8').split('\n').slice(1);
	return lines.filter((l) => l.length > 0).map((l) => l.split('\t'));
}

function write(name: string, header: string | undefined, lines: string[]): void {
	writeFileSync(`${out}/${name}`, [...(header ? [header] : []), ...lines].join('\n') + '\n');
}

const cm = rows(`${shared}/icd10cm/icd10cm_order_2026.tsv`).map(
	([, code, billable, , long]) => `${code}\t${billable}\t${long}`
);
write('icd10cm-2026.tsv', 'code\tbillable\ttitle', cm);

// HCPCS: long description appended as a fifth column, so older readers (the bank validator,
// which reads four columns) keep working.
const hcpcs = rows(`${shared}/hcpcs/hcpcs_2025_oct.tsv`).map(
	([code, type, short, long, , , terminated, action]) =>
		`${code}\t${type}\t${terminated ?? ''}\t${short}\t${action ?? ''}\t${long ?? ''}`
);
write('hcpcs-2025-oct.tsv', 'code\ttype\tterminated\ttitle\taction\tlong_title', hcpcs);

const pcsRows = rows(`${shared}/icd10pcs/icd10pcs_order_2026.tsv`);
const pcs = pcsRows.filter(([, , valid]) => valid === '1').map(([, code]) => code!);
write('icd10pcs-2026.txt', undefined, pcs);
// Titles (and the 3-character table headers) for the code book.
write(
	'icd10pcs-2026.tsv',
	'code\tvalid\ttitle',
	pcsRows.map(([, code, valid, , long]) => `${code}\t${valid}\t${long}`)
);

// Hierarchy, addenda and POA exemptions, copied with only the columns the app reads.
write(
	'icd10cm-2026-chapters.tsv',
	'chapter\ttitle',
	rows(`${shared}/icd10cm/icd10cm_chapters_2026.tsv`).map((r) => r.join('\t'))
);
write(
	'icd10cm-2026-sections.tsv',
	'section\tchapter\ttitle',
	rows(`${shared}/icd10cm/icd10cm_sections_2026.tsv`).map((r) => r.join('\t'))
);
// Category titles equal the order file's long titles (checked upstream), so only the links stay.
write(
	'icd10cm-2026-categories.tsv',
	'category\tsection',
	rows(`${shared}/icd10cm/icd10cm_categories_2026.tsv`).map(([c, , s]) => `${c}\t${s}`)
);
write(
	'icd10cm-2026-addenda.tsv',
	'action\tcode\tbillable\ttitle',
	rows(`${shared}/icd10cm/icd10cm_order_addenda_2026.tsv`).map(
		([a, c, b, , long]) => `${a}\t${c}\t${b}\t${long}`
	)
);
const poa = rows(`${shared}/icd10cm/icd10cm_poa_exempt_2026.tsv`).map(([c]) => c!);
write('icd10cm-2026-poa-exempt.txt', undefined, poa);

// The three index tables as one flat list: table, term path, column heading, code.
const tables: [string, string][] = [
	['drug', 'icd10cm_drug_2026_apr.xml'],
	['neoplasm', 'icd10cm_neoplasm_2026_apr.xml'],
	['eindex', 'icd10cm_eindex_2026_apr.xml']
];
const index: string[] = [];
for (const [table, file] of tables)
	for (const e of parseIndexXml(readFileSync(`${shared}/icd10cm/${file}`, 'utf8')))
		index.push(`${table}\t${e.path.join(' > ')}\t${e.column}\t${e.code}`);
write('icd10cm-2026-index.tsv', 'table\tterm\tcolumn\tcode', index);

// FY2027: the FY2026 table plus the official FY2027 order-file addenda. Only the result and the
// change list are kept; the app derives FY2026 from them (src/lib/codebook/addenda.ts).
const fy2027Lines = parseOrderAddenda(
	readFileSync(`${shared}/icd10cm/icd10cm_order_addenda_2027.txt`, 'utf8')
);
const fy2027 = applyAddenda(
	parseCmTsv(readFileSync(`${out}/icd10cm-2026.tsv`, 'utf8')),
	fy2027Lines
);
const checked = checkTable(fy2027);
// The counts CMS publishes for the FY2027 order file: anything else means a wrong input.
const expected = { rows: 98_403, billable: 74_879, headers: 23_524 };
const wrong = (Object.keys(expected) as (keyof typeof expected)[]).filter(
	(k) => checked[k] !== expected[k]
);
if (wrong.length || checked.problems.length) {
	console.error(
		`FY2027 ICD-10-CM does not match the published counts ${JSON.stringify(expected)}: got ` +
			`${JSON.stringify({ ...checked, problems: checked.problems.slice(0, 20) })}`
	);
	process.exit(1);
}
writeFileSync(`${out}/icd10cm-2027.tsv`, cmToTsv(fy2027));
writeFileSync(`${out}/icd10cm-2027-addenda.tsv`, addendaToTsv(fy2027Lines));
// The FY2027 Tabular's block ranges are not available here: a new category joins the block of
// the category before it (J4B with J4A, K6A with K68, QA1 with QA0).
const categories2026 = rows(`${shared}/icd10cm/icd10cm_categories_2026.tsv`).map(
	([c, , s]) => [c!, s!] as const
);
const sectionOf = new Map(categories2026);
const categories2027: string[] = [];
let lastSection = '';
for (const r of fy2027) {
	if (r.code.length !== 3) continue;
	lastSection = sectionOf.get(r.code) ?? lastSection;
	categories2027.push(`${r.code}\t${lastSection}`);
}
write('icd10cm-2027-categories.tsv', 'category\tsection', categories2027);

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
for (const f of [
	'icd10cm/icd10cm_order_2026.tsv',
	'icd10cm/icd10cm_order_addenda_2026.tsv',
	'icd10cm/icd10cm_order_addenda_2027.txt',
	'icd10cm/icd10cm_poa_exempt_2026.tsv',
	'icd10cm/icd10cm_chapters_2026.tsv',
	'icd10cm/icd10cm_sections_2026.tsv',
	'icd10cm/icd10cm_categories_2026.tsv',
	...tables.map(([, f]) => `icd10cm/${f}`),
	'hcpcs/hcpcs_2025_oct.tsv',
	'icd10pcs/icd10pcs_order_2026.tsv'
])
	console.log(`sha256 ${sha(`${shared}/${f}`)}  ${f}`);
console.log(
	`icd10cm FY2027 ${checked.rows} rows (${checked.billable} billable, ${checked.headers} headers), ` +
		`categories ${categories2027.length}`
);
console.log(
	`icd10cm ${cm.length} rows, hcpcs ${hcpcs.length} rows, icd10pcs ${pcs.length} codes (${pcsRows.length} rows), ` +
		`poa-exempt ${poa.length}, index terms ${index.length}`
);
