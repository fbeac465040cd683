/**
 * Reads and checks a claim-scrub item's front matter. Every code on the claim is checked against
 * the official code sets: a code not planted as an error must be valid and billable, and a code
 * planted as invalid must really be invalid (a header, or not a code at all). NPIs not planted as
 * errors must pass the check digit; money parses to integer cents exactly; dates are real.
 */
import type { CodeKey } from '../../content/types.ts';
import type { BaseFields, KindChecker } from '../kind.ts';
import {
	claimFields,
	dxFieldId,
	FIXES,
	MAX_DIAGNOSES,
	MAX_LINES,
	type ClaimField
} from './fields.ts';
import { npiValid, parseDate, parseMoney } from './formats.ts';
import type { Claim, ClaimError, ClaimForm, ClaimLine, ClaimScrubItem, Person } from './types.ts';

type Path = (string | number)[];

const CLAIM_KEYS: Record<ClaimForm, string[]> = {
	cms1500: [
		'payer',
		'patient',
		'insured',
		'icdIndicator',
		'diagnoses',
		'lines',
		'taxId',
		'billing'
	],
	ub04: [
		'payer',
		'patient',
		'insured',
		'icdIndicator',
		'diagnoses',
		'lines',
		'billing',
		'typeOfBill',
		'statement',
		'admissionDate',
		'attending'
	]
};
const LINE_KEYS: Record<ClaimForm, string[]> = {
	cms1500: ['date', 'pos', 'code', 'modifiers', 'pointer', 'charge', 'units', 'npi'],
	ub04: ['revenue', 'description', 'code', 'modifiers', 'date', 'units', 'charge']
};
const ERROR_KEYS = ['field', 'fix', 'correct', 'why'];

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the claim with its paths, so each problem names its line. */
class Reader {
	constructor(private readonly c: KindChecker) {}

	/** A scalar as written (`0131` keeps its zero), or '' with a problem. */
	str(v: unknown, path: Path, what: string, optional = false): string {
		if (v === undefined && optional) return '';
		if (typeof v !== 'string' && typeof v !== 'number') {
			this.c.fail(path, `${what} must be a value`);
			return '';
		}
		return (this.c.sourceOf(path) ?? String(v)).trim();
	}

	record(v: unknown, path: Path, what: string, keys: string[]): Record<string, unknown> {
		if (!isRecord(v)) {
			this.c.fail(path, `${what} must be a mapping of ${keys.join(', ')}`);
			return {};
		}
		for (const k of Object.keys(v))
			if (!keys.includes(k))
				this.c.fail([...path, k], `unknown field "${k}" in ${what} (use ${keys.join(', ')})`);
		return v;
	}

	list(v: unknown, path: Path, what: string): unknown[] {
		if (v === undefined) return [];
		if (!Array.isArray(v)) {
			this.c.fail(path, `${what} must be a list`);
			return [];
		}
		return v;
	}

	date(v: unknown, path: Path, what: string): string {
		const s = this.str(v, path, what);
		if (s && parseDate(s) === undefined)
			this.c.fail(path, `${what} "${s}" must be a real date written MM/DD/YYYY`);
		return s;
	}
}

