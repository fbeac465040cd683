/**
 * Reads a payment-posting item's front matter, checks that its EOB adds up, and builds the item
 * with its key computed from the data. Every problem goes to the checker with its line.
 */
import type { BaseFields, KindChecker } from '../kind.ts';
import { computeKey, inAllowed, ledger, lineLedger } from './ledger.ts';
import { formatMoney, parseMoney } from '../money.ts';
import {
	FIELDS,
	HIDEABLE,
	LINE_FIELDS,
	SHARES,
	type Column,
	type Field,
	type PaymentPostingItem,
	type PostField,
	type PostingLine,
	type Secondary,
	type Share
} from './types.ts';

export const POSTING_FIELDS = ['payer', 'remit', 'eob', 'hide', 'prior', 'secondary', 'post'];
export const POSTING_SECTIONS = ['Scenario', 'Rationale'];

const LINE_KEYS = [
	'service',
	'date',
	'billed',
	'allowed',
	...SHARES,
	'paid',
	'note',
	'overpaid'
] as const;
const RULE_KEYS: Record<Secondary['rule'], string[]> = {
	covers: ['covers'],
	'allowed-less-primary': ['allowed'],
	cob: ['allowed', 'percent', 'deductible'],
	stated: ['paid']
};
const RULES = Object.keys(RULE_KEYS) as Secondary['rule'][];
type Path = (string | number)[];

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads one money amount of the front matter (as written: YAML reads `80.10` as 80.1). */
function money(c: KindChecker, value: unknown, path: Path, fallback?: number): number {
	if (value === undefined || value === null) {
		if (fallback !== undefined) return fallback;
		c.fail(path, `${String(path[path.length - 1])} is required (an amount such as $80.00)`);
		return 0;
	}
	const text = typeof value === 'string' ? value : c.sourceOf(path);
	const cents =
		typeof value === 'string' || typeof value === 'number'
			? parseMoney(text ?? String(value))
			: undefined;
	if (cents === undefined) {
		c.fail(
			path,
			`${String(path[path.length - 1])} must be an amount in dollars and cents such as $80.00, not ${JSON.stringify(text ?? value)}`
		);
		return 0;
	}
	return cents;
}

function text(c: KindChecker, value: unknown, path: Path, required: boolean): string {
	if (value === undefined && !required) return '';
	const s = typeof value === 'string' || typeof value === 'number' ? c.sourceOf(path) : undefined;
	const out = (typeof value === 'string' ? value : (s ?? '')).trim();
	if (!out && (required || value !== undefined))
		c.fail(path, `${String(path[path.length - 1])} must be some text`);
	return out;
}

/** Codes written in the EOB's own text must exist, as in the item's sections. */
function checkCodes(c: KindChecker, s: string, path: Path): void {
	for (const m of s.matchAll(/\b[A-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}\b/g)) {
		const why = c.icdProblem(m[0]);
		if (why && !why.includes('header')) c.fail(path, why);
	}
	for (const m of s.matchAll(/\b[A-CE-V]\d{4}\b/g)) {
		if (!c.codes.hcpcs(m[0])) c.fail(path, `HCPCS Level II code ${m[0]} does not exist`);
	}
}

function readLine(c: KindChecker, v: unknown, i: number): PostingLine | undefined {
	const path: Path = ['eob', i];
	if (!isRecord(v)) {
		c.fail(path, 'each EOB line must be a mapping with service, billed, allowed, paid...');
		return undefined;
	}
	for (const k of Object.keys(v)) {
		if (!(LINE_KEYS as readonly string[]).includes(k))
			c.fail(
				[...path, k],
				/^\d/.test(k)
					? `"${k}" reads as a field: inside { } an amount with a comma must be quoted ('$1,400.00')`
					: `unknown field "${k}" in an EOB line (use ${LINE_KEYS.join(', ')})`
			);
	}
	const line: PostingLine = {
		service: text(c, v.service, [...path, 'service'], true),
		date: text(c, v.date, [...path, 'date'], false),
		billed: money(c, v.billed, [...path, 'billed']),
		allowed: money(c, v.allowed, [...path, 'allowed']),
		deductible: money(c, v.deductible, [...path, 'deductible'], 0),
		coinsurance: money(c, v.coinsurance, [...path, 'coinsurance'], 0),
		copay: money(c, v.copay, [...path, 'copay'], 0),
		other: money(c, v.other, [...path, 'other'], 0),
		noncovered: money(c, v.noncovered, [...path, 'noncovered'], 0),
		paid: money(c, v.paid, [...path, 'paid']),
		note: text(c, v.note, [...path, 'note'], false),
		overpaid: v.overpaid === true
	};
	if (v.overpaid !== undefined && typeof v.overpaid !== 'boolean')
		c.fail([...path, 'overpaid'], 'overpaid must be true or false');
	checkCodes(c, line.service, [...path, 'service']);
	checkCodes(c, line.note, [...path, 'note']);
	return line;
}

