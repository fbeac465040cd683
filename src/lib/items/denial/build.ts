/** Reads a denial item's front matter (`remit`, `cause`, `action`); every problem goes to `c`. */
import type { BaseFields, KindChecker } from '../kind.ts';
import { parseMoney } from './money.ts';
import {
	ACTIONS,
	CAUSES,
	GROUPS,
	type Action,
	type Cause,
	type DenialItem,
	type Group,
	type Remit,
	type RemitLine
} from './types.ts';

const REMIT_FIELDS = [
	'payer',
	'claim',
	'account',
	'dos',
	'received',
	'processed',
	'icd10cm',
	'lines',
	'overpaid'
];
const LINE_FIELDS = ['code', 'billed', 'allowed', 'paid', 'group', 'carc', 'rarc', 'reason'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A claim adjustment reason code is a number (`97`) or a letter and a number (`B7`). */
const CARC = /^(?:[1-9]\d{0,2}|[A-Z][1-9]\d?)$/;
/** A remark code: `N130`, `M15`, `MA130`. */
const RARC = /^(?:N|M|MA)[1-9]\d{0,3}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
	const m = ISO_DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === text;
}

function unknownKeys(
	c: KindChecker,
	v: Record<string, unknown>,
	allowed: string[],
	path: (string | number)[]
): void {
	for (const k of Object.keys(v))
		if (!allowed.includes(k))
			c.fail([...path, k], `unknown field "${k}" (use ${allowed.join(', ')})`);
}

/** A scalar as written (YAML reads a claim number `00412` as 412), or undefined if not a scalar. */
function scalar(c: KindChecker, v: unknown, path: (string | number)[]): string | undefined {
	if (typeof v === 'string') return v.trim();
	if (typeof v === 'number') return (c.sourceOf(path) ?? String(v)).trim();
	return undefined;
}

function text(c: KindChecker, v: unknown, path: (string | number)[], what: string): string {
	const s = scalar(c, v, path);
	if (!s) c.fail(path, `${what} is required`);
	return s ?? '';
}

function date(c: KindChecker, v: unknown, path: (string | number)[], what: string): string {
	const s = scalar(c, v, path) ?? '';
	if (isIsoDate(s)) return s;
	c.fail(path, `${what} must be a date written YYYY-MM-DD`);
	// Blank, so that no order check compares a date that is not one.
	return '';
}

function money(c: KindChecker, v: unknown, path: (string | number)[]): number {
	const cents = typeof v === 'string' ? parseMoney(v) : undefined;
	if (cents === undefined)
		c.fail(path, `"${String(v ?? '')}" is not an amount written like "$1,234.50"`);
	return cents ?? 0;
}

function line(c: KindChecker, v: unknown, path: (string | number)[], overpaid: boolean): RemitLine {
	const out: RemitLine = { code: '', billed: 0, allowed: 0, paid: 0 };
	if (!isRecord(v)) {
		c.fail(path, 'a remit line needs code, billed, allowed and paid');
		return out;
	}
	unknownKeys(c, v, LINE_FIELDS, path);
	out.code = text(c, v.code, [...path, 'code'], 'the procedure code');
	if (out.code) {
		const why = c.procedureProblem(out.code);
		if (why) c.fail([...path, 'code'], why);
	}
	out.billed = money(c, v.billed, [...path, 'billed']);
	out.allowed = money(c, v.allowed, [...path, 'allowed']);
	out.paid = money(c, v.paid, [...path, 'paid']);
	if (out.paid > out.billed && !overpaid)
		c.fail(
			[...path, 'paid'],
			'paid is more than billed; set `overpaid: true` on the remit if the item is about an overpayment'
		);
	if (out.allowed > out.billed && !overpaid)
		c.fail([...path, 'allowed'], 'allowed is more than billed');
	if (v.group !== undefined) {
		if (!GROUPS.includes(v.group as Group))
			c.fail([...path, 'group'], `group must be one of ${GROUPS.join(', ')}`);
		else out.group = v.group as Group;
	}
	if (v.carc !== undefined) {
		const s = scalar(c, v.carc, [...path, 'carc']) ?? '';
		if (!CARC.test(s)) c.fail([...path, 'carc'], `"${s}" is not a claim adjustment reason code`);
		else out.carc = s;
	}
	if (v.rarc !== undefined) {
		const s = scalar(c, v.rarc, [...path, 'rarc']) ?? '';
		if (!RARC.test(s)) c.fail([...path, 'rarc'], `"${s}" is not a remark code (e.g. N130)`);
		else out.rarc = s;
	}
	if (v.reason !== undefined) {
		if (typeof v.reason !== 'string' || !v.reason.trim())
			c.fail([...path, 'reason'], 'reason must be a sentence in our own words');
		else out.reason = v.reason.trim();
	}
	if ((out.reason || out.carc) && !out.group)
		c.fail(path, 'an adjusted line needs its group code (CO, PR, OA or PI)');
	if (out.group && !out.reason) c.fail(path, 'an adjusted line needs its reason in our own words');
	return out;
}

