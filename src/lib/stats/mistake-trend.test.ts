import { describe, expect, it } from 'vitest';
import { chartRows, KIND_TEXT, mistakeTrend, periodStarts } from './mistake-trend';
import { MISTAKE_KINDS, type DayTotal } from './types';

const DAY = 86_400_000;
/** Local day number of a calendar date. */
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;

function row(day: number, mistakes: DayTotal['mistakes'], section = 'icd10cm'): DayTotal {
	return {
		key: `${day}|cpc|${section}`,
		day,
		bankId: 'cpc',
		section,
		attempts: 1,
		correct: 0,
		scoreSum: 0,
		timeMs: 0,
		practice: 1,
		drill: 0,
		exam: 0,
		timeBins: [],
		mistakes
	};
}

// Wednesday, 2 December 2026.
const TODAY = dayOf(2026, 12, 2);

describe('periodStarts', () => {
	it('gives weeks starting on Monday, ending with the week of today', () => {
		expect(periodStarts('week', TODAY, 3)).toEqual([
			dayOf(2026, 11, 16),
			dayOf(2026, 11, 23),
			dayOf(2026, 11, 30)
		]);
		// A Monday starts its own week; a Sunday belongs to the week before.
		expect(periodStarts('week', dayOf(2026, 11, 30), 1)).toEqual([dayOf(2026, 11, 30)]);
		expect(periodStarts('week', dayOf(2026, 11, 29), 1)).toEqual([dayOf(2026, 11, 23)]);
	});

	it('gives calendar months across a new year', () => {
		expect(periodStarts('month', dayOf(2027, 1, 15), 3)).toEqual([
			dayOf(2026, 11, 1),
			dayOf(2026, 12, 1),
			dayOf(2027, 1, 1)
		]);
	});
});

describe('mistakeTrend', () => {
	it('sums every section and day of a period, and ranks kinds by their share', () => {
		const trend = mistakeTrend(
			[
				row(dayOf(2026, 11, 23), { laterality: 2, missing: 1 }),
				row(dayOf(2026, 11, 29), { laterality: 1 }, 'surgery'),
				row(dayOf(2026, 11, 30), { specificity: 3, missing: 1 }),
				row(dayOf(2026, 12, 2), { laterality: 1, extra: 1 })
			],
			'week',
			TODAY,
			2
		);
		expect(trend.buckets.map((b) => [b.label, b.total])).toEqual([
			['Nov 23', 4],
			['Nov 30', 6]
		]);
		expect(trend.buckets[0]!.counts).toMatchObject({ laterality: 3, missing: 1, specificity: 0 });
		expect(trend.buckets[1]!.counts).toMatchObject({ laterality: 1, specificity: 3, extra: 1 });
		expect(trend.total).toBe(10);
		expect(trend.kinds).toEqual([
			{ kind: 'laterality', count: 4, share: 0.4 },
			{ kind: 'specificity', count: 3, share: 0.3 },
			{ kind: 'missing', count: 2, share: 0.2 },
			{ kind: 'extra', count: 1, share: 0.1 }
		]);
	});

	it('leaves out days before the range and after today, and keeps empty periods', () => {
		const trend = mistakeTrend(
			[
				row(dayOf(2026, 9, 30), { header: 5 }),
				row(dayOf(2026, 10, 1), { header: 1 }),
				row(dayOf(2026, 12, 3), { header: 7 })
			],
			'month',
			TODAY,
			3
		);
		expect(trend.buckets.map((b) => [b.label, b.total])).toEqual([
			['Oct 2026', 1],
			['Nov 2026', 0],
			['Dec 2026', 0]
		]);
		expect(trend.kinds).toEqual([{ kind: 'header', count: 1, share: 1 }]);
	});

	it('has no kinds and a zero total with no mistakes at all', () => {
		const trend = mistakeTrend([row(TODAY, {})], 'week', TODAY, 1);
		expect(trend).toMatchObject({ kinds: [], total: 0 });
		expect(trend.buckets).toHaveLength(1);
	});
});

describe('chartRows', () => {
	it('keeps the top kinds as series and sums the rest as other', () => {
		const trend = mistakeTrend(
			[
				row(dayOf(2026, 11, 24), { laterality: 3, missing: 2, extra: 1 }),
				row(dayOf(2026, 12, 1), { missing: 1, units: 4 })
			],
			'week',
			TODAY,
			2
		);
		expect(chartRows(trend, 2)).toEqual({
			keys: ['units', 'laterality'],
			rows: [
				{ label: 'Nov 23', units: 0, laterality: 3, other: 3 },
				{ label: 'Nov 30', units: 4, laterality: 0, other: 1 }
			]
		});
	});
});

describe('KIND_TEXT', () => {
	it('names and explains every kind, in a sentence', () => {
		for (const kind of MISTAKE_KINDS) {
			expect(KIND_TEXT[kind].name).not.toBe('');
			expect(KIND_TEXT[kind].explain).toMatch(/^[A-Z].*\.$/);
		}
	});
});
