import { describe, expect, it } from 'vitest';
import { item } from './fixtures';
import {
	answeredPosting,
	emptyPosting,
	fieldResults,
	gradePosting,
	keyLine,
	readPosting,
	responseLine,
	verdictLine
} from './grade';
import type { ItemKind } from '../kind';
import { paymentPosting } from './index';
import type { PaymentPostingItem, PaymentPostingResponse } from './types';

/** The kind as the hosts see it, through the interface. */
const kind: ItemKind<PaymentPostingItem, PaymentPostingResponse> = paymentPosting;

/** Medicare 80/20 with a copay-like amount paid at the visit: adjustment $40, resp. $16, refund $4. */
const MEDICARE = item(`
payer: Medicare Part B
prior: $20.00
eob:
  - { service: Visit, billed: $120.00, allowed: $80.00, coinsurance: $16.00, paid: $64.00 }
post: [adjustment, responsibility, balance, patient-refund]
`);

const posting = (p: Record<string, string>) => ({ posting: p });

describe('grading a posting', () => {
	it('is right when every amount is right to the cent, however it is written', () => {
		const g = gradePosting(
			MEDICARE,
			posting({
				adjustment: '$40.00',
				responsibility: '16',
				balance: '0',
				'patient-refund': ' 4.0 '
			})
		);
		expect(g).toEqual({ score: 1, correct: true, earned: 4, possible: 4 });
	});

	it('gives equal partial credit per amount', () => {
		const g = gradePosting(
			MEDICARE,
			posting({
				adjustment: '40.00',
				responsibility: '16.00',
				balance: '4.00',
				'patient-refund': ''
			})
		);
		expect(g).toEqual({ score: 0.5, correct: false, earned: 2, possible: 4 });
	});

	it('a cent off is wrong', () => {
		const g = gradePosting(
			MEDICARE,
			posting({ adjustment: '39.99', responsibility: '16.01', balance: '0', 'patient-refund': '4' })
		);
		expect(g.earned).toBe(2);
	});

	it('text that is not an amount is wrong, never an error', () => {
		const results = fieldResults(
			MEDICARE,
			posting({
				adjustment: '40.000',
				responsibility: 'sixteen',
				balance: '-4.00',
				'patient-refund': '4,00'
			})
		);
		expect(results.map((r) => [r.given, r.correct])).toEqual([
			[undefined, false],
			[undefined, false],
			[undefined, false],
			[undefined, false]
		]);
		expect(gradePosting(MEDICARE, posting({})).score).toBe(0);
	});

	it('zero is an amount: "0" and "$0.00" are right for a zero balance, blank is not', () => {
		const zero = item(`
payer: Acme
eob:
  - { service: Visit, billed: $90.00, allowed: $90.00, deductible: $90.00, paid: $0 }
post: [paid, adjustment]
`);
		expect(gradePosting(zero, posting({ paid: '0', adjustment: '$0.00' })).correct).toBe(true);
		expect(gradePosting(zero, posting({ paid: '', adjustment: '0' })).earned).toBe(1);
	});

	it('grades a multi-line posting field by field', () => {
		const multi = item(`
payer: Acme
eob:
  - { service: A, billed: $100.00, allowed: $70.00, paid: $70.00 }
  - { service: B, billed: $50.00, allowed: $0.00, paid: $0.00, note: Denied }
post: { lines: [adjustment], claim: [adjustment] }
`);
		expect(multi.key).toEqual({
			'line1.adjustment': 3000,
			'line2.adjustment': 5000,
			adjustment: 8000
		});
		const g = gradePosting(
			multi,
			posting({ 'line1.adjustment': '30', 'line2.adjustment': '0', adjustment: '80' })
		);
		expect(g).toEqual({ score: 2 / 3, correct: false, earned: 2, possible: 3 });
	});

	it('grades a secondary payer and an overpayment', () => {
		const sec = item(`
payer: Acme
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }
secondary: { payer: Beta, rule: stated, paid: $35.00 }
post: [secondary, payer-refund, balance]
`);
		expect(
			gradePosting(sec, posting({ secondary: '20', 'payer-refund': '15', balance: '0' })).correct
		).toBe(true);
		// Posting the whole $35.00 as the secondary payment is the tempting mistake.
		expect(
			gradePosting(sec, posting({ secondary: '35', 'payer-refund': '0', balance: '0' })).earned
		).toBe(1);
	});
});

