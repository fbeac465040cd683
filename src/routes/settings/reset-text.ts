/**
 * What the reset confirmation says will be deleted, from the counts read before asking. Pure, so
 * the exact words are tested: the learner must read precisely what goes.
 */
import type { AllCounts, BankCounts } from '$lib/db/reset';

const n = (count: number, one: string, many = `${one}s`) =>
	`${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** "a, b and c". */
function list(parts: readonly string[]): string {
	return parts.length < 2
		? (parts[0] ?? '')
		: `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function parts(c: BankCounts & Partial<AllCounts>): string[] {
	const all: [number | undefined, string][] = [
		[c.attempts, n(c.attempts, 'answer')],
		[c.cards, n(c.cards, 'drill card')],
		[c.reviews, n(c.reviews, 'drill review')],
		[c.exams, n(c.exams ?? 0, 'mock exam')],
		[c.flags, n(c.flags, 'flag')],
		[c.reports, n(c.reports, 'report')],
		[c.banks, n(c.banks ?? 0, 'imported bank')]
	];
	return all.filter(([count]) => count).map(([, text]) => text);
}

export function isEmpty(c: BankCounts & Partial<AllCounts>): boolean {
	return parts(c).length === 0;
}

/** "Delete 1,234 answers, … and 2 reports of the “CPC” bank. Mock exams are kept." */
export function bankResetText(c: BankCounts, bankTitle: string): string {
	if (isEmpty(c)) return `You have no answers, cards, flags or reports in the “${bankTitle}” bank.`;
	return `Delete ${list(parts(c))} of the “${bankTitle}” bank. Mock exams are kept.`;
}

export function allResetText(c: AllCounts): string {
	const what = isEmpty(c) ? '' : `: ${list(parts(c))}`;
	return (
		'Delete every answer, card, review, exam, flag, report, imported bank and setting' +
		`${what}. This cannot be undone; export a backup first if you may want them back.`
	);
}

/** What the status line says once the bank's progress is gone. */
export function bankResetDone(c: BankCounts, bankTitle: string): string {
	return `Deleted ${list(parts(c)) || 'nothing'} of the “${bankTitle}” bank.`;
}
