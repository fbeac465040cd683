import { describe, expect, it } from 'vitest';
import { denial } from './index.ts';
import { ACTIONS, CAUSES, type DenialItem, type DenialResponse } from './types.ts';

/** A denial item with overrides (the remit is only read by the component and blind text). */
function makeItem(over: Partial<DenialItem> = {}): DenialItem {
	return {
		id: 'bil-denial-9999',
		bankId: 'billing',
		type: 'denial',
		exams: ['CPB', 'CBCS'],
		section: 'denials',
		systems: ['CPT'],
		codeSetYear: 2027,
		difficulty: 2,
		tags: [],
		rationale: 'Why.',
		file: 'question-banks/billing/bil-denial-9999.md',
		scenario: 'A claim came back.',
		remit: {
			payer: 'Medicare Part B',
			claim: '123',
			account: 'A-1',
			dos: '2027-01-04',
			icd10cm: [],
			lines: [{ code: '99213', billed: 12000, allowed: 0, paid: 0, group: 'CO', reason: 'Late.' }],
			overpaid: false
		},
		cause: 'timely-filing',
		action: 'write-off',
		...over
	};
}

const item = makeItem();
const r = (cause?: string, action?: string) =>
	({ denial: { ...(cause ? { cause } : {}), ...(action ? { action } : {}) } }) as DenialResponse;

describe('grading a denial', () => {
	it('gives full credit only for the right cause and the right action', () => {
		expect(denial.grade(item, r('timely-filing', 'write-off'))).toEqual({
			score: 1,
			correct: true,
			earned: 2,
			possible: 2
		});
	});

	it('gives half for the right cause with the wrong action, and the reverse', () => {
		expect(denial.grade(item, r('timely-filing', 'appeal'))).toEqual({
			score: 0.5,
			correct: false,
			earned: 1,
			possible: 2
		});
		expect(denial.grade(item, r('eligibility', 'write-off'))).toMatchObject({
			score: 0.5,
			correct: false,
			earned: 1
		});
	});

	it('gives half for one right pick with the other left blank', () => {
		expect(denial.grade(item, r('timely-filing'))).toMatchObject({ score: 0.5, correct: false });
		expect(denial.grade(item, r(undefined, 'write-off'))).toMatchObject({ score: 0.5 });
	});

	it('gives nothing for a blank or an all-wrong response', () => {
		expect(denial.grade(item, denial.empty(item))).toMatchObject({ score: 0, correct: false });
		expect(denial.grade(item, r('duplicate', 'bill-patient'))).toMatchObject({
			score: 0,
			earned: 0
		});
	});

	it('grades every pair of picks as right exactly once', () => {
		let right = 0;
		for (const c of CAUSES)
			for (const a of ACTIONS) if (denial.grade(item, r(c, a)).correct) right++;
		expect(right).toBe(1);
		expect(denial.guessRate).toBeCloseTo(1 / (CAUSES.length * ACTIONS.length));
	});
});

describe('reading a stored response', () => {
	it('reads its own shape, blank or partly chosen', () => {
		expect(denial.read({ denial: {} }, item)).toEqual({ denial: {} });
		expect(denial.read({ denial: { cause: 'bundled' } }, item)).toEqual({
			denial: { cause: 'bundled' }
		});
		expect(denial.read({ denial: { cause: 'bundled', action: 'appeal' } }, item)).toEqual({
			denial: { cause: 'bundled', action: 'appeal' }
		});
	});

	it('survives a JSON round trip (IndexedDB stores it as is)', () => {
		const given = r('eligibility', 'bill-patient');
		expect(denial.read(JSON.parse(JSON.stringify(given)), item)).toEqual(given);
	});

	it('refuses anything else without throwing', () => {
		for (const bad of [
			undefined,
			null,
			'B',
			3,
			[],
			{},
			{ choice: 'B' },
			{ codes: [] },
			{ denial: null },
			{ denial: [] },
			{ denial: 'bundled' },
			{ denial: { cause: 'lost' } },
			{ denial: { action: 'resubmit' } },
			{ denial: { cause: 1 } },
			{ denial: { cause: 'bundled', extra: true } },
			{ denial: {}, mdm: {} },
			{ denial: { cause: '__proto__' } }
		])
			expect(denial.read(bad, item), JSON.stringify(bad) ?? 'undefined').toBeUndefined();
	});
});

describe('texts and keys', () => {
	it('says the key and the response in one line', () => {
		expect(denial.keyText(item)).toBe(
			'Filed too late (timely filing); Write off (adjust the balance)'
		);
		expect(denial.responseText(item, denial.empty(item))).toBe('—');
		expect(denial.responseText(item, r('duplicate'))).toBe(
			'Duplicate of a claim on file; no action chosen'
		);
	});

	it('says in the verdict which half was missed', () => {
		const given = r('timely-filing', 'appeal');
		expect(denial.verdict(item, given, denial.grade(item, given))).toBe(
			'1 of 2: root cause right; the action is "Write off (adjust the balance)".'
		);
		const right = r('timely-filing', 'write-off');
		expect(denial.verdict(item, right, denial.grade(item, right))).toMatch(/^Correct/);
	});

	it('answered means at least one pick', () => {
		expect(denial.answered(item, denial.empty(item))).toBe(false);
		expect(denial.answered(item, r(undefined, 'appeal'))).toBe(true);
	});

	it('maps 1-8 to the causes, the mnemonic letters to the actions, Enter to submit', () => {
		const blank = denial.empty(item);
		expect(denial.key(item, blank, '1')).toEqual({ response: r('missing-information') });
		expect(denial.key(item, blank, '8')).toEqual({ response: r('prior-authorization') });
		const withCause = r('bundled');
		expect(denial.key(item, withCause, 'c')).toEqual({
			response: r('bundled', 'correct-resubmit')
		});
		expect(denial.key(item, withCause, 'W')).toEqual({ response: r('bundled', 'write-off') });
		expect(denial.key(item, blank, 'x')).toEqual({ response: r(undefined, 'no-action') });
		expect(denial.key(item, blank, 'Enter')).toEqual({ submit: true });
		// The hosts' own keys and anything else are not the kind's.
		for (const k of ['0', '9', 'n', 'p', 'f', 'r', 'u', ' ', 'Tab', 'ArrowDown'])
			expect(denial.key(item, blank, k), k).toBeUndefined();
	});

	it('stores its key with an exam and puts it back', () => {
		const key = denial.scoredKey(item);
		expect(JSON.parse(JSON.stringify(key))).toEqual({
			cause: 'timely-filing',
			action: 'write-off'
		});
		const other = makeItem({ cause: 'eligibility', action: 'bill-patient' });
		expect(denial.withKey(other, key)).toMatchObject({
			cause: 'timely-filing',
			action: 'write-off'
		});
		expect(denial.withKey(other, { cause: 'lost', action: 'appeal' })).toBeUndefined();
		expect(denial.withKey(other, 'C')).toBeUndefined();
	});

	it('keeps the key out of the texts a learner sees before answering', () => {
		expect(denial.keyCodes(item)).toEqual([]);
		expect(denial.prompt(item)).toBe('A claim came back.');
	});
});
