/**
 * Rebuilds codesets/ from the official files in ../shared/data (see codesets/README.md).
 * Only maintainers run this, when a new code-set release arrives; a fresh clone uses the
 * committed output and never needs ../shared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const shared = resolve(process.argv[2] ?? '../shared/data');
const out = resolve('codesets');

/** Split a TSV with no quoting: HCPCS titles contain literal `"` characters. */
function rows(path: string): string[][] {
	const lines = readFileSync(path, 'utf8').split('\n').slice(1);
	return lines.filter((l) => l.length > 0).map((l) => l.split('\t'));
}

const cm = rows(`${shared}/icd10cm/icd10cm_order_2026.tsv`).map(
	([, code, billable, , long]) => `${code}\t${billable}\t${long}`
);
writeFileSync(`${out}/icd10cm-2026.tsv`, ['code\tbillable\ttitle', ...cm].join('\n') + '\n');

const hcpcs = rows(`${shared}/hcpcs/hcpcs_2025_oct.tsv`).map(
	([code, type, short, , , , terminated]) => `${code}\t${type}\t${terminated ?? ''}\t${short}`
);
writeFileSync(
	`${out}/hcpcs-2025-oct.tsv`,
	['code\ttype\tterminated\ttitle', ...hcpcs].join('\n') + '\n'
);

const pcs = rows(`${shared}/icd10pcs/icd10pcs_order_2026.tsv`)
	.filter(([, , valid]) => valid === '1')
	.map(([, code]) => code);
writeFileSync(`${out}/icd10pcs-2026.txt`, pcs.join('\n') + '\n');

console.log(`icd10cm ${cm.length} rows, hcpcs ${hcpcs.length} rows, icd10pcs ${pcs.length} codes`);
