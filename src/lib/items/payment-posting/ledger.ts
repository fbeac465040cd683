/**
 * The arithmetic of posting a remittance, in integer cents: what each line and the claim come to,
 * what the secondary payer pays, what the patient owes or is owed. The key of every item is
 * computed here from its EOB data, so no author types a key amount, and the component explains
 * each amount with the same numbers.
 */
import { formatMoney, percentOf, sum } from '../money.ts';
import {
	IN_ALLOWED,
	SHARES,
	type Field,
	type PaymentPostingItem,
	type PostField,
	type PostingKey,
	type PostingLine,
	type Share
} from './types.ts';

/** What the ledger needs of an item. */
export type PostingData = Pick<PaymentPostingItem, 'lines' | 'prior' | 'secondary'>;

export interface LineLedger {
	/** Billed less allowed (and less a non-covered charge the patient owes): the provider's write-off. */
	adjustment: number;
	/** Deductible + coinsurance + copay + other + non-covered. */
	responsibility: number;
	/** What the payer should have paid: allowed less the patient's responsibility. */
	due: number;
	/** What it did pay beyond that (an overpaid line), else 0. */
	overpayment: number;
}

export interface Ledger {
	lines: LineLedger[];
	billed: number;
	allowed: number;
	adjustment: number;
	shares: Record<Share, number>;
	responsibility: number;
	/** What the primary paid, as the EOB says. */
	paid: number;
	/** The primary's payment beyond what it owed. */
	primaryOverpayment: number;
	/** What the secondary's payment would be by its rule, before the patient responsibility cap. */
	secondaryBenefit: number;
	/** The secondary's payment applied to the patient's responsibility. */
	secondary: number;
	/** What the secondary paid beyond the patient's responsibility (a stated overpayment). */
	secondaryOverpayment: number;
	/** What the secondary leaves unpaid and the provider may not bill the patient for. */
	writeoff: number;
	/** What the patient owes after the payers, before what they paid already. */
	owes: number;
	prior: number;
	balance: number;
	patientRefund: number;
	payerRefund: number;
}

/** The patient's shares within the allowed amount. */
export function inAllowed(l: PostingLine): number {
	return sum(IN_ALLOWED.map((s) => l[s]));
}

export function lineLedger(l: PostingLine): LineLedger {
	const within = inAllowed(l);
	const responsibility = within + l.noncovered;
	const due = l.allowed - within;
	return {
		adjustment: l.billed - l.allowed - l.noncovered,
		responsibility,
		due,
		overpayment: Math.max(0, l.paid - due)
	};
}

/** The whole claim's ledger. */
export function ledger(d: PostingData): Ledger {
	const lines = d.lines.map(lineLedger);
	const shares = Object.fromEntries(
		SHARES.map((s) => [s, sum(d.lines.map((l) => l[s]))])
	) as Record<Share, number>;
	const responsibility = sum(lines.map((l) => l.responsibility));
	const paid = sum(d.lines.map((l) => l.paid));
	const primaryOverpayment = sum(lines.map((l) => l.overpayment));
	const kept = paid - primaryOverpayment;

	let secondaryBenefit = 0;
	const s = d.secondary;
	if (s?.rule === 'covers') secondaryBenefit = sum(s.covers.map((c) => shares[c]));
	else if (s?.rule === 'allowed-less-primary') secondaryBenefit = Math.max(0, s.allowed - kept);
	else if (s?.rule === 'cob')
		secondaryBenefit = percentOf(Math.max(0, s.allowed - s.deductible), s.percent);
	else if (s?.rule === 'stated') secondaryBenefit = s.paid;
	const secondary = Math.min(secondaryBenefit, responsibility);
	// Only a stated payment is money received: a rule's benefit above the cap is never paid.
	const secondaryOverpayment = s?.rule === 'stated' ? s.paid - secondary : 0;
	const writeoff = s?.writeoff ? responsibility - secondary : 0;
	const owes = responsibility - secondary - writeoff;

	return {
		lines,
		billed: sum(d.lines.map((l) => l.billed)),
		allowed: sum(d.lines.map((l) => l.allowed)),
		adjustment: sum(lines.map((l) => l.adjustment)),
		shares,
		responsibility,
		paid,
		primaryOverpayment,
		secondaryBenefit,
		secondary,
		secondaryOverpayment,
		writeoff,
		owes,
		prior: d.prior,
		balance: Math.max(0, owes - d.prior),
		patientRefund: Math.max(0, d.prior - owes),
		payerRefund: primaryOverpayment + secondaryOverpayment
	};
}

