/**
 * Code-book test data: the real committed code sets (parsed once per test file), and a tiny
 * hand-made book whose texts a test can override line by line.
 */
import { readFileSync } from 'node:fs';
import {
	CODEBOOK_FILES,
	parseCodeBook,
	type CodeBookData,
	type CodeBookTexts
} from '../../src/lib/codebook/data';

let real: CodeBookData | undefined;

/** The full FY2027 book from codesets/ (about 186,000 entries). */
export function realCodeBook(): CodeBookData {
	real ??= parseCodeBook(
		Object.fromEntries(
			Object.entries(CODEBOOK_FILES).map(([key, file]) => [
				key,
				readFileSync(`codesets/${file}`, 'utf8')
			])
		) as unknown as CodeBookTexts
	);
	return real;
}

const MINI: CodeBookTexts = {
	icd10cm: [
		'code\tbillable\ttitle',
		'E11\t0\tType 2 diabetes mellitus',
		'E11.9\t1\tType 2 diabetes mellitus without complications',
		'E11.A\t1\tType 2 diabetes mellitus without complications in remission',
		'I10\t1\tEssential (primary) hypertension'
	].join('\n'),
	chapters:
		'chapter\ttitle\n4\tEndocrine, nutritional and metabolic diseases (E00-E89)\n9\tDiseases of the circulatory system (I00-I99)',
	sections:
		'section\tchapter\ttitle\nE08-E13\t4\tDiabetes mellitus (E08-E13)\nI10-I1A\t9\tHypertensive diseases (I10-I1A)',
	categories: 'category\tsection\nE11\tE08-E13\nI10\tI10-I1A',
	addenda: [
		'action\tcode\tbillable\ttitle',
		'add\tE11.A\t1\tType 2 diabetes mellitus without complications in remission',
		'delete\tE11.99\t1\tAn old code',
		'revise_from\tI10\t1\tOld title',
		'revise_to\tI10\t1\tEssential (primary) hypertension'
	].join('\n'),
	// No FY2027 changes unless a test gives some: the FY2026 book is then the same codes.
	addenda2027: 'action\tcode\tbillable\ttitle',
	poaExempt: 'I10',
	index: [
		'table\tterm\tcolumn\tcode',
		'drug\tAcetaminophen\tPoisoning Accidental (unintentional)\tT39.1X1',
		'neoplasm\tNeoplasm, neoplastic > lung\tMalignant Secondary\tC78.0-'
	].join('\n'),
	icd10pcs:
		'code\tvalid\ttitle\n0DT\t0\tGastrointestinal System, Resection\n0DTJ4ZZ\t1\tResection of Appendix, Percutaneous Endoscopic Approach',
	hcpcs: [
		'code\ttype\tterminated\ttitle\taction\tlong_title',
		'J1100\tprocedure\t\tDexamethasone sodium phos\tN\tInjection, dexamethasone sodium phosphate, 1 mg',
		'A9999\tprocedure\t20241231\tGone\tN\tA discontinued code',
		'LT\tmodifier\t\tLeft side\tA\tLeft side (used to identify procedures performed on the left side of the body)'
	].join('\n')
};

/** A five-code book for exact tests of parsing; override any file's text. */
export function miniTexts(overrides: Partial<CodeBookTexts> = {}): CodeBookTexts {
	return { ...MINI, ...overrides };
}