export function buildClaimScrub(c: KindChecker, base: BaseFields): ClaimScrubItem {
	const d = c.data;
	const r = new Reader(c);
	const form: ClaimForm = d.form === 'ub04' ? 'ub04' : 'cms1500';
	if (d.form !== 'cms1500' && d.form !== 'ub04') c.fail(['form'], 'form must be cms1500 or ub04');

	const cd = r.record(d.claim, ['claim'], 'claim', CLAIM_KEYS[form]);
	const p = r.record(cd.patient, ['claim', 'patient'], 'patient', ['name', 'dob', 'sex']);
	const sex = r.str(p.sex, ['claim', 'patient', 'sex'], 'sex');
	if (!['F', 'M', 'U'].includes(sex)) c.fail(['claim', 'patient', 'sex'], 'sex must be F, M or U');
	const patient: Person = {
		name: r.str(p.name, ['claim', 'patient', 'name'], "the patient's name"),
		dob: r.date(p.dob, ['claim', 'patient', 'dob'], 'dob'),
		sex: sex as Person['sex']
	};
	const ins = r.record(cd.insured, ['claim', 'insured'], 'insured', ['id', 'name']);
	const bill = r.record(cd.billing, ['claim', 'billing'], 'billing', ['name', 'npi']);
	const diagnoses = r
		.list(cd.diagnoses, ['claim', 'diagnoses'], 'diagnoses')
		.map((v, i) => r.str(v, ['claim', 'diagnoses', i], 'a diagnosis'));
	if (!diagnoses.length) c.fail(['claim', 'diagnoses'], 'a claim needs at least one diagnosis');
	if (diagnoses.length > MAX_DIAGNOSES[form])
		c.fail(
			['claim', 'diagnoses'],
			`a ${form} claim holds at most ${MAX_DIAGNOSES[form]} diagnoses`
		);

	const rawLines = r.list(cd.lines, ['claim', 'lines'], 'lines');
	if (!rawLines.length) c.fail(['claim', 'lines'], 'a claim needs at least one service line');
	if (rawLines.length > MAX_LINES[form])
		c.fail(['claim', 'lines'], `at most ${MAX_LINES[form]} service lines`);
	const lines: ClaimLine[] = rawLines.map((v, i) => {
		const at: Path = ['claim', 'lines', i];
		const l = r.record(v, at, `line ${i + 1}`, LINE_KEYS[form]);
		const charge = r.str(l.charge, [...at, 'charge'], 'charge');
		const cents = parseMoney(charge);
		if (charge && cents === undefined)
			c.fail([...at, 'charge'], `charge "${charge}" must be dollars and cents, e.g. "$125.00"`);
		const units = l.units;
		if (!Number.isInteger(units) || (units as number) < 1)
			c.fail([...at, 'units'], 'units must be a whole number, at least 1');
		const line: ClaimLine = {
			date: r.date(l.date, [...at, 'date'], 'date'),
			code: r.str(l.code, [...at, 'code'], 'code', form === 'ub04'),
			modifiers: r
				.list(l.modifiers, [...at, 'modifiers'], 'modifiers')
				.map((m, j) => r.str(m, [...at, 'modifiers', j], 'a modifier')),
			units: Number.isInteger(units) ? (units as number) : 1,
			charge,
			cents: cents ?? 0
		};
		if (form === 'cms1500') {
			line.pos = r.str(l.pos, [...at, 'pos'], 'pos');
			line.pointer = r.str(l.pointer, [...at, 'pointer'], 'pointer');
			line.npi = r.str(l.npi, [...at, 'npi'], 'npi');
		} else {
			line.revenue = r.str(l.revenue, [...at, 'revenue'], 'revenue');
			line.description = r.str(l.description, [...at, 'description'], 'description');
		}
		return line;
	});

	const claim: Claim = {
		payer: r.str(cd.payer, ['claim', 'payer'], 'payer'),
		patient,
		insuredId: r.str(ins.id, ['claim', 'insured', 'id'], "the insured's id"),
		icdIndicator: r.str(cd.icdIndicator, ['claim', 'icdIndicator'], 'icdIndicator'),
		diagnoses,
		lines,
		billing: {
			name: r.str(bill.name, ['claim', 'billing', 'name'], "the billing provider's name"),
			npi: r.str(bill.npi, ['claim', 'billing', 'npi'], "the billing provider's NPI")
		}
	};
	if (ins.name !== undefined)
		claim.insuredName = r.str(ins.name, ['claim', 'insured', 'name'], 'name');
	if (form === 'cms1500') {
		claim.taxId = r.str(cd.taxId, ['claim', 'taxId'], 'taxId');
	} else {
		claim.typeOfBill = r.str(cd.typeOfBill, ['claim', 'typeOfBill'], 'typeOfBill');
		const st = r.record(cd.statement, ['claim', 'statement'], 'statement', ['from', 'through']);
		claim.statement = {
			from: r.date(st.from, ['claim', 'statement', 'from'], 'from'),
			through: r.date(st.through, ['claim', 'statement', 'through'], 'through')
		};
		if (cd.admissionDate !== undefined)
			claim.admissionDate = r.date(cd.admissionDate, ['claim', 'admissionDate'], 'admissionDate');
		const att = r.record(cd.attending, ['claim', 'attending'], 'attending', ['name', 'npi']);
		claim.attending = {
			name: r.str(att.name, ['claim', 'attending', 'name'], "the attending's name"),
			npi: r.str(att.npi, ['claim', 'attending', 'npi'], "the attending's NPI")
		};
	}

	const fields = claimFields(form, claim);
	const errors = readErrors(c, r, fields);
	checkClaim(c, form, claim, fields, errors);
	return {
		...base,
		type: 'claim-scrub',
		scenario: c.text.Scenario ?? '',
		form,
		claim,
		errors
	};
}

