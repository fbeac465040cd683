import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { item } from './fixtures';
import { ledger, working } from './ledger';

describe('ledger: one payer', () => {
	it('Medicare 80/20: adjustment, coinsurance and balance', () => {
		const it = item(`
payer: Medicare Part B
eob:
  - { service: Office visit (99213), billed: $150.00, allowed: $92.40, coinsurance: $18.48, paid: $73.92 }
post: [adjustment, responsibility, balance]
`);
		expect(it.key).toEqual({ adjustment: 5760, responsibility: 1848, balance: 1848 });
	});

	it('a copay collected at the visit leaves no balance', () => {
		const it = item(`
payer: Acme Health PPO
prior: $30.00
eob:
  - { service: Office visit, billed: $200.00, allowed: $120.00, copay: $30.00, paid: $90.00 }
post: [responsibility, balance, patient-refund]
`);
		expect(it.key).toEqual({ responsibility: 3000, balance: 0, 'patient-refund': 0 });
	});

	it('a zero-paid line: the whole allowed amount goes to the deductible', () => {
		const it = item(`
payer: Acme Health
eob:
  - { service: MRI, billed: '$1,400.00', allowed: $612.35, deductible: $612.35, paid: $0 }
post: [adjustment, paid, balance]
`);
		expect(it.key).toEqual({ adjustment: 78765, paid: 0, balance: 61235 });
	});

	it('a denied line is written off in full and adds nothing to the balance', () => {
		const it = item(`
payer: Acme Health
eob:
  - { service: Visit, billed: $180.00, allowed: $110.00, copay: $25.00, paid: $85.00 }
  - { service: Bundled test, billed: $45.00, allowed: $0.00, paid: $0.00, note: Bundled; not separately payable }
post: { lines: [adjustment], claim: [balance] }
`);
		expect(it.key).toEqual({
			'line1.adjustment': 7000,
			'line2.adjustment': 4500,
			balance: 2500
		});
		expect(it.post.map((f) => f.id)).toEqual(['line1.adjustment', 'line2.adjustment', 'balance']);
	});

	it('the patient paid more than they owe: a refund due to the patient, balance zero', () => {
		const it = item(`
payer: Acme Health
prior: $50.00
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }
post: [balance, patient-refund]
`);
		expect(it.key).toEqual({ balance: 0, 'patient-refund': 3000 });
	});

	it('the payer paid more than allowed less the patient share: a refund due to the payer', () => {
		const it = item(`
payer: Acme Health
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $100.00, overpaid: true }
post: [payer-refund, balance]
`);
		expect(it.key).toEqual({ 'payer-refund': 2000, balance: 2000 });
		const led = ledger(it);
		expect(led.paid).toBe(10000);
		expect(led.primaryOverpayment).toBe(2000);
	});

	it('a non-covered charge the patient agreed to pay is theirs, not a write-off', () => {
		const it = item(`
payer: Medicare Part B
eob:
  - { service: Visit, billed: $180.00, allowed: $112.00, coinsurance: $22.40, paid: $89.60 }
  - { service: Screening beyond the frequency limit (GA), billed: $75.00, allowed: $0.00, noncovered: $75.00, paid: $0.00 }
post: { lines: [adjustment, responsibility, paid], claim: [adjustment, responsibility, balance] }
`);
		expect(it.key).toEqual({
			'line1.adjustment': 6800,
			'line1.responsibility': 2240,
			'line1.paid': 8960,
			'line2.adjustment': 0,
			'line2.responsibility': 7500,
			'line2.paid': 0,
			adjustment: 6800,
			responsibility: 9740,
			balance: 9740
		});
		const line2 = it.post.find((f) => f.id === 'line2.adjustment')!;
		expect(working(it, line2)).toBe(
			'billed $75.00 - allowed $0.00 - not covered (patient pays) $75.00 = contractual adjustment $0.00'
		);
	});

	it('adds many lines of odd cents exactly', () => {
		const lines = Array.from(
			{ length: 7 },
			() =>
				'  - { service: Unit, billed: $19.99, allowed: $10.01, coinsurance: $2.00, paid: $8.01 }'
		).join('\n');
		const it = item(`payer: P\neob:\n${lines}\npost: [adjustment, responsibility, paid]\n`);
		expect(it.key).toEqual({ adjustment: 6986, responsibility: 1400, paid: 5607 });
	});
});