/** One post field's amount in a ledger. */
export function amountOf(led: Ledger, f: PostField): number {
	if (f.line !== undefined) {
		const l = led.lines[f.line - 1];
		if (!l) return 0;
		if (f.field === 'adjustment') return l.adjustment;
		if (f.field === 'responsibility') return l.responsibility;
		return l.due + l.overpayment;
	}
	const CLAIM: Record<Field, number> = {
		adjustment: led.adjustment,
		responsibility: led.responsibility,
		paid: led.paid,
		secondary: led.secondary,
		writeoff: led.writeoff,
		balance: led.balance,
		'patient-refund': led.patientRefund,
		'payer-refund': led.payerRefund
	};
	return CLAIM[f.field];
}

/** The key: every post field's amount, computed from the data. */
export function computeKey(d: PostingData, post: readonly PostField[]): PostingKey {
	const led = ledger(d);
	return Object.fromEntries(post.map((f) => [f.id, amountOf(led, f)]));
}

/** What each field is called beside its input. */
export const FIELD_LABELS: Record<Field, string> = {
	adjustment: 'Contractual adjustment',
	responsibility: 'Patient responsibility',
	paid: 'Primary payment',
	secondary: 'Secondary payment',
	writeoff: 'Write-off after the secondary',
	balance: 'Patient balance',
	'patient-refund': 'Refund due to the patient',
	'payer-refund': 'Refund due to the payer'
};

/** The field's label with its line: `Line 2: contractual adjustment`. */
export function fieldLabel(f: PostField): string {
	const label = FIELD_LABELS[f.field];
	return f.line === undefined ? label : `Line ${f.line}: ${label.toLowerCase()}`;
}

const m = formatMoney;

/** Terms of a sum, leaving out zeros (but keeping one term when all are zero). */
function terms(parts: [string, number][]): string {
	const shown = parts.filter(([, v]) => v !== 0);
	return (shown.length ? shown : parts.slice(0, 1)).map(([n, v]) => `${n} ${m(v)}`).join(' + ');
}

const SHARE_NAMES: Record<Share, string> = {
	deductible: 'deductible',
	coinsurance: 'coinsurance',
	copay: 'copay',
	other: 'other patient responsibility',
	noncovered: 'not covered (patient pays)'
};

/** How the secondary payment is reached, in one clause ending in its amount. */
function secondaryWorking(d: PostingData, led: Ledger): string {
	const s = d.secondary;
	const r = `patient responsibility ${m(led.responsibility)}`;
	if (!s) return 'no secondary payer: secondary payment $0.00';
	if (s.rule === 'covers') {
		const covered = terms(s.covers.map((c) => [SHARE_NAMES[c], led.shares[c]]));
		return `the secondary pays ${covered} = secondary payment ${m(led.secondary)}`;
	}
	if (s.rule === 'stated') {
		return led.secondaryOverpayment
			? `the secondary paid ${m(s.paid)}, more than the ${r}: ${m(led.secondary)} applies`
			: `the secondary paid ${m(s.paid)} = secondary payment ${m(led.secondary)}`;
	}
	const benefit =
		s.rule === 'allowed-less-primary'
			? `secondary allowed ${m(s.allowed)} - primary paid ${m(led.paid - led.primaryOverpayment)} = ${m(led.secondaryBenefit)}`
			: `${s.percent}% of (secondary allowed ${m(s.allowed)} - its deductible ${m(s.deductible)}) = ${m(led.secondaryBenefit)}`;
	return `the lesser of ${r} and (${benefit}) = secondary payment ${m(led.secondary)}`;
}

