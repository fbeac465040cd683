/**
 * How a posting item reads, as data: the EOB's columns, cells and totals, and the facts about
 * the secondary payer and earlier payments. The answer component and the blind-review text both
 * render these, so a reviewer sees exactly what a learner sees.
 */
import { formatMoney, sum } from '../money.ts';
import type { Column, PaymentPostingItem, PostingLine, Share } from './types.ts';

export type ColumnId = 'service' | 'date' | 'billed' | Column | 'other' | 'noncovered' | 'note';

export interface EobColumn {
	id: ColumnId;
	label: string;
	/** An amount (right-aligned, totalled). */
	money: boolean;
}

const ALL: EobColumn[] = [
	{ id: 'service', label: 'Service', money: false },
	{ id: 'date', label: 'Date', money: false },
	{ id: 'billed', label: 'Billed', money: true },
	{ id: 'allowed', label: 'Allowed', money: true },
	{ id: 'deductible', label: 'Deductible', money: true },
	{ id: 'coinsurance', label: 'Coinsurance', money: true },
	{ id: 'copay', label: 'Copay', money: true },
	{ id: 'other', label: 'Other patient resp.', money: true },
	{ id: 'noncovered', label: 'Not covered, patient pays', money: true },
	{ id: 'paid', label: 'Paid', money: true },
	{ id: 'note', label: 'Remarks', money: false }
];

/** A cell the learner works out: shown as a question mark. */
export const HIDDEN = '?';

/** The columns this EOB shows: dates, other responsibility and remarks only when some line has them. */
export function eobColumns(item: PaymentPostingItem): EobColumn[] {
	return ALL.filter((c) => {
		if (c.id === 'date') return item.lines.some((l) => l.date);
		if (c.id === 'note') return item.lines.some((l) => l.note);
		if (c.id === 'other') return item.lines.some((l) => l.other);
		if (c.id === 'noncovered') return item.lines.some((l) => l.noncovered);
		return true;
	});
}

function hidden(item: PaymentPostingItem, c: EobColumn): boolean {
	return (item.hidden as string[]).includes(c.id);
}

/** One cell of a line, as shown. */
export function eobCell(item: PaymentPostingItem, line: PostingLine, c: EobColumn): string {
	if (!c.money) return line[c.id as 'service' | 'date' | 'note'];
	if (hidden(item, c)) return HIDDEN;
	return formatMoney(line[c.id as Column | 'billed' | 'other' | 'noncovered']);
}

/** The totals row's cell for a column (empty for text columns). */
export function eobTotal(item: PaymentPostingItem, c: EobColumn): string {
	if (!c.money) return '';
	if (hidden(item, c)) return HIDDEN;
	return formatMoney(
		sum(item.lines.map((l) => l[c.id as Column | 'billed' | 'other' | 'noncovered']))
	);
}

/** What the remittance is called. */
export function remitTitle(item: PaymentPostingItem): string {
	const what =
		item.remit === 'ERA' ? 'Electronic remittance advice (ERA)' : 'Explanation of benefits (EOB)';
	return `${what}: ${item.payer}`;
}

const SHARE_WORDS: Record<Share, string> = {
	deductible: 'deductible',
	coinsurance: 'coinsurance',
	copay: 'copay',
	other: 'other patient responsibility',
	noncovered: 'non-covered charges'
};

function list(words: string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The facts about the secondary payer and payments already made, one sentence each. */
export function facts(item: PaymentPostingItem): { title: string; lines: string[] }[] {
	const out: { title: string; lines: string[] }[] = [];
	const s = item.secondary;
	if (s) {
		const lines: string[] = [];
		if (s.rule === 'covers')
			lines.push(
				`It pays the ${list(s.covers.map((c) => SHARE_WORDS[c]))} the primary EOB assigns to the patient, in full, and nothing else.`
			);
		else if (s.rule === 'allowed-less-primary')
			lines.push(
				`Its allowed amount for the claim is ${formatMoney(s.allowed)}. It pays its allowed amount less what the primary paid, never more than the patient responsibility.`
			);
		else if (s.rule === 'cob')
			lines.push(
				`Its allowed amount for the claim is ${formatMoney(s.allowed)}${s.deductible ? `, and ${formatMoney(s.deductible)} of its deductible is still to be met` : ', and its deductible has been met'}.`,
				`Its normal benefit is ${s.percent}% of its allowed amount${s.deductible ? ' after that deductible' : ''} (rounded to the cent); it pays the lesser of that benefit and the patient responsibility the primary left.`
			);
		else lines.push(`Its remittance shows a payment of ${formatMoney(s.paid)} for this claim.`);
		lines.push(
			s.writeoff
				? 'The provider accepts its payment as payment in full: whatever it leaves unpaid may not be billed to the patient.'
				: 'Whatever it leaves unpaid is the patient’s to pay.'
		);
		out.push({ title: `Secondary payer: ${s.payer}`, lines });
	}
	if (item.prior)
		out.push({
			title: 'Payments already received',
			lines: [
				`The patient paid ${formatMoney(item.prior)} toward this claim before the remittance arrived.`
			]
		});
	return out;
}
