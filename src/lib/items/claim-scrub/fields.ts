/**
 * The checkable fields of a claim, in form order, and the fixes a learner may pick for each kind
 * of field. Every field of a kind offers the same fixes, whether or not it holds an error: fixes
 * listed per planted error would tell the learner which fields are wrong.
 */
import type { Claim, ClaimForm } from './types.ts';

export type FieldKind =
	| 'id'
	| 'name'
	| 'dob'
	| 'sex'
	| 'indicator'
	| 'dx'
	| 'date'
	| 'period'
	| 'admission'
	| 'pos'
	| 'code'
	| 'modifiers'
	| 'pointer'
	| 'units'
	| 'charge'
	| 'npi'
	| 'taxId'
	| 'revenue'
	| 'tob';

export interface Fix {
	id: string;
	label: string;
}

/** The fixes each kind of field offers, in the order shown. */
export const FIXES: Record<FieldKind, readonly Fix[]> = {
	id: [
		{ id: 'id-format', label: "Re-enter it from the card: it is not in this payer's format" },
		{ id: 'id-mbi', label: "Replace the retired SSN-based Medicare number with the patient's MBI" },
		{ id: 'id-holder', label: "Use the policyholder's ID, not another family member's" }
	],
	name: [{ id: 'name-card', label: 'Enter the name exactly as on the insurance card' }],
	dob: [{ id: 'dob-record', label: 'Enter the date of birth from the registration record' }],
	sex: [{ id: 'sex-record', label: 'Enter the sex from the registration record' }],
	indicator: [
		{ id: 'ind-0', label: 'Enter 0 (ICD-10-CM)' },
		{ id: 'ind-9', label: 'Enter 9 (ICD-9-CM)' }
	],
	dx: [
		{ id: 'dx-specific', label: 'A header: add the characters the record supports' },
		{ id: 'dx-exists', label: 'Not a code: replace it with the code the record supports' },
		{ id: 'dx-side', label: 'Wrong side: use the code for the documented side' },
		{ id: 'dx-remove', label: 'Delete it: nothing in the record supports it' }
	],
	date: [
		{ id: 'date-record', label: 'Enter the date of service from the record' },
		{ id: 'date-period', label: 'Bill it on the claim for its own statement period' }
	],
	period: [{ id: 'period-dates', label: 'Make it run from the first to the last date of service' }],
	admission: [{ id: 'adm-record', label: 'Enter the admission date from the inpatient order' }],
	pos: [
		{ id: 'pos-11', label: '11 Office' },
		{ id: 'pos-02', label: "02 Telehealth, not in the patient's home" },
		{ id: 'pos-10', label: "10 Telehealth in the patient's home" },
		{ id: 'pos-12', label: '12 Home' },
		{ id: 'pos-19', label: '19 Off-campus outpatient hospital' },
		{ id: 'pos-20', label: '20 Urgent care facility' },
		{ id: 'pos-21', label: '21 Inpatient hospital' },
		{ id: 'pos-22', label: '22 On-campus outpatient hospital' },
		{ id: 'pos-23', label: '23 Emergency room, hospital' },
		{ id: 'pos-24', label: '24 Ambulatory surgical center' },
		{ id: 'pos-31', label: '31 Skilled nursing facility' },
		{ id: 'pos-32', label: '32 Nursing facility' }
	],
	code: [
		{ id: 'code-record', label: 'Replace it with the code for the service documented' },
		{ id: 'code-remove', label: 'Delete the line: it is not documented or not billable' }
	],
	modifiers: [
		{ id: 'mod-25', label: 'Add 25 (separately identifiable E/M)' },
		{ id: 'mod-59', label: 'Add 59 (distinct procedural service)' },
		{ id: 'mod-xe', label: 'Add XE (separate encounter)' },
		{ id: 'mod-xs', label: 'Add XS (separate structure)' },
		{ id: 'mod-xp', label: 'Add XP (separate practitioner)' },
		{ id: 'mod-xu', label: 'Add XU (unusual non-overlapping service)' },
		{ id: 'mod-side', label: 'Change RT/LT to the documented side' },
		{ id: 'mod-remove', label: 'Remove a modifier that does not apply' }
	],
	pointer: [
		{ id: 'ptr-supports', label: 'Point first to the diagnosis this service treats' },
		{ id: 'ptr-listed', label: 'Point only to letters that hold a diagnosis' },
		{ id: 'ptr-letters', label: 'Use the letters A-L, not codes or numbers' }
	],
	units: [
		{ id: 'units-dose', label: "Recompute from the dose given and the code's unit" },
		{ id: 'units-time', label: 'Recompute from the minutes documented' },
		{ id: 'units-one', label: 'Report 1 unit: it is reported once' }
	],
	charge: [{ id: 'charge-fee', label: 'Enter the fee schedule charge for the units billed' }],
	npi: [
		{ id: 'npi-check', label: 'Re-enter it from NPPES: it fails the NPI check digit' },
		{ id: 'npi-person', label: "Use the clinician's own (type 1) NPI" },
		{ id: 'npi-org', label: "Use the organization's (type 2) NPI" }
	],
	taxId: [{ id: 'tax-ein', label: "Re-enter the billing provider's EIN" }],
	revenue: [{ id: 'rev-dept', label: 'Use the revenue code of the department that gave it' }],
	tob: [
		{ id: 'tob-0111', label: '0111 Hospital inpatient, admit through discharge' },
		{ id: 'tob-0117', label: '0117 Hospital inpatient, replacement of a prior claim' },
		{ id: 'tob-0131', label: '0131 Hospital outpatient, admit through discharge' },
		{ id: 'tob-0137', label: '0137 Hospital outpatient, replacement of a prior claim' },
		{ id: 'tob-0211', label: '0211 Skilled nursing inpatient, admit through discharge' }
	]
};