function readErrors(c: KindChecker, r: Reader, fields: ClaimField[]): ClaimError[] {
	const raw = r.list(c.data.errors, ['errors'], 'errors');
	if (!raw.length) c.fail(['errors'], 'errors must list at least one planted error');
	const out: ClaimError[] = [];
	raw.forEach((v, i) => {
		const at: Path = ['errors', i];
		const e = r.record(v, at, 'an error', ERROR_KEYS);
		const field = r.str(e.field, [...at, 'field'], 'field');
		const fix = r.str(e.fix, [...at, 'fix'], 'fix');
		const correct = r.str(e.correct, [...at, 'correct'], 'correct');
		const why = r.str(e.why, [...at, 'why'], 'why');
		const f = fields.find((x) => x.id === field);
		if (!f) {
			c.fail(
				[...at, 'field'],
				`field "${field}" is not on this claim (fields: ${fields.map((x) => x.id).join(', ')})`
			);
			return;
		}
		if (!FIXES[f.kind].some((x) => x.id === fix))
			c.fail(
				[...at, 'fix'],
				`fix "${fix}" is not one for a ${f.kind} field (use ${FIXES[f.kind].map((x) => x.id).join(', ')})`
			);
		if (out.some((x) => x.field === field))
			c.fail([...at, 'field'], `field "${field}" has two errors`);
		if (!correct) c.fail([...at, 'correct'], 'correct must say what the field should read');
		if (why.length < 20) c.fail([...at, 'why'], 'why must explain the error in a sentence');
		out.push({ field, fix, correct, why });
	});
	return out;
}

const POINTER = /^[A-L]{1,4}$/;