/** The EOB must add up, so that no item ships a key built on wrong arithmetic. */
function checkLine(c: KindChecker, l: PostingLine, i: number): void {
	const path: Path = ['eob', i];
	const n = `line ${i + 1}`;
	const m = formatMoney;
	if (l.allowed + l.noncovered > l.billed) {
		c.fail(
			[...path, 'allowed'],
			l.noncovered
				? `${n}: allowed ${m(l.allowed)} + noncovered ${m(l.noncovered)} is more than billed ${m(l.billed)}`
				: `${n}: allowed ${m(l.allowed)} is more than billed ${m(l.billed)}`
		);
		return;
	}
	const led = lineLedger(l);
	if (inAllowed(l) > l.allowed) {
		c.fail(
			[...path, 'allowed'],
			`${n}: deductible + coinsurance + copay + other = ${m(inAllowed(l))}, more than allowed ${m(l.allowed)}`
		);
		return;
	}
	const sum = `allowed ${m(l.allowed)} - deductible ${m(l.deductible)} - coinsurance ${m(l.coinsurance)} - copay ${m(l.copay)}${l.other ? ` - other ${m(l.other)}` : ''} = ${m(led.due)}`;
	if (l.overpaid && l.paid <= led.due) {
		c.fail(
			[...path, 'overpaid'],
			`${n} is marked overpaid, but paid ${m(l.paid)} is not more than ${sum}`
		);
	} else if (!l.overpaid && l.paid !== led.due) {
		c.fail(
			[...path, 'paid'],
			`${n} does not add up: ${sum}, but paid is ${m(l.paid)}${l.paid > led.due ? ' (if the payer overpaid, say overpaid: true)' : ''}`
		);
	}
}

function readSecondary(c: KindChecker, v: unknown): Secondary | undefined {
	if (v === undefined) return undefined;
	const path: Path = ['secondary'];
	if (!isRecord(v)) {
		c.fail(path, 'secondary must be a mapping with payer and rule');
		return undefined;
	}
	const rule = v.rule as Secondary['rule'];
	if (!RULES.includes(rule)) {
		c.fail([...path, 'rule'], `rule must be one of ${RULES.join(', ')}`);
		return undefined;
	}
	const allowedKeys = ['payer', 'rule', 'writeoff', ...RULE_KEYS[rule]];
	for (const k of Object.keys(v)) {
		if (!allowedKeys.includes(k))
			c.fail(
				[...path, k],
				`"${k}" does not belong to a "${rule}" secondary (use ${allowedKeys.join(', ')})`
			);
	}
	if (v.writeoff !== undefined && typeof v.writeoff !== 'boolean')
		c.fail([...path, 'writeoff'], 'writeoff must be true or false');
	const base = {
		payer: text(c, v.payer, [...path, 'payer'], true),
		writeoff: v.writeoff === true
	};
	if (rule === 'covers') {
		const covers = Array.isArray(v.covers) ? v.covers : [];
		if (!covers.length || !covers.every((s) => (SHARES as readonly unknown[]).includes(s)))
			c.fail([...path, 'covers'], `covers must list some of ${SHARES.join(', ')}`);
		else if (new Set(covers).size !== covers.length)
			c.fail([...path, 'covers'], 'covers lists a share twice');
		return { ...base, rule, covers: covers as Share[] };
	}
	if (rule === 'stated') return { ...base, rule, paid: money(c, v.paid, [...path, 'paid']) };
	const allowed = money(c, v.allowed, [...path, 'allowed']);
	if (rule === 'allowed-less-primary') return { ...base, rule, allowed };
	const percent = v.percent;
	if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 1 || percent > 100)
		c.fail([...path, 'percent'], 'percent must be a whole number from 1 to 100');
	return {
		...base,
		rule,
		allowed,
		percent: typeof percent === 'number' && Number.isInteger(percent) ? percent : 0,
		deductible: money(c, v.deductible, [...path, 'deductible'], 0)
	};
}

