/**
 * The billing kinds in the simulations, over the shipped banks: CPB and CBCS draw every one of
 * them (issue 15), and the presets that stay multiple choice draw none.
 */
import { describe, expect, it } from 'vitest';
import { checkBanks } from '../../../scripts/lib/banks';
import { assemble, eligible } from './assemble';
import { PRESETS } from './presets';

const BILLING = ['em-level', 'claim-scrub', 'denial', 'payment-posting'];
const { banks } = checkBanks();
const items = banks.flatMap((b) => b.items.map((i) => ({ ...i, bankId: b.id })));
const typeOf = new Map(items.map((i) => [i.id, i.type as string]));

function kindsEligible(presetId: string): Set<string> {
	const preset = PRESETS.find((p) => p.id === presetId)!;
	return new Set(preset.blueprint.flatMap((a) => eligible(preset, a, items).map((i) => i.type)));
}

describe('billing kinds in the exam presets', () => {
	it.each(['CPB', 'CBCS'])('%s may draw every billing kind, and one draw holds some', (id) => {
		expect([...kindsEligible(id)].filter((t) => BILLING.includes(t)).sort()).toEqual(
			[...BILLING].sort()
		);
		const preset = PRESETS.find((p) => p.id === id)!;
		const drawn = assemble(preset, items, 7).itemIds.map((i) => typeOf.get(i));
		expect(drawn.filter((t) => BILLING.includes(t!)).length).toBeGreaterThan(0);
	});

	it('the other presets draw none (their real exams are multiple choice or record cases)', () => {
		for (const p of PRESETS.filter((x) => x.id !== 'CPB' && x.id !== 'CBCS'))
			expect(
				[...kindsEligible(p.id)].filter((t) => BILLING.includes(t)),
				p.id
			).toEqual([]);
	});
});