function checkClaim(
	c: KindChecker,
	form: ClaimForm,
	claim: Claim,
	fields: ClaimField[],
	errors: ClaimError[]
): void {
	const planted = (id: string) => errors.find((e) => e.field === id);
	const errAt = (id: string): Path => ['errors', errors.findIndex((e) => e.field === id)];
	const key: CodeKey = { icd10cm: [], procedures: [], icd10pcs: [] };

	// Diagnoses: valid and billable unless planted; a planted invalid one must really be invalid.
	claim.diagnoses.forEach((code, i) => {
		const id = dxFieldId(form, i);
		const at: Path = ['claim', 'diagnoses', i];
		const e = planted(id);
		const why = c.icdProblem(code);
		if (!e || e.fix === 'dx-side' || e.fix === 'dx-remove') {
			if (why) c.fail(at, e ? `${why} (a ${e.fix} error is a real code, just the wrong one)` : why);
			else key.icd10cm.push(code);
		} else if (e.fix === 'dx-specific') {
			const entry = c.codes.icd10cm(code, c.year);
			if (!entry || entry.billable)
				c.fail(
					at,
					`${code} is planted as a header (dx-specific) but is ${entry ? 'billable' : 'not a code at all (use dx-exists)'}`
				);
		} else if (e.fix === 'dx-exists') {
			if (c.codes.icd10cm(code, c.year))
				c.fail(at, `${code} is planted as not a code (dx-exists), but it exists in FY${c.year}`);
		}
		if (e && e.fix !== 'dx-remove') {
			const w = c.icdProblem(e.correct);
			if (w) c.fail([...errAt(id), 'correct'], w);
			else key.icd10cm.push(e.correct);
		}
	});
	const indId = form === 'cms1500' ? 'box21.ind' : 'fl66';
	if (claim.icdIndicator !== '0' && !planted(indId))
		c.fail(['claim', 'icdIndicator'], 'the ICD indicator for ICD-10-CM is 0');

	const lastDx = claim.diagnoses.length;
	claim.lines.forEach((l, i) => {
		const at: Path = ['claim', 'lines', i];
		const n = `line${i + 1}`;
		if (l.code) {
			const why = c.procedureProblem(l.code);
			if (why) c.fail([...at, 'code'], why);
			else key.procedures.push(l.code);
		}
		l.modifiers.forEach((m, j) => {
			const why = c.modifierProblem(m);
			if (why) c.fail([...at, 'modifiers', j], why);
		});
		const mod = planted(`${n}.modifiers`);
		if (mod) {
			if (mod.correct !== '(none)')
				for (const m of mod.correct.split(/\s+/)) {
					const why = c.modifierProblem(m);
					if (why) c.fail([...errAt(`${n}.modifiers`), 'correct'], why);
				}
			if (mod.fix === 'mod-side' && !l.modifiers.some((m) => m === 'RT' || m === 'LT'))
				c.fail([...at, 'modifiers'], 'a mod-side error needs RT or LT on the line');
		}
		const eDate = planted(`${n}.date`);
		const day = parseDate(l.date);
		const dob = parseDate(claim.patient.dob);
		if (!eDate && !planted('patient.dob') && day !== undefined && dob !== undefined && day < dob)
			c.fail([...at, 'date'], 'the date of service is before the birth date, and is not planted');
		if (eDate && parseDate(eDate.correct) === undefined)
			c.fail([...errAt(`${n}.date`), 'correct'], 'correct must be a date MM/DD/YYYY');
		if (form === 'cms1500') {
			const ptr = l.pointer ?? '';
			const pe = planted(`${n}.pointer`);
			if (!pe || pe.fix === 'ptr-supports') {
				if (!POINTER.test(ptr))
					c.fail([...at, 'pointer'], 'pointer must be one to four letters A-L');
				for (const ch of ptr)
					if (ch.charCodeAt(0) - 65 >= lastDx)
						c.fail([...at, 'pointer'], `pointer ${ch} names no diagnosis on the claim`);
			} else if (pe.fix === 'ptr-listed' && ![...ptr].some((ch) => ch.charCodeAt(0) - 65 >= lastDx))
				c.fail([...at, 'pointer'], 'a ptr-listed error must point to a letter with no diagnosis');
			if (!/^\d{2}$/.test(l.pos ?? '')) c.fail([...at, 'pos'], 'pos must be two digits');
			const pp = planted(`${n}.pos`);
			if (pp && pp.fix === `pos-${l.pos}`)
				c.fail(errAt(`${n}.pos`), 'the fix names the place of service the line already has');
			checkNpi(c, l.npi ?? '', [...at, 'npi'], planted(`${n}.npi`));
		} else if (!/^\d{4}$/.test(l.revenue ?? '')) {
			c.fail([...at, 'revenue'], 'revenue must be a four-digit revenue code, e.g. 0450');
		} else if (claim.statement && !eDate) {
			const from = parseDate(claim.statement.from);
			const through = parseDate(claim.statement.through);
			if (day !== undefined && from !== undefined && through !== undefined && !planted('fl6'))
				if (day < from || day > through)
					c.fail(
						[...at, 'date'],
						'the service date is outside the statement period, and is not planted'
					);
		}
	});
	checkNpi(
		c,
		claim.billing.npi,
		['claim', 'billing', 'npi'],
		planted(form === 'cms1500' ? 'box33a' : 'fl56')
	);
	if (claim.attending)
		checkNpi(c, claim.attending.npi, ['claim', 'attending', 'npi'], planted('fl76'));
	if (form === 'cms1500' && !/^\d{2}-\d{7}$/.test(claim.taxId ?? '') && !planted('box25'))
		c.fail(['claim', 'taxId'], 'taxId must be an EIN written 12-3456789');
	if (form === 'ub04' && !/^0\d{3}$/.test(claim.typeOfBill ?? ''))
		c.fail(['claim', 'typeOfBill'], 'typeOfBill must be four digits with a leading 0, e.g. 0131');
	const tob = planted('fl4');
	if (tob && tob.fix === `tob-${claim.typeOfBill}`)
		c.fail(errAt('fl4'), 'the fix names the type of bill the claim already has');
	if (claim.statement) {
		const from = parseDate(claim.statement.from);
		const through = parseDate(claim.statement.through);
		if (from !== undefined && through !== undefined && from > through && !planted('fl6'))
			c.fail(['claim', 'statement'], 'the statement period ends before it starts');
	}
	c.checkSystems(key, ['systems']);
}

function checkNpi(c: KindChecker, npi: string, at: Path, e: ClaimError | undefined): void {
	if (e?.fix === 'npi-check') {
		if (!/^\d{10}$/.test(npi) || npiValid(npi))
			c.fail(
				at,
				`NPI ${npi} is planted as failing the check digit, but ${npiValid(npi) ? 'it passes' : 'it is not ten digits'}`
			);
	} else if (!npiValid(npi)) {
		c.fail(at, `NPI ${npi} fails the check digit (Luhn with the 80840 prefix) and is not planted`);
	}
	if (e && !npiValid(e.correct)) c.fail(at, `the corrected NPI ${e.correct} fails the check digit`);
}