function readFields(c: KindChecker, v: unknown, path: Path, allowed: readonly Field[]): Field[] {
	if (v === undefined) return [];
	if (!Array.isArray(v)) {
		c.fail(path, `must be a list of ${allowed.join(', ')}`);
		return [];
	}
	const out: Field[] = [];
	v.forEach((f: unknown, i) => {
		if (!(allowed as readonly unknown[]).includes(f))
			c.fail([...path, i], `"${String(f)}" is not one of ${allowed.join(', ')}`);
		else if (out.includes(f as Field)) c.fail([...path, i], `"${String(f)}" is listed twice`);
		else out.push(f as Field);
	});
	return out;
}

/** `post: [balance]` (claim totals) or `post: { lines: [adjustment], claim: [balance] }`. */
function readPost(
	c: KindChecker,
	v: unknown,
	lineCount: number,
	hasSecondary: boolean
): PostField[] {
	let lineFields: Field[] = [];
	let claimFields: Field[] = [];
	if (Array.isArray(v)) claimFields = readFields(c, v, ['post'], FIELDS);
	else if (isRecord(v)) {
		for (const k of Object.keys(v)) {
			if (k !== 'lines' && k !== 'claim')
				c.fail(['post', k], `unknown field "${k}" in post (use lines, claim)`);
		}
		lineFields = readFields(c, v.lines, ['post', 'lines'], LINE_FIELDS);
		claimFields = readFields(c, v.claim, ['post', 'claim'], FIELDS);
	} else {
		c.fail(['post'], 'post must list the amounts to post, e.g. [adjustment, balance]');
		return [];
	}
	if (!lineFields.length && !claimFields.length) c.fail(['post'], 'post lists no amounts');
	for (const f of ['secondary', 'writeoff'] as const) {
		if (claimFields.includes(f) && !hasSecondary)
			c.fail(['post'], `post asks for ${f}, but the item has no secondary payer`);
	}
	const out: PostField[] = [];
	for (let line = 1; line <= lineCount; line++)
		for (const field of lineFields) out.push({ id: `line${line}.${field}`, field, line });
	for (const field of claimFields) out.push({ id: field, field });
	return out;
}

export function buildPosting(c: KindChecker, base: BaseFields): PaymentPostingItem {
	const d = c.data;
	const payer = text(c, d.payer, ['payer'], true);
	const remit = d.remit === undefined ? 'EOB' : d.remit;
	if (remit !== 'EOB' && remit !== 'ERA') c.fail(['remit'], 'remit must be EOB or ERA');

	const lines: PostingLine[] = [];
	if (!Array.isArray(d.eob) || d.eob.length === 0)
		c.fail(['eob'], 'eob must list at least one service line');
	else
		d.eob.forEach((v: unknown, i) => {
			const l = readLine(c, v, i);
			if (l) {
				checkLine(c, l, i);
				lines.push(l);
			}
		});

	const hidden: Column[] = [];
	if (d.hide !== undefined) {
		if (!Array.isArray(d.hide))
			c.fail(['hide'], `hide must list EOB columns: ${HIDEABLE.join(', ')}`);
		else
			d.hide.forEach((h: unknown, i) => {
				if (!(HIDEABLE as readonly unknown[]).includes(h))
					c.fail(
						['hide', i],
						`"${String(h)}" is not a column that can be hidden (${HIDEABLE.join(', ')})`
					);
				else hidden.push(h as Column);
			});
	}

	const prior = money(c, d.prior, ['prior'], 0);
	const secondary = readSecondary(c, d.secondary);
	if (secondary && lines.some((l) => l.overpaid))
		c.fail(
			['secondary'],
			'an item with an overpaid line cannot have a secondary payer (keep each lesson to one thing)'
		);
	const post = readPost(c, d.post, lines.length, d.secondary !== undefined);
	const data = { lines, prior, secondary };
	const led = ledger(data);
	if (
		secondary?.rule === 'stated' &&
		led.secondaryOverpayment &&
		!post.some((f) => f.field === 'payer-refund')
	)
		c.fail(
			['secondary', 'paid'],
			`the secondary paid ${formatMoney(led.secondaryOverpayment)} more than the patient responsibility: post payer-refund`
		);
	return {
		...base,
		type: 'payment-posting',
		scenario: c.text.Scenario ?? '',
		remit: remit === 'ERA' ? 'ERA' : 'EOB',
		payer,
		lines,
		hidden,
		prior,
		...(secondary ? { secondary } : {}),
		post,
		key: computeKey(data, post)
	};
}
