/**
 * The payment-posting kind: the learner posts an EOB or ERA (contractual adjustment, patient
 * responsibility, secondary payment, patient balance, refunds) in dollars and cents.
 */
import type { ItemKind } from '../kind.ts';
import { buildPosting, POSTING_FIELDS, POSTING_SECTIONS } from './build.ts';
import {
	answeredPosting,
	emptyPosting,
	gradePosting,
	keyLine,
	readPosting,
	responseLine,
	verdictLine
} from './grade.ts';
import type { PaymentPostingItem, PaymentPostingResponse, PostingKey } from './types.ts';

export type { PaymentPostingItem, PaymentPostingResponse } from './types.ts';

function isKey(key: unknown, item: PaymentPostingItem): key is PostingKey {
	if (typeof key !== 'object' || key === null || Array.isArray(key)) return false;
	const ids = Object.keys(key);
	return (
		ids.length === item.post.length &&
		item.post.every((f) => {
			const v = (key as Record<string, unknown>)[f.id];
			return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
		})
	);
}

export const paymentPosting: ItemKind<PaymentPostingItem, PaymentPostingResponse> = {
	type: 'payment-posting',
	name: 'Payment posting',
	fields: POSTING_FIELDS,
	sections: POSTING_SECTIONS,
	examable: true,
	card: 'scenario',
	// An amount to the cent is not guessed.
	guessRate: 0,
	submitButton: true,

	build: buildPosting,

	prompt: (item) => item.scenario,
	texts: (item) => [
		item.scenario,
		...item.lines.flatMap((l) => [l.service, l.note].filter(Boolean)),
		item.rationale
	],
	keyCodes: () => [],
	asked: (item) => ({
		scenario: item.scenario,
		remit: item.remit,
		payer: item.payer,
		lines: item.lines,
		hidden: item.hidden,
		prior: item.prior,
		secondary: item.secondary ?? null,
		post: item.post.map((f) => f.id)
	}),

	empty: emptyPosting,
	read: (stored) => readPosting(stored),
	answered: answeredPosting,
	grade: gradePosting,
	keyText: keyLine,
	responseText: responseLine,
	verdict: verdictLine,

	scoredKey: (item) => ({ ...item.key }),
	withKey: (item, key) => (isKey(key, item) ? { ...item, key: { ...key } } : undefined),

	// Every answer is typed in a field: no letter keys, so none is taken from the host.
	key: () => undefined,
	keyHelp: [
		['Tab', 'next amount'],
		['Shift+Tab', 'previous amount']
	]
};
