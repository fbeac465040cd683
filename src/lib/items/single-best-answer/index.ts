/** Multiple choice: a scenario, four options A-D, one right. */
import type { ItemKind, KindChecker } from '../kind.ts';
import type { ChoiceResponse, Option, SingleBestAnswerItem } from './types.ts';

export type { ChoiceResponse, Option, SingleBestAnswerItem } from './types.ts';

const LETTERS = ['A', 'B', 'C', 'D'];

function options(c: KindChecker): Option[] {
	const s = c.section('Options');
	if (!s) return [];
	const out: Option[] = [];
	s.body.split('\n').forEach((raw, i) => {
		const line = s.firstBodyLine + i;
		if (!raw.trim()) return;
		const m = /^\s*[-*]\s+([A-Z])[.)]\s+(.+)$/.exec(raw);
		if (!m?.[1] || !m[2]) {
			c.failAt(line, 'an option must read "- A. text"');
			return;
		}
		const expected = LETTERS[out.length];
		if (m[1] !== expected)
			c.failAt(line, `option "${m[1]}" is out of order; expected "${expected ?? 'no more'}"`);
		out.push({ letter: m[1], text: m[2].trim() });
	});
	if (out.length !== 4)
		c.failAt(
			s.line,
			`a single-best-answer item needs exactly four options A-D, found ${out.length}`
		);
	return out;
}

/** The correct option's codes must be reportable: billable ICD-10-CM, active HCPCS. */
function checkCorrectOption(c: KindChecker, text: string): void {
	const s = c.section('Options');
	const i = s ? s.body.split('\n').findIndex((l) => l.includes(text)) : -1;
	const line = !s ? 1 : i < 0 ? s.line : s.firstBodyLine + i;
	for (const m of text.matchAll(/\b[A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{1,4})?\b/g)) {
		const entry = c.codes.icd10cm(m[0], c.year);
		if (entry && !entry.billable)
			c.failAt(line, `the correct option lists ${m[0]}, which is a header, not a billable code`);
	}
	for (const m of text.matchAll(/\b[A-CE-V]\d{4}\b/g)) {
		const entry = c.codes.hcpcs(m[0]);
		if (entry?.terminated)
			c.failAt(line, `the correct option lists ${m[0]}, terminated ${entry.terminated}`);
	}
	for (const m of text.matchAll(/\b(?:\d{4}[0-9FTU]|[A-CE-V]\d{4})((?:-[0-9A-Z]{2})+)/g)) {
		for (const mod of (m[1] ?? '').split('-').filter(Boolean)) {
			const why = c.modifierProblem(mod);
			if (why) c.failAt(line, why);
		}
	}
}

export const singleBestAnswer: ItemKind<SingleBestAnswerItem, ChoiceResponse> = {
	type: 'single-best-answer',
	name: 'Multiple choice',
	fields: ['answer'],
	sections: ['Scenario', 'Options', 'Rationale'],
	examable: true,
	card: 'scenario',
	guessRate: 0.25,
	submitButton: true,

	build(c, base) {
		const opts = options(c);
		const answer = typeof c.data.answer === 'string' ? c.data.answer.trim() : '';
		const letters = opts.map((o) => o.letter);
		if (!letters.includes(answer)) {
			const range = letters.length ? `${letters[0]}-${letters[letters.length - 1]}` : 'none';
			c.fail(
				['answer'],
				`answer "${String(c.data.answer ?? '')}" is not one of the options ${range}`
			);
		} else {
			checkCorrectOption(c, opts.find((o) => o.letter === answer)?.text ?? '');
		}
		return {
			...base,
			type: 'single-best-answer',
			scenario: c.text.Scenario ?? '',
			options: opts,
			answer
		};
	},

	prompt: (item) => item.scenario,
	texts: (item) => [item.scenario, ...item.options.map((o) => o.text), item.rationale],
	keyCodes: () => [],
	asked: (item) => [item.type, item.scenario, item.options, item.answer],

	empty: () => ({ choice: '' }),
	read(stored) {
		// Practice stored a bare letter before responses had one shape.
		if (typeof stored === 'string') return { choice: stored };
		if (
			stored &&
			typeof stored === 'object' &&
			'choice' in stored &&
			typeof stored.choice === 'string'
		)
			return { choice: stored.choice };
		return undefined;
	},
	answered: (_item, r) => r.choice !== '',
	grade(item, r) {
		const correct = r.choice !== '' && r.choice === item.answer;
		return { score: correct ? 1 : 0, correct };
	},
	keyText: (item) => item.answer,
	responseText: (_item, r) => r.choice || '—',
	verdict: (item, r, g) =>
		g.correct ? 'Correct.' : `Not quite: you chose ${r.choice}; the answer is ${item.answer}.`,

	scoredKey: (item) => ({ choice: item.answer }),
	withKey(item, key) {
		if (!key || typeof key !== 'object' || !('choice' in key) || typeof key.choice !== 'string')
			return undefined;
		return { ...item, answer: key.choice };
	},

	key(item, _r, key) {
		const k = key.toLowerCase();
		const digit = ['1', '2', '3', '4'].indexOf(k);
		const i = digit >= 0 ? digit : ['a', 'b', 'c', 'd'].indexOf(k);
		const option = item.options[i];
		if (i >= 0 && option) return { response: { choice: option.letter } };
		if (k === 'enter') return { submit: true };
		return undefined;
	},
	keyHelp: [
		['1-4 or A-D', 'choose an option'],
		['Enter', 'check the answer']
	]
};
