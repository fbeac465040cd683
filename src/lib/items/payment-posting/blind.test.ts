import { describe, expect, it } from 'vitest';
import { blindText } from './blind';
import { item } from './fixtures';
import { gradePosting, readPosting } from './grade';

const ITEM = item(`
payer: Medicare Part B
prior: $20.00
eob:
  - { service: Office visit (99213), date: 03/04/2027, billed: $120.00, allowed: $80.00, coinsurance: $16.00, paid: $64.00 }
  - { service: Flu shot | admin, billed: $40.00, allowed: $0.00, paid: $0.00, note: Bundled }
hide: [paid]
secondary: { payer: State Medicaid, rule: allowed-less-primary, allowed: $70.00, writeoff: true }
post: { lines: [adjustment], claim: [secondary, balance, patient-refund] }
`);

describe('blindText', () => {
	const text = blindText(ITEM);

	it('shows what the learner sees: the table, the facts and the fields', () => {
		expect(text).toContain('A fictional claim.');
		expect(text).toContain('### Explanation of benefits (EOB): Medicare Part B');
		expect(text).toContain(
			'| 1 | Office visit (99213) | 03/04/2027 | $120.00 | $80.00 | $0.00 | $16.00 | $0.00 | ? |  |'
		);
		expect(text).toContain(
			'| 2 | Flu shot \\| admin |  | $40.00 | $0.00 | $0.00 | $0.00 | $0.00 | ? | Bundled |'
		);
		expect(text).toContain(
			'| Claim total |  |  | $160.00 | $80.00 | $0.00 | $16.00 | $0.00 | ? |  |'
		);
		expect(text).toContain('### Secondary payer: State Medicaid');
		expect(text).toContain('The patient paid $20.00 toward this claim');
		expect(text).toContain('- `line2.adjustment`: Line 2: contractual adjustment');
		expect(text).toContain('- `patient-refund`: Refund due to the patient');
	});

	it('holds no key and no rationale', () => {
		expect(text).not.toContain('Why.');
		// The secondary's payment, $6.00 (the lesser of $16.00 and $70.00 - $64.00), is nowhere.
		expect(ITEM.key.secondary).toBe(600);
		expect(text).not.toContain('$6.00');
		expect(text).not.toContain('"key"');
	});

	it('ends with a JSON example the grader reads', () => {
		const json = /```json\n(.+)\n```\n$/.exec(text)?.[1];
		expect(json).toBeDefined();
		const r = readPosting(JSON.parse(json!));
		expect(r).toBeDefined();
		expect(Object.keys(r!.posting)).toEqual(ITEM.post.map((f) => f.id));
		expect(gradePosting(ITEM, r!).possible).toBe(5);
	});
});