describe('ledger: secondary payers', () => {
	it('a Medigap plan that covers deductible and coinsurance leaves nothing', () => {
		const it = item(`
payer: Medicare Part B
eob:
  - { service: Visit, billed: $300.00, allowed: $250.00, deductible: $100.00, coinsurance: $30.00, paid: $120.00 }
secondary: { payer: Medigap, rule: covers, covers: [deductible, coinsurance] }
post: [secondary, balance]
`);
		expect(it.key).toEqual({ secondary: 13000, balance: 0 });
	});

	it('a plan that covers only the coinsurance leaves the deductible to the patient', () => {
		const it = item(`
payer: Medicare Part B
eob:
  - { service: Visit, billed: $300.00, allowed: $250.00, deductible: $100.00, coinsurance: $30.00, paid: $120.00 }
secondary: { payer: Medigap, rule: covers, covers: [coinsurance] }
post: [secondary, balance]
`);
		expect(it.key).toEqual({ secondary: 3000, balance: 10000 });
	});

	it('a Medicaid crossover pays its rate less Medicare and the rest is written off', () => {
		const it = item(`
payer: Medicare Part B
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }
secondary: { payer: State Medicaid, rule: allowed-less-primary, allowed: $85.00, writeoff: true }
post: [secondary, writeoff, balance]
`);
		expect(it.key).toEqual({ secondary: 500, writeoff: 1500, balance: 0 });
	});

	it('a Medicaid rate below what Medicare paid: nothing more is paid and nothing billed', () => {
		const it = item(`
payer: Medicare Part B
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }
secondary: { payer: State Medicaid, rule: allowed-less-primary, allowed: $72.50, writeoff: true }
post: [secondary, writeoff, balance]
`);
		expect(it.key).toEqual({ secondary: 0, writeoff: 2000, balance: 0 });
	});

	it('a secondary rate above the responsibility pays only the responsibility', () => {
		const it = item(`
payer: Acme Health
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }
secondary: { payer: Beta Plan, rule: allowed-less-primary, allowed: $130.00 }
post: [secondary, balance]
`);
		expect(it.key).toEqual({ secondary: 2000, balance: 0 });
	});

	it('standard COB: the lesser of the normal benefit and what is left', () => {
		const it = item(`
payer: Acme Health
eob:
  - { service: Surgery, billed: $900.00, allowed: $600.00, deductible: $250.00, coinsurance: $70.00, paid: $280.00 }
secondary: { payer: Beta Plan, rule: cob, allowed: $500.00, percent: 80, deductible: $200.00 }
post: [responsibility, secondary, balance]
`);
		// Normal benefit 80% x ($500 - $200) = $240.00; responsibility $320.00.
		expect(it.key).toEqual({ responsibility: 32000, secondary: 24000, balance: 8000 });
	});

	it('standard COB rounds the benefit half up to the cent', () => {
		const it = item(`
payer: Acme Health
eob:
  - { service: Visit, billed: $200.00, allowed: $150.00, deductible: $150.00, paid: $0.00 }
secondary: { payer: Beta Plan, rule: cob, allowed: $92.43, percent: 80 }
post: [secondary, balance]
`);
		// 80% of $92.43 = $73.944 -> $73.94.
		expect(it.key).toEqual({ secondary: 7394, balance: 7606 });
	});

	it('a secondary that paid more than the responsibility owes the excess back', () => {
		const it = item(`
payer: Acme Health
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }
secondary: { payer: Beta Plan, rule: stated, paid: $35.00 }
post: [secondary, payer-refund, balance]
`);
		expect(it.key).toEqual({ secondary: 2000, 'payer-refund': 1500, balance: 0 });
	});

	it('a copay collected at the visit and a secondary that pays the coinsurance', () => {
		const it = item(`
payer: Acme Health
prior: $15.00
eob:
  - { service: Visit, billed: $220.00, allowed: $160.00, coinsurance: $29.00, copay: $15.00, paid: $116.00 }
secondary: { payer: Beta Plan, rule: covers, covers: [coinsurance] }
post: [secondary, balance, patient-refund]
`);
		expect(it.key).toEqual({ secondary: 2900, balance: 0, 'patient-refund': 0 });
	});
});

