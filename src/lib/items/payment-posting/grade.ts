/**
 * Grading a posting: each amount the item asks for is worth the same; an amount is right when
 * what the learner typed reads as exactly the key's cents. Text that is not an amount (letters,
 * three decimals, a minus sign) is simply wrong, never an error.
 */
import type { Grade } from '../kind.ts';
import { FIELD_LABELS } from './ledger.ts';
import { formatMoney, parseMoney } from '../money.ts';
import type { PaymentPostingItem, PaymentPostingResponse, PostField } from './types.ts';

/** How each field is named in a one-line key or response. */
const SHORT: Record<PostField['field'], string> = {
	adjustment: 'adjustment',
	responsibility: 'patient resp.',
	paid: 'paid',
	secondary: 'secondary',
	writeoff: 'write-off',
	balance: 'balance',
	'patient-refund': 'patient refund',
	'payer-refund': 'payer refund'
};

/** A field's result: what was typed, what it reads as, and the key. */
export interface FieldResult {
	field: PostField;
	typed: string;
	/** The typed text in cents, or undefined if it is blank or not an amount. */
	given: number | undefined;
	expected: number;
	correct: boolean;
}

export function fieldResults(item: PaymentPostingItem, r: PaymentPostingResponse): FieldResult[] {
	return item.post.map((field) => {
		const typed = r.posting[field.id] ?? '';
		const given = parseMoney(typed);
		const expected = item.key[field.id] ?? 0;
		return { field, typed, given, expected, correct: given === expected };
	});
}

export function gradePosting(item: PaymentPostingItem, r: PaymentPostingResponse): Grade {
	const results = fieldResults(item, r);
	const earned = results.filter((x) => x.correct).length;
	const possible = results.length;
	return {
		score: possible ? earned / possible : 0,
		correct: possible > 0 && earned === possible,
		earned,
		possible
	};
}

export function emptyPosting(item: PaymentPostingItem): PaymentPostingResponse {
	return { posting: Object.fromEntries(item.post.map((f) => [f.id, ''])) };
}

/** A field id as the front matter makes them: `balance`, `line2.adjustment`. */
const FIELD_ID = /^(?:line[1-9]\d{0,2}\.)?[a-z]+(?:-[a-z]+)*$/;
/** Longer than any amount a learner could mean. */
const MAX_TYPED = 40;

/**
 * A stored value read back as a posting, or undefined. Only `{ posting: { id: text } }` with
 * field-id keys and short strings is one; the item's fields need not all be there (a field a
 * later edit added reads as blank).
 */
export function readPosting(stored: unknown): PaymentPostingResponse | undefined {
	if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
	const keys = Object.keys(stored);
	if (keys.length !== 1 || keys[0] !== 'posting') return undefined;
	const posting: unknown = (stored as { posting: unknown }).posting;
	if (typeof posting !== 'object' || posting === null || Array.isArray(posting)) return undefined;
	if (Object.getPrototypeOf(posting) !== Object.prototype) return undefined;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(posting)) {
		if (!FIELD_ID.test(k) || typeof v !== 'string' || v.length > MAX_TYPED) return undefined;
		out[k] = v;
	}
	return { posting: out };
}

export function answeredPosting(item: PaymentPostingItem, r: PaymentPostingResponse): boolean {
	return item.post.some((f) => (r.posting[f.id] ?? '').trim() !== '');
}

function short(f: PostField): string {
	return f.line === undefined ? SHORT[f.field] : `line ${f.line} ${SHORT[f.field]}`;
}

/** `adjustment $57.60; patient resp. $18.48; balance $0.00`. */
export function keyLine(item: PaymentPostingItem): string {
	return item.post.map((f) => `${short(f)} ${formatMoney(item.key[f.id] ?? 0)}`).join('; ');
}

/** The response in one line: each typed amount (as typed when it is not one); an em dash when blank. */
export function responseLine(item: PaymentPostingItem, r: PaymentPostingResponse): string {
	if (!answeredPosting(item, r)) return '—';
	return fieldResults(item, r)
		.map((x) => {
			const shown =
				x.given !== undefined ? formatMoney(x.given) : x.typed.trim() ? `"${x.typed.trim()}"` : '—';
			return `${short(x.field)} ${shown}`;
		})
		.join('; ');
}

export function verdictLine(item: PaymentPostingItem, r: PaymentPostingResponse, g: Grade): string {
	const n = item.post.length;
	if (g.correct)
		return n === 1 ? 'Posted right to the cent.' : `All ${n} amounts posted right to the cent.`;
	const wrong = fieldResults(item, r).filter((x) => !x.correct);
	const names = wrong.map((x) => lowerLabel(x.field)).join(', ');
	return `${g.earned ?? 0} of ${n} amounts right; check ${names}.`;
}

function lowerLabel(f: PostField): string {
	const label = FIELD_LABELS[f.field].toLowerCase();
	return f.line === undefined ? label : `line ${f.line} ${label}`;
}
