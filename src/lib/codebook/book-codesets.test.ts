import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { codeSetsFromBook } from './book-codesets';
import { codeSetsFromText } from './codesets';

const dir = join(import.meta.dirname, '../../../codesets');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

it("gives the build's answers for every ICD-10-CM, PCS and HCPCS code", () => {
	const build = codeSetsFromText({
		icd10cm: read('icd10cm-2026.tsv'),
		icd10cm2027: read('icd10cm-2027.tsv'),
		hcpcs: read('hcpcs-2025-oct.tsv'),
		icd10pcs: read('icd10pcs-2026.txt')
	});
	const book = codeSetsFromBook({
		icd10cm: read('icd10cm-2027.tsv'),
		addenda2027: read('icd10cm-2027-addenda.tsv'),
		icd10pcs: read('icd10pcs-2026.tsv'),
		hcpcs: read('hcpcs-2025-oct.tsv')
	});
	expect(book.years).toEqual(build.years);
	const codes = (name: string) =>
		read(name)
			.split('\n')
			.slice(1)
			.map((l) => l.split('\t')[0]!)
			.filter(Boolean);
	const cm = new Set([...codes('icd10cm-2026.tsv'), ...codes('icd10cm-2027.tsv')]);
	let differ = 0;
	for (const code of cm)
		for (const year of [2026, 2027] as const)
			if (JSON.stringify(book.icd10cm(code, year)) !== JSON.stringify(build.icd10cm(code, year)))
				differ++;
	for (const code of codes('icd10pcs-2026.tsv'))
		if (book.icd10pcs(code) !== build.icd10pcs(code)) differ++;
	for (const code of codes('hcpcs-2025-oct.tsv'))
		if (JSON.stringify(book.hcpcs(code)) !== JSON.stringify(build.hcpcs(code))) differ++;
	expect(differ).toBe(0);
	expect(book.icd10pcs('0DTJ4ZZ')).toBe(true);
	expect(book.icd10cm('E11.9', 2027)?.billable).toBe(true);
}, 30_000);