describe('ledger invariants', () => {
	const cents = fc.integer({ min: 0, max: 500_000 });
	it('every dollar billed is paid, adjusted, written off, owed, refunded or collected', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(cents, cents, cents, cents, cents), { minLength: 1, maxLength: 5 }),
				cents,
				fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
				cents,
				fc.boolean(),
				(rows, prior, percent, secAllowed, writeoff) => {
					const lines = rows.map(([a, b, c, d, e]) => {
						// billed >= allowed >= shares, and paid = allowed - shares.
						const [deductible, coinsurance, copay] = [a, b, c];
						const allowed = a + b + c + d;
						return {
							service: 'x',
							date: '',
							billed: allowed + e,
							allowed,
							deductible,
							coinsurance,
							copay,
							other: 0,
							noncovered: 0,
							paid: d,
							note: '',
							overpaid: false
						};
					});
					const secondary =
						percent === undefined
							? undefined
							: {
									payer: 'S',
									rule: 'cob' as const,
									allowed: secAllowed,
									percent,
									deductible: 0,
									writeoff
								};
					const led = ledger({ lines, prior, secondary });
					expect(led.billed).toBe(led.adjustment + led.paid + led.responsibility);
					expect(led.responsibility).toBe(led.secondary + led.writeoff + led.owes);
					expect(led.owes - led.prior).toBe(led.balance - led.patientRefund);
					expect(Math.min(led.balance, led.patientRefund)).toBe(0);
					for (const v of [led.secondary, led.writeoff, led.balance, led.patientRefund])
						expect(v).toBeGreaterThanOrEqual(0);
				}
			)
		);
	});
});

describe('working: the computation in one line', () => {
	const it1 = item(`
payer: Acme Health
prior: $20.00
eob:
  - { service: Visit, billed: $120.00, allowed: $80.00, coinsurance: $16.00, paid: $64.00 }
post: { lines: [adjustment, responsibility, paid], claim: [balance, patient-refund, payer-refund] }
`);
	const field = (id: string) => it1.post.find((f) => f.id === id)!;

	it('shows each amount from its parts', () => {
		expect(working(it1, field('line1.adjustment'))).toBe(
			'billed $120.00 - allowed $80.00 = contractual adjustment $40.00'
		);
		expect(working(it1, field('line1.responsibility'))).toBe(
			'coinsurance $16.00 = patient responsibility $16.00'
		);
		expect(working(it1, field('line1.paid'))).toBe(
			'allowed $80.00 - patient responsibility $16.00 = payment $64.00'
		);
		expect(working(it1, field('balance'))).toBe(
			'patient responsibility $16.00 - paid by the patient already $20.00 = -$4.00, a credit: patient balance $0.00'
		);
		expect(working(it1, field('patient-refund'))).toBe(
			'patient responsibility $16.00 - paid by the patient already $20.00 = -$4.00, a credit: refund due to the patient $4.00'
		);
		expect(working(it1, field('payer-refund'))).toBe(
			'no payer paid more than it owed: refund due to the payer $0.00'
		);
	});

	it('explains a Medicaid crossover', () => {
		const it = item(`
payer: Medicare Part B
eob:
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }
secondary: { payer: State Medicaid, rule: allowed-less-primary, allowed: $85.00, writeoff: true }
post: [secondary, writeoff, balance]
`);
		const [sec, off, bal] = it.post;
		expect(working(it, sec!)).toBe(
			'the lesser of patient responsibility $20.00 and (secondary allowed $85.00 - primary paid $80.00 = $5.00) = secondary payment $5.00'
		);
		expect(working(it, off!)).toBe(
			'patient responsibility $20.00 - secondary payment $5.00 = write-off $15.00 (the patient may not be billed for it)'
		);
		expect(working(it, bal!)).toBe(
			'patient responsibility $20.00 - secondary payment $5.00 - write-off $15.00 = patient balance $0.00'
		);
	});
});
