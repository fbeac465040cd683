/**
 * The validator's code sets (see ./codesets) from the files the code-book worker has already
 * downloaded, so an imported bank is checked in the browser against the same tables as the build:
 * FY2027 ICD-10-CM as shipped, FY2026 derived from it by undoing the FY2027 addenda (as the code
 * book does), the valid ICD-10-PCS codes and the HCPCS table.
 */
import { cmToTsv, parseAddendaTsv, parseCmTsv, type CmRow } from './addenda';
import { codeSetsFromText, type CodeSets } from './codesets';
import type { CodeBookTexts } from './data';

export function codeSetsFromBook(
	t: Pick<CodeBookTexts, 'icd10cm' | 'addenda2027' | 'icd10pcs' | 'hcpcs'>
): CodeSets {
	const fy2026 = revertUnordered(parseCmTsv(t.icd10cm), parseAddendaTsv(t.addenda2027));
	// The PCS table (with a header) lists headers too; the validator wants the valid codes only.
	const pcs = t.icd10pcs
		.split('\n')
		.slice(1)
		.map((l) => l.split('\t'))
		.filter(([code, valid]) => code && valid === '1')
		.map(([code]) => code)
		.join('\n');
	return codeSetsFromText({
		icd10cm: cmToTsv(fy2026),
		icd10cm2027: t.icd10cm,
		hcpcs: t.hcpcs,
		icd10pcs: pcs
	});
}

/**
 * The older year's codes, as `revertAddenda` gives them but without putting each restored code
 * back in Tabular order, which a lookup table does not need (and which took seconds): new codes
 * out, then deleted and retitled codes back as they were. A code deleted and added again (its
 * billable flag changed) is removed and then restored, so it ends as it was.
 */
function revertUnordered(newer: CmRow[], lines: ReturnType<typeof parseAddendaTsv>): CmRow[] {
	const rows = new Map(newer.map((r) => [r.code, r]));
	for (const l of lines) if (l.action === 'add') rows.delete(l.code);
	for (const l of lines)
		if (l.action === 'delete' || l.action === 'revise_from')
			rows.set(l.code, { code: l.code, billable: l.billable, title: l.title });
	return [...rows.values()];
}
