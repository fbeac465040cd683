/** The claim-scrub item: a CMS-1500 or UB-04 claim with planted errors, and the learner's marks. */
import type { ItemBase } from '../../content/types.ts';

export type ClaimForm = 'cms1500' | 'ub04';

export interface Person {
	/** As on the form: `LAST, FIRST`. */
	name: string;
	/** MM/DD/YYYY. */
	dob: string;
	sex: 'F' | 'M' | 'U';
}

/** One service line: CMS-1500 item 24 or UB-04 FL 42-47. */
export interface ClaimLine {
	/** Date of service, MM/DD/YYYY (24A / FL 45). */
	date: string;
	/** CPT or HCPCS Level II code, shown as a number only (24D / FL 44). */
	code: string;
	modifiers: string[];
	units: number;
	/** Charge as written ("$1,250.00") and in integer cents. */
	charge: string;
	cents: number;
	/** CMS-1500: place of service (24B), diagnosis pointer letters (24E), rendering NPI (24J). */
	pos?: string;
	pointer?: string;
	npi?: string;
	/** UB-04: revenue code (FL 42) and its description in our own words (FL 43). */
	revenue?: string;
	description?: string;
}

export interface Claim {
	/** The payer as shown at the top of the CMS-1500 or in FL 50. */
	payer: string;
	patient: Person;
	/** The insured's ID number (box 1a / FL 60). */
	insuredId: string;
	/** Box 4 (CMS-1500), when the insured is not the patient. */
	insuredName?: string;
	/** ICD indicator: box 21 / FL 66 ("0" is ICD-10-CM). */
	icdIndicator: string;
	/** Diagnoses in order: A-L (box 21) or the principal then A-Q (FL 67). Dotted as written. */
	diagnoses: string[];
	lines: ClaimLine[];
	/** The billing provider (box 33 / FL 1) and its NPI (33a / FL 56). */
	billing: { name: string; npi: string };
	/** CMS-1500 box 25. */
	taxId?: string;
	/** UB-04 only. */
	typeOfBill?: string;
	statement?: { from: string; through: string };
	admissionDate?: string;
	attending?: { name: string; npi: string };
}

/** One planted error: the field it is in, the fix that puts it right, what it should read, why. */
export interface ClaimError {
	field: string;
	fix: string;
	/** What the field should read once fixed (shown after grading), e.g. `M17.12` or `25`. */
	correct: string;
	why: string;
}

export interface ClaimScrubItem extends ItemBase {
	type: 'claim-scrub';
	scenario: string;
	form: ClaimForm;
	claim: Claim;
	errors: ClaimError[];
}

/** The learner's marks: field id to the fix chosen (null: marked, no fix chosen yet). */
export interface ClaimScrubResponse {
	scrub: { marks: Record<string, string | null> };
}
