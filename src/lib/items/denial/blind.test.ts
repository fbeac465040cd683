import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../content/parse.ts';
import { blindText } from './blind.ts';
import { denial } from './index.ts';
import { readDenial } from './grade.ts';
import type { DenialItem } from './types.ts';

const DIR = 'question-banks/billing';

/** The shipped denial items, built by the kind with a permissive checker (the bank check is elsewhere). */
function shipped(): DenialItem[] {
	return readdirSync(DIR)
		.filter((f) => f.startsWith('bil-denial-'))
		.map((f) => {
			const p = parseItemFile(`${DIR}/${f}`, readFileSync(`${DIR}/${f}`, 'utf8'));
			const text: Record<string, string> = {};
			for (const [t, s] of p.sections) text[t] = s.body.trim();
			const fail = (path: unknown, msg: string) => {
				throw new Error(`${f}: ${msg}`);
			};
			return denial.build(
				{
					data: p.data as Record<string, unknown>,
					text,
					systems: [],
					year: 2027,
					codes: {} as never,
					fail,
					failAt: fail,
					section: () => undefined,
					sourceOf: (path) => p.sourceOf(path),
					codeKey: () => undefined,
					checkSystems: () => undefined,
					icdProblem: () => undefined,
					procedureProblem: () => undefined,
					modifierProblem: () => undefined
				},
				{
					id: f.replace(/\.md$/, ''),
					bankId: 'billing',
					exams: ['CPB'],
					section: 'denials',
					systems: [],
					codeSetYear: 2027,
					difficulty: 2,
					tags: [],
					rationale: text.Rationale ?? '',
					file: f
				}
			);
		});
}

describe('blind text', () => {
	const items = shipped();

	it('covers every shipped item', () => {
		expect(items.length).toBeGreaterThanOrEqual(28);
	});

	it('shows the scenario, the remittance and both lists, but never the key or the rationale', () => {
		for (const item of items) {
			const text = blindText(item);
			expect(text).toContain(item.scenario);
			expect(text).toContain(item.remit.claim);
			expect(text).toContain('`prior-authorization`');
			expect(text).toContain('`no-action`');
			expect(text, item.id).not.toContain(item.rationale.slice(0, 60));
			expect(text).not.toMatch(/^(cause|action): |## Rationale/m);
		}
	});

	it('asks for an answer that the kind reads and grades', () => {
		const item = items[0]!;
		expect(blindText(item)).toContain(
			'{"denial":{"cause":"<root cause id>","action":"<action id>"}}'
		);
		const answer = readDenial(
			JSON.parse(`{"denial":{"cause":"${item.cause}","action":"${item.action}"}}`)
		);
		expect(answer && denial.grade(item, answer).correct).toBe(true);
	});

	it('writes money as dollars and cents, with the patient share and the adjustment', () => {
		const item = items.find((i) => i.id === 'bil-denial-0008')!;
		expect(blindText(item)).toContain(
			'| 99214 | $185.00 | $118.40 | $93.40 | $25.00 | CO-45 $66.60 |'
		);
	});
});

describe('the shipped items', () => {
	const items = shipped();

	it('use every root cause at least three times and every action at least twice', () => {
		const causes = new Map<string, number>();
		const actions = new Map<string, number>();
		for (const i of items) {
			causes.set(i.cause, (causes.get(i.cause) ?? 0) + 1);
			actions.set(i.action, (actions.get(i.action) ?? 0) + 1);
		}
		expect(causes.size).toBe(8);
		for (const [c, n] of causes) expect(n, c).toBeGreaterThanOrEqual(3);
		expect(actions.size).toBe(6);
		for (const [a, n] of actions) expect(n, a).toBeGreaterThanOrEqual(2);
	});

	it('never pay more than billed (no item is about an overpayment)', () => {
		for (const i of items)
			for (const l of i.remit.lines) expect(l.paid, i.id).toBeLessThanOrEqual(l.billed);
	});
});
