import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../../tests/factories/item';
import type { DayTotal, MistakeExample, MistakeKind } from '$lib/stats/types';
import MistakeKinds from './MistakeKinds.svelte';

const TODAY = Date.UTC(2026, 11, 2) / 86_400_000;

function day(offset: number, mistakes: DayTotal['mistakes']): DayTotal {
	const d = TODAY - offset;
	return {
		key: `${d}|cpc|icd10cm`,
		day: d,
		bankId: 'cpc',
		section: 'icd10cm',
		attempts: 3,
		correct: 0,
		scoreSum: 0,
		timeMs: 0,
		practice: 3,
		drill: 0,
		exam: 0,
		timeBins: [],
		mistakes
	};
}

function text(html: string): string {
	return html
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
}

describe('MistakeKinds', () => {
	it('lists kinds most common first, with their share, and the newest example of each', () => {
		const item = makeItem('ce-1', 'icd10cm', 'code-entry');
		const examples: Partial<Record<MistakeKind, MistakeExample>> = {
			laterality: {
				kind: 'laterality',
				given: 'S72.002A',
				expected: 'S72.001A',
				itemId: 'ce-1',
				at: 0
			},
			missing: { kind: 'missing', expected: 'I10', itemId: 'gone', at: 0 }
		};
		const { body } = render(MistakeKinds, {
			props: {
				days: [day(0, { laterality: 3 }), day(9, { missing: 1 })],
				examples,
				items: new Map([[item.id, item]]),
				today: TODAY
			}
		});
		const t = text(body);
		expect(t).toContain('4 wrong codes in the last 8 weeks');
		expect(t).toMatch(/Side Right, left or both mixed up: the code for the other side\. 3 75%/);
		expect(t).toMatch(/Missed code .* 1 25%/);
		expect(t).toContain('You gave S72.002A ; the key had S72.001A .');
		expect(t).toContain('An item no longer in the banks (gone) You left out I10 .');
		expect(body).toContain('href="/item?bank=cpc&amp;id=ce-1"');
	});

	it('says so when there are no wrong codes', () => {
		const { body } = render(MistakeKinds, {
			props: { days: [day(0, {})], examples: {}, items: new Map(), today: TODAY }
		});
		expect(text(body)).toContain('No wrong codes in the last 8 weeks.');
		expect(body).not.toContain('data-testid="kind-table"');
	});
});