/** The computation behind one field, in one line: `allowed $80.00 - paid $64.00 = patient responsibility $16.00`. */
export function working(d: PostingData, f: PostField): string {
	const led = ledger(d);
	const line = f.line !== undefined ? d.lines[f.line - 1] : undefined;
	if (f.line !== undefined && line) {
		const l = lineLedger(line);
		if (f.field === 'adjustment')
			return `billed ${m(line.billed)} - allowed ${m(line.allowed)}${line.noncovered ? ` - not covered (patient pays) ${m(line.noncovered)}` : ''} = contractual adjustment ${m(l.adjustment)}`;
		if (f.field === 'responsibility')
			return `${terms(SHARES.map((s) => [SHARE_NAMES[s], line[s]]))} = patient responsibility ${m(l.responsibility)}`;
		return `allowed ${m(line.allowed)} - ${line.noncovered ? `the patient's shares within it ${m(l.responsibility - line.noncovered)}` : `patient responsibility ${m(l.responsibility)}`} = payment ${m(l.due)}${l.overpayment ? `; the payer paid ${m(line.paid)}` : ''}`;
	}
	switch (f.field) {
		case 'adjustment':
			return `billed ${m(led.billed)} - allowed ${m(led.allowed)}${led.shares.noncovered ? ` - not covered (patient pays) ${m(led.shares.noncovered)}` : ''} = contractual adjustment ${m(led.adjustment)}`;
		case 'responsibility':
			return `${terms(SHARES.map((s) => [SHARE_NAMES[s], led.shares[s]]))} = patient responsibility ${m(led.responsibility)}`;
		case 'paid':
			return led.primaryOverpayment
				? `the primary paid ${m(led.paid)} (it owed ${m(led.paid - led.primaryOverpayment)})`
				: `allowed ${m(led.allowed)} - ${led.shares.noncovered ? `the patient's shares within it ${m(led.responsibility - led.shares.noncovered)}` : `patient responsibility ${m(led.responsibility)}`} = primary payment ${m(led.paid)}`;
		case 'secondary':
			return secondaryWorking(d, led);
		case 'writeoff':
			return d.secondary?.writeoff
				? `patient responsibility ${m(led.responsibility)} - secondary payment ${m(led.secondary)} = write-off ${m(led.writeoff)} (the patient may not be billed for it)`
				: 'the patient may be billed for what the secondary leaves: write-off $0.00';
		case 'balance':
		case 'patient-refund': {
			const minus: [string, number][] = [
				['secondary payment', led.secondary],
				['write-off', led.writeoff],
				['paid by the patient already', led.prior]
			];
			const parts = [
				`patient responsibility ${m(led.responsibility)}`,
				...minus.filter(([, v]) => v !== 0).map(([n, v]) => `${n} ${m(v)}`)
			].join(' - ');
			const net = led.owes - led.prior;
			if (net >= 0) {
				return f.field === 'balance'
					? `${parts} = patient balance ${m(led.balance)}`
					: `${parts} = ${m(net)} still owed: refund due to the patient $0.00`;
			}
			return f.field === 'balance'
				? `${parts} = ${m(net)}, a credit: patient balance $0.00`
				: `${parts} = ${m(net)}, a credit: refund due to the patient ${m(led.patientRefund)}`;
		}
		case 'payer-refund': {
			const parts: string[] = [];
			d.lines.forEach((l, i) => {
				const ll = led.lines[i];
				if (ll?.overpayment)
					parts.push(
						`line ${i + 1}: paid ${m(l.paid)} - (allowed ${m(l.allowed)} - patient responsibility ${m(ll.responsibility)}) = ${m(ll.overpayment)}`
					);
			});
			if (led.secondaryOverpayment && d.secondary?.rule === 'stated')
				parts.push(
					`secondary: paid ${m(d.secondary.paid)} - patient responsibility ${m(led.responsibility)} = ${m(led.secondaryOverpayment)}`
				);
			return parts.length
				? `${parts.join('; ')}: refund due to the payer ${m(led.payerRefund)}`
				: 'no payer paid more than it owed: refund due to the payer $0.00';
		}
	}
}