function remit(c: KindChecker, v: unknown): Remit {
	const path = ['remit'];
	const out: Remit = {
		payer: '',
		claim: '',
		account: '',
		dos: '',
		icd10cm: [],
		lines: [],
		overpaid: false
	};
	if (!isRecord(v)) {
		c.fail(path, 'remit must be a mapping with payer, claim, account, dos and lines');
		return out;
	}
	unknownKeys(c, v, REMIT_FIELDS, path);
	if (v.overpaid !== undefined && typeof v.overpaid !== 'boolean')
		c.fail([...path, 'overpaid'], 'overpaid must be true or false');
	out.overpaid = v.overpaid === true;
	out.payer = text(c, v.payer, [...path, 'payer'], 'the payer');
	out.claim = text(c, v.claim, [...path, 'claim'], 'the claim number');
	out.account = text(c, v.account, [...path, 'account'], 'the patient account');
	out.dos = date(c, v.dos, [...path, 'dos'], 'dos (the date of service)');
	if (v.received !== undefined)
		out.received = date(c, v.received, [...path, 'received'], 'received');
	if (v.processed !== undefined)
		out.processed = date(c, v.processed, [...path, 'processed'], 'processed');
	// ISO dates compare as strings.
	if (out.received && out.dos && out.received < out.dos)
		c.fail([...path, 'received'], 'the claim was received before the date of service');
	if (out.processed && out.received && out.processed < out.received)
		c.fail([...path, 'processed'], 'the remittance is dated before the claim was received');
	if (v.icd10cm !== undefined) {
		if (!Array.isArray(v.icd10cm) || !v.icd10cm.every((x) => typeof x === 'string'))
			c.fail([...path, 'icd10cm'], 'icd10cm must be a list of dotted codes');
		else
			v.icd10cm.forEach((code: string, i: number) => {
				const why = c.icdProblem(code.trim());
				if (why) c.fail([...path, 'icd10cm', i], why);
				out.icd10cm.push(code.trim());
			});
	}
	if (!Array.isArray(v.lines) || v.lines.length === 0) {
		c.fail([...path, 'lines'], 'lines must list at least one service line');
	} else {
		out.lines = v.lines.map((l: unknown, i: number) =>
			line(c, l, [...path, 'lines', i], out.overpaid)
		);
		if (!out.lines.some((l) => l.group && l.reason))
			c.fail([...path, 'lines'], 'at least one line must be adjusted (group and reason)');
	}
	c.checkSystems(
		{
			icd10cm: out.icd10cm,
			procedures: out.lines.map((l) => l.code).filter(Boolean),
			icd10pcs: []
		},
		['systems']
	);
	return out;
}

function oneOf<T extends string>(
	c: KindChecker,
	key: string,
	allowed: readonly T[]
): T | undefined {
	const v = c.data[key];
	if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
	c.fail([key], `${key} must be one of ${allowed.join(', ')}`);
	return undefined;
}

export function buildDenial(c: KindChecker, base: BaseFields): DenialItem {
	const r = remit(c, c.data.remit);
	const cause = oneOf<Cause>(c, 'cause', CAUSES);
	const action = oneOf<Action>(c, 'action', ACTIONS);
	return {
		...base,
		type: 'denial',
		scenario: c.text.Scenario ?? '',
		remit: r,
		cause: cause ?? CAUSES[0],
		action: action ?? ACTIONS[0]
	};
}
