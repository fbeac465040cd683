import type { ItemBase } from '../../content/types.ts';

/** Why a claim line was denied: the eight root causes a learner chooses from. */
export const CAUSES = [
	'missing-information',
	'not-covered',
	'bundled',
	'timely-filing',
	'medical-necessity',
	'duplicate',
	'eligibility',
	'prior-authorization'
] as const;
export type Cause = (typeof CAUSES)[number];

/**
 * What the biller does next: the five corrective actions, and a sixth, `no-action`, for a true
 * duplicate (the original claim stands: resubmitting, appealing or adjusting would all be wrong).
 */
export const ACTIONS = [
	'correct-resubmit',
	'appeal',
	'write-off',
	'bill-patient',
	'request-authorization',
	'no-action'
] as const;
export type Action = (typeof ACTIONS)[number];

/** Claim adjustment group codes: contractual, patient responsibility, other, payer-initiated. */
export const GROUPS = ['CO', 'PR', 'OA', 'PI'] as const;
export type Group = (typeof GROUPS)[number];

/** One service line of the remittance. Money is integer cents. */
export interface RemitLine {
	/** The procedure line as written: `99213-25`, `J1100 x4`. */
	code: string;
	billed: number;
	allowed: number;
	paid: number;
	/** The adjustment, on a line the payer adjusted or denied. */
	group?: Group;
	/** The standard claim adjustment reason code number, only where the author is certain of it. */
	carc?: string;
	/** A remark code, likewise. */
	rarc?: string;
	/** The reason in our own words (never the X12 wording). */
	reason?: string;
}

/** A remittance (ERA/EOB) for one claim, as the biller sees it. */
export interface Remit {
	payer: string;
	claim: string;
	account: string;
	/** Date of service, ISO `YYYY-MM-DD`. */
	dos: string;
	/** When the payer received the claim, where it matters (ISO). */
	received?: string;
	/** When the remittance was issued (ISO). */
	processed?: string;
	/** Diagnosis codes on the claim (dotted ICD-10-CM), first-listed first. */
	icd10cm: string[];
	lines: RemitLine[];
	/** Whether the item is about an overpayment (a line may then pay more than billed). */
	overpaid: boolean;
}

export interface DenialItem extends ItemBase {
	type: 'denial';
	/** The account notes and documentation on file, and the question. */
	scenario: string;
	remit: Remit;
	cause: Cause;
	action: Action;
}

/** The learner's picks; a missing one is not chosen yet. */
export interface DenialPick {
	cause?: Cause;
	action?: Action;
}

/** The response every mode stores: one top-level key naming the kind. */
export interface DenialResponse {
	denial: DenialPick;
}