/** One checkable field: its stable id, where it is on the form, what it shows. */
export interface ClaimField {
	id: string;
	kind: FieldKind;
	/** The form's own name for it: `24D`, `FL 67A`. */
	box: string;
	/** What it is, in words: `Line 2 modifiers`. */
	label: string;
	/** What the claim shows; blank fields are checkable too (a missing modifier). */
	value: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQ';

export function dxFieldId(form: ClaimForm, i: number): string {
	if (form === 'cms1500') return `dx.${LETTERS[i]}`;
	return i === 0 ? 'fl67' : `fl67${LETTERS[i - 1]}`;
}

/** The letter a diagnosis is pointed to by on a CMS-1500 (A for the first). */
export function dxLetter(i: number): string {
	return LETTERS[i] ?? '?';
}

/** The most diagnoses each form holds: A-L, or the principal and A-Q. */
export const MAX_DIAGNOSES: Record<ClaimForm, number> = { cms1500: 12, ub04: 18 };
/** The most service lines we lay out (a paper CMS-1500 has six; a UB-04 page 22). */
export const MAX_LINES: Record<ClaimForm, number> = { cms1500: 6, ub04: 22 };

/** Every checkable field of a claim, in the order the form is read (and tabbed through). */
export function claimFields(form: ClaimForm, c: Claim): ClaimField[] {
	const f: ClaimField[] = [];
	const add = (id: string, kind: FieldKind, box: string, label: string, value: string) =>
		f.push({ id, kind, box, label, value });
	const dx = () =>
		c.diagnoses.forEach((code, i) => {
			const id = dxFieldId(form, i);
			const box =
				form === 'cms1500' ? `21${dxLetter(i)}` : i === 0 ? 'FL 67' : `FL 67${dxLetter(i - 1)}`;
			const label =
				form === 'cms1500'
					? `Diagnosis ${dxLetter(i)}`
					: i === 0
						? 'Principal diagnosis'
						: `Other diagnosis ${dxLetter(i - 1)}`;
			add(id, 'dx', box, label, code);
		});
	if (form === 'cms1500') {
		add('insured.id', 'id', '1a', "Insured's ID number", c.insuredId);
		add('patient.name', 'name', '2', "Patient's name", c.patient.name);
		add('patient.dob', 'dob', '3', "Patient's birth date", c.patient.dob);
		add('patient.sex', 'sex', '3', "Patient's sex", c.patient.sex);
		add('box21.ind', 'indicator', '21', 'ICD indicator', c.icdIndicator);
		dx();
		c.lines.forEach((l, i) => {
			const n = i + 1;
			const p = `line${n}`;
			add(`${p}.date`, 'date', '24A', `Line ${n} date of service`, l.date);
			add(`${p}.pos`, 'pos', '24B', `Line ${n} place of service`, l.pos ?? '');
			add(`${p}.code`, 'code', '24D', `Line ${n} CPT/HCPCS`, l.code);
			add(`${p}.modifiers`, 'modifiers', '24D', `Line ${n} modifiers`, l.modifiers.join(' '));
			add(`${p}.pointer`, 'pointer', '24E', `Line ${n} diagnosis pointer`, l.pointer ?? '');
			add(`${p}.charge`, 'charge', '24F', `Line ${n} charges`, l.charge);
			add(`${p}.units`, 'units', '24G', `Line ${n} units`, String(l.units));
			add(`${p}.npi`, 'npi', '24J', `Line ${n} rendering NPI`, l.npi ?? '');
		});
		add('box25', 'taxId', '25', 'Federal tax ID (EIN)', c.taxId ?? '');
		add('box33a', 'npi', '33a', 'Billing provider NPI', c.billing.npi);
	} else {
		add('fl4', 'tob', 'FL 4', 'Type of bill', c.typeOfBill ?? '');
		add(
			'fl6',
			'period',
			'FL 6',
			'Statement period',
			c.statement ? `${c.statement.from} - ${c.statement.through}` : ''
		);
		add('patient.name', 'name', 'FL 8', "Patient's name", c.patient.name);
		add('patient.dob', 'dob', 'FL 10', "Patient's birth date", c.patient.dob);
		add('patient.sex', 'sex', 'FL 11', "Patient's sex", c.patient.sex);
		if (c.admissionDate !== undefined)
			add('fl12', 'admission', 'FL 12', 'Admission date', c.admissionDate);
		c.lines.forEach((l, i) => {
			const n = i + 1;
			const p = `line${n}`;
			add(`${p}.revenue`, 'revenue', 'FL 42', `Line ${n} revenue code`, l.revenue ?? '');
			add(`${p}.code`, 'code', 'FL 44', `Line ${n} HCPCS`, l.code);
			add(`${p}.modifiers`, 'modifiers', 'FL 44', `Line ${n} modifiers`, l.modifiers.join(' '));
			add(`${p}.date`, 'date', 'FL 45', `Line ${n} service date`, l.date);
			add(`${p}.units`, 'units', 'FL 46', `Line ${n} units`, String(l.units));
			add(`${p}.charge`, 'charge', 'FL 47', `Line ${n} total charges`, l.charge);
		});
		add('fl56', 'npi', 'FL 56', 'Billing provider NPI', c.billing.npi);
		add('insured.id', 'id', 'FL 60', "Insured's unique ID", c.insuredId);
		add('fl66', 'indicator', 'FL 66', 'Diagnosis version qualifier', c.icdIndicator);
		dx();
		add('fl76', 'npi', 'FL 76', 'Attending NPI', c.attending?.npi ?? '');
	}
	return f;
}

export function fixLabel(kind: FieldKind, fixId: string | null | undefined): string | undefined {
	return FIXES[kind].find((x) => x.id === fixId)?.label;
}
