/** Code entry: a scenario, and the learner types the codes (see ../codes.ts for the grading). */
import type { CodeKey } from '../../content/types.ts';
import {
	codesAnswered,
	codesOfKeys,
	codesText,
	codesVerdict,
	emptyCodes,
	gradeCodes,
	keyLine,
	readCodes,
	readKeys,
	type CodesResponse
} from '../codes.ts';
import type { ItemKind } from '../kind.ts';
import type { CodeEntryItem } from './types.ts';

export type { CodeEntryItem } from './types.ts';

function emptyKey(): CodeKey {
	return { icd10cm: [], procedures: [], icd10pcs: [] };
}

export const codeEntry: ItemKind<CodeEntryItem, CodesResponse> = {
	type: 'code-entry',
	name: 'Code entry',
	fields: ['answer'],
	sections: ['Scenario', 'Rationale'],
	examable: true,
	card: 'scenario',
	guessRate: 0,
	submitButton: true,

	build(c, base) {
		const answer = c.codeKey(c.data.answer, ['answer']);
		if (answer) c.checkSystems(answer);
		return {
			...base,
			type: 'code-entry',
			scenario: c.text.Scenario ?? '',
			answer: answer ?? emptyKey()
		};
	},

	prompt: (item) => item.scenario,
	texts: (item) => [item.scenario, item.rationale],
	keyCodes: (item) => codesOfKeys([item.answer]),
	asked: (item) => [item.type, item.scenario, item.answer],

	empty: (item) => emptyCodes([item.answer]),
	read: (stored) => readCodes(stored),
	answered: (_item, r) => codesAnswered(r),
	grade: (item, r) => gradeCodes([item.answer], r),
	keyText: (item) => keyLine(item.answer),
	responseText: (_item, r) => codesText(1, r),
	verdict: (_item, _r, g) => codesVerdict(g),

	scoredKey: (item) => ({ codes: [item.answer] }),
	withKey(item, key) {
		const keys = readKeys(key);
		return keys?.[0] ? { ...item, answer: keys[0] } : undefined;
	},

	// Typed codes have no keys of their own outside the fields; Enter in a field submits the form.
	key: () => undefined,
	keyHelp: [['Enter', 'check the answer (in a code field)']]
};
