/**
 * Rebuilds codesets/ from the official files in ../shared/data (see codesets/README.md).
 * Only maintainers run this, when a new code-set release arrives; a fresh clone uses the
 * committed output and never needs ../shared.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIndexXml } from './lib/index-xml.ts';

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

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
for (const f of [
	'icd10cm/icd10cm_order_2026.tsv',
	'icd10cm/icd10cm_order_addenda_2026.tsv',
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
	`icd10cm ${cm.length} rows, hcpcs ${hcpcs.length} rows, icd10pcs ${pcs.length} codes (${pcsRows.length} rows), ` +
		`poa-exempt ${poa.length}, index terms ${index.length}`
);
