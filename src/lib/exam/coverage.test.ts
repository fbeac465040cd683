import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import type { Item } from '../content/types';
import { assemble } from './assemble';
import { countItems, coverageReport, maxDrawable, presetCoverage } from './coverage';
import { PRESETS, type Preset } from './presets';

/** Area `both` draws from sections x and y; area `y` only from y, after it. */
const SHARED: Preset = {
	...PRESETS[0]!,
	id: 'T',
	tag: 'CPC',
	title: 'Test',
	items: 2,
	blueprint: [
		{ id: 'both', title: 'Both', count: 1, sections: ['cpc/x', 'cpc/y'] },
		{ id: 'y', title: 'Y only', count: 1, sections: ['cpc/y'] }
	]
};

const items = (...ids: string[]): Item[] => ids.map((id) => makeItem(id, id.replace(/\d+$/, '')));

describe('countItems', () => {
	it('counts by bank, bank section, type, difficulty and each exam an item is tagged for', () => {
		const c = countItems([
			makeItem('a', 'em'),
			makeItem('b', 'em', 'flashcard', ['CPC', 'CCA']),
			{ ...makeItem('c', 'icd10cm'), bankId: 'foundations', difficulty: 3 }
		]);
		expect(c).toEqual({
			bank: { cpc: 2, foundations: 1 },
			section: { 'cpc/em': 2, 'foundations/icd10cm': 1 },
			type: { 'single-best-answer': 2, flashcard: 1 },
			difficulty: { '2': 2, '3': 1 },
			exam: { CPC: 3, CCA: 1 }
		});
	});
});

describe('maxDrawable', () => {
	it('finds the assignment a greedy by area order can miss, and assemble draws it', () => {
		const pool = items('x1', 'y1');
		// A plain draw in area order gives y1 to `both` for some seeds and leaves `y` empty; the
		// matching moves `both` to x1 instead, whatever the seed.
		const drawn = new Set(
			Array.from({ length: 40 }, (_, s) => assemble(SHARED, pool, s).itemIds.length)
		);
		expect(drawn).toEqual(new Set([2]));
		expect(maxDrawable(SHARED, pool)).toBe(2);
	});

	it('counts an item eligible for two areas once', () => {
		expect(maxDrawable(SHARED, items('y1'))).toBe(1);
		expect(maxDrawable(SHARED, items('y1', 'y2', 'y3'), 2)).toBe(3);
	});
});

describe('presetCoverage', () => {
	it('reports zero short and two disjoint exams when twice the blueprint fits', () => {
		const c = presetCoverage(SHARED, items('x1', 'x2', 'y1', 'y2'));
		expect(c).toMatchObject({ needed: 2, missingAtBest: 0, twoDisjoint: true });
	});

	it('says one exam fits but not two disjoint ones, and names the short area', () => {
		expect(presetCoverage(SHARED, items('x1', 'y1', 'y2'))).toMatchObject({
			missingAtBest: 0,
			twoDisjoint: false
		});
		const c = presetCoverage(SHARED, items('x1', 'x2'));
		expect(c).toMatchObject({ missing: 1, missingAtBest: 1, twoDisjoint: false });
		expect(c.shortfalls).toEqual([{ areaId: 'y', title: 'Y only', needed: 1, available: 0 }]);
	});

	it("draws only items of the sections' banks, the exam tag and the item types", () => {
		const wrong = [
			{ ...makeItem('y1', 'y'), bankId: 'foundations' },
			makeItem('y2', 'y', 'single-best-answer', ['CCA']),
			makeItem('y3', 'y', 'flashcard')
		];
		expect(maxDrawable(SHARED, wrong)).toBe(0);
	});
});

describe('coverageReport', () => {
	it('prints the counts, each preset short by area and the two-exam answer', () => {
		const text = coverageReport(items('x1', 'x2'), [SHARED]);
		expect(text).toContain('2 item(s)');
		expect(text).toContain('By section (bank/section):\n  cpc/x      2');
		expect(text).toContain(
			'  Test: needs 2, short 1; two disjoint exams: no\n    Y only: needs 1, has 0 (1 short)'
		);
	});
});