describe('responses', () => {
	it('starts blank with one field per amount', () => {
		const r = emptyPosting(MEDICARE);
		expect(r).toEqual(
			posting({ adjustment: '', responsibility: '', balance: '', 'patient-refund': '' })
		);
		expect(answeredPosting(MEDICARE, r)).toBe(false);
		expect(answeredPosting(MEDICARE, posting({ balance: '  ' }))).toBe(false);
		expect(answeredPosting(MEDICARE, posting({ balance: '0' }))).toBe(true);
	});

	it('reads back only a well-formed stored posting', () => {
		expect(readPosting(posting({ balance: '1.00', 'line2.adjustment': 'x' }))).toEqual(
			posting({ balance: '1.00', 'line2.adjustment': 'x' })
		);
		expect(readPosting({ posting: {} })).toEqual({ posting: {} });
		for (const bad of [
			undefined,
			null,
			'B',
			['1.00'],
			{},
			{ posting: null },
			{ posting: ['1'] },
			{ posting: { balance: 1 } },
			{ posting: { balance: '1' }, extra: 1 },
			{ codes: { balance: '1' } },
			{ posting: { 'Balance!': '1' } },
			{ posting: { balance: 'x'.repeat(41) } },
			{ posting: Object.create({ balance: '1' }) as object },
			{ posting: new Map() }
		]) {
			expect(readPosting(bad), JSON.stringify(bad)).toBeUndefined();
		}
		expect(() => readPosting(JSON.parse('{"posting":{"__proto__":"1"}}'))).not.toThrow();
		expect(readPosting(JSON.parse('{"posting":{"__proto__":"1"}}'))).toBeUndefined();
	});

	it('a stored response survives JSON (as IndexedDB stores it) unchanged', () => {
		const r = posting({ adjustment: '$40.00', balance: '0' });
		expect(kind.read(JSON.parse(JSON.stringify(r)), MEDICARE)).toEqual(r);
	});
});

describe('texts', () => {
	it('writes the key and a response in one line', () => {
		expect(keyLine(MEDICARE)).toBe(
			'adjustment $40.00; patient resp. $16.00; balance $0.00; patient refund $4.00'
		);
		expect(responseLine(MEDICARE, emptyPosting(MEDICARE))).toBe('—');
		expect(
			responseLine(MEDICARE, posting({ adjustment: '40', responsibility: 'abc', balance: '' }))
		).toBe('adjustment $40.00; patient resp. "abc"; balance —; patient refund —');
	});

	it('says what was right and what to check', () => {
		const all = posting({
			adjustment: '40',
			responsibility: '16',
			balance: '0',
			'patient-refund': '4'
		});
		expect(verdictLine(MEDICARE, all, gradePosting(MEDICARE, all))).toBe(
			'All 4 amounts posted right to the cent.'
		);
		const some = posting({
			adjustment: '40',
			responsibility: '16',
			balance: '4',
			'patient-refund': ''
		});
		expect(verdictLine(MEDICARE, some, gradePosting(MEDICARE, some))).toBe(
			'2 of 4 amounts right; check patient balance, refund due to the patient.'
		);
	});
});

describe('the kind object', () => {
	it('stores the key with an exam and puts it back only onto the same fields', () => {
		const key = paymentPosting.scoredKey(MEDICARE) as Record<string, number>;
		expect(key).toEqual(MEDICARE.key);
		const changed = { ...key, balance: 100 };
		expect(paymentPosting.withKey(MEDICARE, changed)?.key).toEqual(changed);
		expect(paymentPosting.withKey(MEDICARE, { balance: 0 })).toBeUndefined();
		expect(paymentPosting.withKey(MEDICARE, { ...key, balance: 1.5 })).toBeUndefined();
		expect(paymentPosting.withKey(MEDICARE, 'C')).toBeUndefined();
	});

	it('takes no keys from the host: every answer is typed', () => {
		expect(kind.key(MEDICARE, emptyPosting(MEDICARE), '1')).toBeUndefined();
	});

	it('hashes what is asked, not the key', () => {
		const asked = JSON.stringify(paymentPosting.asked(MEDICARE));
		expect(asked).toContain('Medicare Part B');
		expect(asked).not.toContain('"key"');
	});
});
