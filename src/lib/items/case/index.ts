/** Record case: one long note, two or more parts, each with typed codes (see ../codes.ts). */
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
import type { ItemKind, KindChecker } from '../kind.ts';
import type { CaseItem, CasePart } from './types.ts';

export type { CaseItem, CasePart } from './types.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parts(c: KindChecker): CasePart[] {
	const v = c.data.parts;
	if (!Array.isArray(v) || v.length < 2) {
		c.fail(['parts'], 'a case needs a parts list with at least two { prompt, answer }');
		return [];
	}
	const out: CasePart[] = [];
	v.forEach((p: unknown, i: number) => {
		if (!isRecord(p) || typeof p.prompt !== 'string' || !p.prompt.trim()) {
			c.fail(['parts', i], 'each part needs a prompt');
			return;
		}
		const answer = c.codeKey(p.answer, ['parts', i, 'answer']);
		if (answer) {
			c.checkSystems(answer);
			out.push({ prompt: p.prompt.trim(), answer });
		}
	});
	return out;
}

const keysOf = (item: CaseItem) => item.parts.map((p) => p.answer);

export const caseKind: ItemKind<CaseItem, CodesResponse> = {
	type: 'case',
	name: 'Record case',
	fields: ['parts'],
	sections: ['Scenario', 'Rationale'],
	examable: true,
	card: 'scenario',
	guessRate: 0,
	submitButton: true,

	build: (c, base) => ({
		...base,
		type: 'case',
		scenario: c.text.Scenario ?? '',
		parts: parts(c)
	}),

	prompt: (item) => item.scenario,
	texts: (item) => [item.scenario, item.rationale, ...item.parts.map((p) => p.prompt)],
	keyCodes: (item) => codesOfKeys(keysOf(item)),
	asked: (item) => [item.type, item.scenario, item.parts],

	empty: (item) => emptyCodes(keysOf(item)),
	read: (stored) => readCodes(stored),
	answered: (_item, r) => codesAnswered(r),
	grade: (item, r) => gradeCodes(keysOf(item), r),
	keyText: (item) => keysOf(item).map(keyLine).join(' | '),
	responseText: (item, r) => codesText(item.parts.length, r),
	verdict: (_item, _r, g) => codesVerdict(g),

	scoredKey: (item) => ({ codes: keysOf(item) }),
	withKey(item, key) {
		const keys = readKeys(key);
		if (!keys) return undefined;
		return {
			...item,
			parts: keys.map((answer, i) => ({ prompt: item.parts[i]?.prompt ?? '', answer }))
		};
	},

	key: () => undefined,
	keyHelp: [['Enter', 'check the answer (in a code field)']]
};
