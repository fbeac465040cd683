/**
 * A payment-posting item: an EOB (or ERA) for one claim, optionally a secondary payer and what
 * the patient paid before, and the amounts the learner posts. Every amount is integer cents.
 */
import type { ItemBase } from '../../content/types.ts';

/** The patient's shares within the allowed amount, as an EOB lists them. */
export const IN_ALLOWED = ['deductible', 'coinsurance', 'copay', 'other'] as const;
/**
 * Everything an EOB assigns to the patient: the shares within the allowed amount, and a charge
 * the payer does not cover but the patient must pay (`noncovered`: a service under a signed
 * Advance Beneficiary Notice, or after coverage ended), which is outside the allowed amount.
 */
export const SHARES = [...IN_ALLOWED, 'noncovered'] as const;
export type Share = (typeof SHARES)[number];

/** The EOB columns an author may hide (the learner works them out from the scenario). */
export const HIDEABLE = ['allowed', 'deductible', 'coinsurance', 'copay', 'paid'] as const;
export type Column = (typeof HIDEABLE)[number];

/** One service line of the primary payer's EOB. */
export interface PostingLine {
	/** How the line reads: the service in words, e.g. `Office visit, established (99213)`. */
	service: string;
	/** The date of service as the EOB shows it (free text, e.g. `03/04/2027`). */
	date: string;
	billed: number;
	allowed: number;
	deductible: number;
	coinsurance: number;
	copay: number;
	/** Other patient responsibility within the allowed amount. */
	other: number;
	/** A charge not covered that the patient must pay, outside the allowed amount (no contractual adjustment). */
	noncovered: number;
	paid: number;
	/** The payer's remark on the line, in plain words (a denial reason, for instance). */
	note: string;
	/** The payer paid more than the allowed amount less the patient's shares (the excess is refunded). */
	overpaid: boolean;
}

/** How the secondary payer's payment follows from the primary's EOB (stated in the scenario). */
export type SecondaryRule =
	/** Pays the listed shares of the primary's patient responsibility in full (a Medigap-style plan). */
	| { rule: 'covers'; covers: Share[] }
	/** Pays its own allowed amount less what the primary paid, up to the patient responsibility. */
	| { rule: 'allowed-less-primary'; allowed: number }
	/** Pays its normal benefit (percent of its allowed after its deductible), up to the patient responsibility. */
	| { rule: 'cob'; allowed: number; percent: number; deductible: number }
	/** Its EOB states what it paid. */
	| { rule: 'stated'; paid: number };

export type Secondary = SecondaryRule & {
	payer: string;
	/** What the secondary leaves unpaid is written off: the patient may not be billed for it (Medicaid). */
	writeoff: boolean;
};

/** The amounts a learner can be asked to post. */
export const FIELDS = [
	'adjustment',
	'responsibility',
	'paid',
	'secondary',
	'writeoff',
	'balance',
	'patient-refund',
	'payer-refund'
] as const;
export type Field = (typeof FIELDS)[number];

/** The fields that can be posted per service line (the rest are for the whole claim). */
export const LINE_FIELDS = ['adjustment', 'responsibility', 'paid'] as const satisfies Field[];
export type LineField = (typeof LINE_FIELDS)[number];

/**
 * One amount to post: `balance` for the claim, `line2.adjustment` for the second line. The id is
 * the key of the learner's response.
 */
export interface PostField {
	id: string;
	field: Field;
	/** 1-based service line, or undefined for a claim total. */
	line?: number;
}

/** The key: each post field's id and its amount in cents, in the order the learner fills them. */
export type PostingKey = Record<string, number>;

export interface PaymentPostingItem extends ItemBase {
	type: 'payment-posting';
	scenario: string;
	/** What the remittance is called on screen: a paper EOB or an electronic ERA (835). */
	remit: 'EOB' | 'ERA';
	/** The primary payer's name. */
	payer: string;
	lines: PostingLine[];
	/** EOB columns shown as blank, to be worked out. */
	hidden: Column[];
	/** What the patient paid the provider before this remittance (a copay at the visit), cents. */
	prior: number;
	secondary?: Secondary;
	/** The amounts to post, in order. */
	post: PostField[];
	/** The key, computed from the data when the item is built (never typed by the author). */
	key: PostingKey;
}

/** What the learner typed in each field, as text: `{ posting: { balance: '16.00' } }`. */
export interface PaymentPostingResponse {
	posting: Record<string, string>;
}
