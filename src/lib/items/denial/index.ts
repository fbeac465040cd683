/**
 * Denials and appeals: a remittance line with a denial; the learner names the root cause (one of
 * eight) and the corrective action (one of five).
 */
import type { ItemKind } from '../kind.ts';
import { buildDenial } from './build.ts';
import {
	denialAnswered,
	denialKey,
	denialKeyText,
	denialResponseText,
	denialVerdict,
	emptyDenial,
	gradeDenial,
	readDenial,
	readDenialKey
} from './grade.ts';
import type { DenialItem, DenialResponse } from './types.ts';

export type { DenialItem, DenialResponse } from './types.ts';

export const denial = {
	type: 'denial',
	name: 'Denial',
	fields: ['remit', 'cause', 'action'],
	sections: ['Scenario', 'Rationale'],
	examable: true,
	card: 'scenario',
	// Eight causes times six actions: a blind guess gets both right one time in 48.
	guessRate: 1 / 48,
	submitButton: true,

	build: buildDenial,

	prompt: (item) => item.scenario,
	texts: (item) => [
		item.scenario,
		// The codes on the remittance, so the code book lists the item under them.
		[...item.remit.icd10cm, ...item.remit.lines.map((l) => l.code)].join(', '),
		...item.remit.lines.flatMap((l) => (l.reason ? [l.reason] : [])),
		item.rationale
	],
	// The key is a cause and an action, not codes: a missed denial says nothing about 99214.
	keyCodes: (_item) => [],
	asked: (item) => [item.type, item.scenario, item.remit, item.cause, item.action],

	empty: (_item) => emptyDenial(),
	read: (stored, _item) => readDenial(stored),
	answered: (_item, r) => denialAnswered(r),
	grade: gradeDenial,
	keyText: denialKeyText,
	responseText: (_item, r) => denialResponseText(r),
	verdict: denialVerdict,

	scoredKey: (item) => ({ cause: item.cause, action: item.action }),
	withKey(item, key) {
		const k = readDenialKey(key);
		return k ? { ...item, cause: k.cause, action: k.action } : undefined;
	},

	key: (_item, r, key) => denialKey(r, key),
	keyHelp: [
		['1-8', 'choose the root cause'],
		['C A W B Q X', 'choose the action (correct, appeal, write off, bill patient, request, none)'],
		['Enter', 'check the answer']
	]
} satisfies ItemKind<DenialItem, DenialResponse>;
