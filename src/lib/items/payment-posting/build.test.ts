import { describe, expect, it } from 'vitest';
import { build } from './fixtures';

const LINE =
	'  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00 }';

/** The problems of a front matter (line numbers count the file's `---` as line 1). */
const problems = (yaml: string) => build(yaml).problems;

describe('building a payment-posting item', () => {
	it('builds a sound item without a problem', () => {
		const { item, problems } = build(`payer: Medicare Part B
remit: ERA
eob:
  - service: Office visit (99213)
    date: 03/04/2027
    billed: 150
    allowed: 92.40
    coinsurance: $18.48
    paid: $73.92
    note: Coinsurance is the patient's share
hide: [paid]
prior: $10
post: [adjustment, balance]
`);
		expect(problems).toEqual([]);
		expect(item.remit).toBe('ERA');
		expect(item.lines[0]).toEqual({
			service: 'Office visit (99213)',
			date: '03/04/2027',
			billed: 15000,
			allowed: 9240,
			deductible: 0,
			coinsurance: 1848,
			copay: 0,
			other: 0,
			noncovered: 0,
			paid: 7392,
			note: "Coinsurance is the patient's share",
			overpaid: false
		});
		expect(item.hidden).toEqual(['paid']);
		expect(item.prior).toBe(1000);
		expect(item.key).toEqual({ adjustment: 5760, balance: 848 });
	});

	it('reads an amount as written, so 92.10 is not 92.1 dollars misread', () => {
		const { item } = build(`payer: P
eob:
  - { service: V, billed: 100.10, allowed: 92.10, paid: 92.10 }
post: [adjustment]
`);
		expect(item.key).toEqual({ adjustment: 800 });
	});

	it('refuses an EOB line that does not add up, naming the line', () => {
		expect(
			problems(`payer: P
eob:
${LINE}
  - { service: Visit, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $79.99 }
post: [balance]
`)
		).toEqual([
			'5: line 2 does not add up: allowed $100.00 - deductible $0.00 - coinsurance $20.00 - copay $0.00 = $80.00, but paid is $79.99'
		]);
	});

	it('refuses a paid amount above what adds up unless the line is marked overpaid', () => {
		const over =
			'  - { service: V, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $100.00 }';
		expect(problems(`payer: P\neob:\n${over}\npost: [payer-refund]\n`)[0]).toMatch(
			/line 1 does not add up: .* but paid is \$100.00 \(if the payer overpaid, say overpaid: true\)/
		);
		expect(
			problems(
				`payer: P\neob:\n${over.replace(' }', ', overpaid: true }')}\npost: [payer-refund]\n`
			)
		).toEqual([]);
		expect(
			problems(`payer: P\neob:\n${LINE.replace(' }', ', overpaid: true }')}\npost: [balance]\n`)
		).toEqual([
			'4: line 1 is marked overpaid, but paid $80.00 is not more than allowed $100.00 - deductible $0.00 - coinsurance $20.00 - copay $0.00 = $80.00'
		]);
	});

	it('refuses allowed above billed, and shares above allowed', () => {
		expect(
			problems(`payer: P
eob:
  - { service: V, billed: $90.00, allowed: $100.00, paid: $100.00 }
  - { service: V, billed: $90.00, allowed: $50.00, deductible: $40.00, copay: $20.00, paid: $0 }
post: [balance]
`)
		).toEqual([
			'4: line 1: allowed $100.00 is more than billed $90.00',
			'5: line 2: deductible + coinsurance + copay + other = $60.00, more than allowed $50.00'
		]);
	});

	it('refuses a non-covered charge that with the allowed amount exceeds billed', () => {
		expect(
			problems(`payer: P
eob:
  - { service: V, billed: $90.00, allowed: $20.00, noncovered: $75.00, paid: $20.00 }
post: [balance]
`)
		).toEqual(['4: line 1: allowed $20.00 + noncovered $75.00 is more than billed $90.00']);
	});

	it('refuses amounts that are not dollars and cents', () => {
		const out = problems(`payer: P
prior: -5
eob:
  - { service: V, billed: $90.001, allowed: ninety, paid: $0 }
post: [balance]
`);
		expect(out).toContain(
			'3: prior must be an amount in dollars and cents such as $80.00, not "-5"'
		);
		expect(out).toContain(
			'5: billed must be an amount in dollars and cents such as $80.00, not "$90.001"'
		);
		expect(out).toContain(
			'5: allowed must be an amount in dollars and cents such as $80.00, not "ninety"'
		);
	});

	it('says why a comma in a flow mapping broke an amount', () => {
		expect(
			problems(`payer: P
eob:
  - { service: V, billed: $1,400.00, allowed: $100.00, paid: $100.00 }
post: [adjustment]
`)
		).toContain(
			`4: "400" reads as a field: inside { } an amount with a comma must be quoted ('$1,400.00')`
		);
	});

	it('requires the payer, lines, and the amounts to post', () => {
		expect(problems('post: [balance]\n')).toEqual([
			'2: payer must be some text',
			'2: eob must list at least one service line'
		]);
		expect(problems(`payer: P\neob:\n${LINE}\n`)).toEqual([
			'2: post must list the amounts to post, e.g. [adjustment, balance]'
		]);
		expect(problems(`payer: P\neob:\n${LINE}\npost: []\n`)).toEqual(['5: post lists no amounts']);
	});

	it('refuses unknown fields, unknown post fields and a claim-only field per line', () => {
		expect(
			problems(`payer: P
eob:
  - { service: V, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00, coins: $1 }
post:
  lines: [adjustment, balance]
  claim: [balance, balance, tip]
  total: [paid]
`)
		).toEqual([
			'4: unknown field "coins" in an EOB line (use service, date, billed, allowed, deductible, coinsurance, copay, other, noncovered, paid, note, overpaid)',
			'6: "balance" is not one of adjustment, responsibility, paid',
			'7: "balance" is listed twice',
			'7: "tip" is not one of adjustment, responsibility, paid, secondary, writeoff, balance, patient-refund, payer-refund',
			'8: unknown field "total" in post (use lines, claim)'
		]);
	});

	it('asks for a secondary payer before a secondary amount is posted', () => {
		expect(problems(`payer: P\neob:\n${LINE}\npost: [secondary, writeoff]\n`)).toEqual([
			'5: post asks for secondary, but the item has no secondary payer',
			'5: post asks for writeoff, but the item has no secondary payer'
		]);
	});

	it('checks each secondary rule for its own fields', () => {
		const sec = (s: string) =>
			problems(`payer: P\neob:\n${LINE}\nsecondary: ${s}\npost: [secondary]\n`);
		expect(sec('{ payer: M, rule: covers, covers: [coinsurance] }')).toEqual([]);
		expect(sec('{ payer: M, rule: covers, covers: [coins] }')).toEqual([
			'5: covers must list some of deductible, coinsurance, copay, other, noncovered'
		]);
		expect(sec('{ payer: M, rule: covers, covers: [copay, copay] }')).toEqual([
			'5: covers lists a share twice'
		]);
		expect(sec('{ payer: M, rule: pays-all }')).toEqual([
			'5: rule must be one of covers, allowed-less-primary, cob, stated'
		]);
		expect(sec('{ payer: M, rule: cob, allowed: $90.00, percent: 80.5 }')).toEqual([
			'5: percent must be a whole number from 1 to 100'
		]);
		expect(sec('{ payer: M, rule: stated, paid: $5.00, allowed: $5.00 }')).toEqual([
			'5: "allowed" does not belong to a "stated" secondary (use payer, rule, writeoff, paid)'
		]);
		expect(sec('{ payer: M, rule: stated, paid: $25.00 }')).toEqual([
			'5: the secondary paid $5.00 more than the patient responsibility: post payer-refund'
		]);
		expect(sec('{ rule: allowed-less-primary, allowed: $5.00, writeoff: yes }')).toEqual([
			'5: writeoff must be true or false',
			'5: payer must be some text'
		]);
	});

	it('keeps an overpaid line and a secondary payer apart', () => {
		expect(
			problems(`payer: P
eob:
  - { service: V, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $90.00, overpaid: true }
secondary: { payer: M, rule: covers, covers: [coinsurance] }
post: [secondary]
`)
		).toEqual([
			'5: an item with an overpaid line cannot have a secondary payer (keep each lesson to one thing)'
		]);
	});

	it('refuses a hidden column that is not one, and codes that do not exist', () => {
		expect(
			problems(`payer: P
eob:
  - { service: Injection J9999 for E11.99, billed: $140.00, allowed: $100.00, coinsurance: $20.00, paid: $80.00, note: J1100 and E11 are fine }
hide: [billed]
post: [balance]
`)
		).toEqual([
			'4: ICD-10-CM code E11.99 does not exist in FY2027',
			'4: HCPCS Level II code J9999 does not exist',
			'5: "billed" is not a column that can be hidden (allowed, deductible, coinsurance, copay, paid)'
		]);
	});
});
