import { describe, expect, it } from 'vitest';
import {
	codesOf,
	ELEMENTS,
	levelForMdm,
	levelForTime,
	mdmOf,
	RATINGS,
	SETTING_TABLE,
	SETTINGS,
	timeRange,
	type Grid
} from './levels.ts';

describe('mdmOf: two of three elements meet or exceed the level', () => {
	it('is the middle rating of the three, for every grid', () => {
		for (const problems of RATINGS)
			for (const data of RATINGS)
				for (const risk of RATINGS) {
					const grid: Grid = { problems, data, risk };
					const mdm = mdmOf(grid);
					const atLeast = (r: (typeof RATINGS)[number]) =>
						ELEMENTS.filter((e) => RATINGS.indexOf(grid[e]) >= RATINGS.indexOf(r)).length;
					// Two elements reach it, and two do not reach the next step.
					expect(atLeast(mdm)).toBeGreaterThanOrEqual(2);
					const next = RATINGS[RATINGS.indexOf(mdm) + 1];
					if (next) expect(atLeast(next)).toBeLessThan(2);
				}
	});

	it('examples', () => {
		expect(mdmOf({ problems: 'high', data: 'minimal', risk: 'moderate' })).toBe('moderate');
		expect(mdmOf({ problems: 'moderate', data: 'low', risk: 'low' })).toBe('low');
		expect(mdmOf({ problems: 'high', data: 'high', risk: 'minimal' })).toBe('high');
		expect(mdmOf({ problems: 'low', data: 'minimal', risk: 'minimal' })).toBe('minimal');
	});
});

describe('levelForMdm', () => {
	it('office: 99202-99205 and 99212-99215 (99211 is never selected by MDM)', () => {
		expect(RATINGS.map((r) => levelForMdm('office-new', r))).toEqual([
			'99202',
			'99203',
			'99204',
			'99205'
		]);
		expect(RATINGS.map((r) => levelForMdm('office-established', r))).toEqual([
			'99212',
			'99213',
			'99214',
			'99215'
		]);
	});

	it('hospital: straightforward and low share the lowest code', () => {
		expect(RATINGS.map((r) => levelForMdm('hospital-initial', r))).toEqual([
			'99221',
			'99221',
			'99222',
			'99223'
		]);
		expect(RATINGS.map((r) => levelForMdm('hospital-subsequent', r))).toEqual([
			'99231',
			'99231',
			'99232',
			'99233'
		]);
	});

	it('ED: 99282-99285; consultations 99242-99245 and 99252-99255', () => {
		expect(RATINGS.map((r) => levelForMdm('emergency', r))).toEqual([
			'99282',
			'99283',
			'99284',
			'99285'
		]);
		expect(RATINGS.map((r) => levelForMdm('consult-office', r))).toEqual([
			'99242',
			'99243',
			'99244',
			'99245'
		]);
		expect(RATINGS.map((r) => levelForMdm('consult-hospital', r))).toEqual([
			'99252',
			'99253',
			'99254',
			'99255'
		]);
	});

	it('discharge codes are not selected by MDM', () => {
		expect(levelForMdm('hospital-discharge', 'high')).toBeUndefined();
	});
});

describe('levelForTime: the threshold is met or exceeded', () => {
	const at = (s: Parameters<typeof levelForTime>[0], ...mins: number[]) =>
		mins.map((m) => levelForTime(s, m));

	it('office, new patient: 15, 30, 45, 60; none under 15 or from 75 (prolonged)', () => {
		expect(at('office-new', 14, 15, 29, 30, 44, 45, 59, 60, 74, 75)).toEqual([
			undefined,
			'99202',
			'99202',
			'99203',
			'99203',
			'99204',
			'99204',
			'99205',
			'99205',
			undefined
		]);
	});

	it('office, established: 10, 20, 30, 40; 99211 has no time; none from 55', () => {
		expect(at('office-established', 9, 10, 19, 20, 29, 30, 39, 40, 54, 55)).toEqual([
			undefined,
			'99212',
			'99212',
			'99213',
			'99213',
			'99214',
			'99214',
			'99215',
			'99215',
			undefined
		]);
	});

	it('hospital initial 40, 55, 75; subsequent 25, 35, 50', () => {
		expect(at('hospital-initial', 39, 40, 54, 55, 74, 75, 89, 90)).toEqual([
			undefined,
			'99221',
			'99221',
			'99222',
			'99222',
			'99223',
			'99223',
			undefined
		]);
		expect(at('hospital-subsequent', 24, 25, 34, 35, 49, 50, 64, 65)).toEqual([
			undefined,
			'99231',
			'99231',
			'99232',
			'99232',
			'99233',
			'99233',
			undefined
		]);
	});

	it('discharge: 30 minutes or less, or more than 30', () => {
		expect(at('hospital-discharge', 10, 30, 31, 50)).toEqual(['99238', '99238', '99239', '99239']);
	});

	it('the ED cannot be levelled by time', () => {
		expect(levelForTime('emergency', 45)).toBeUndefined();
		expect(timeRange('emergency')).toBeUndefined();
	});

	it('consultations: office 20, 30, 40, 55; inpatient 35, 45, 60, 80', () => {
		expect(at('consult-office', 19, 20, 30, 40, 55, 69, 70)).toEqual([
			undefined,
			'99242',
			'99243',
			'99244',
			'99245',
			'99245',
			undefined
		]);
		expect(at('consult-hospital', 34, 35, 45, 60, 80, 94, 95)).toEqual([
			undefined,
			'99252',
			'99253',
			'99254',
			'99255',
			'99255',
			undefined
		]);
	});
});

describe('the tables', () => {
	it('every setting lists increasing codes and thresholds; prolonged starts 15 past the top', () => {
		for (const s of SETTINGS) {
			const info = SETTING_TABLE[s];
			const codes = codesOf(s);
			expect([...codes].sort()).toEqual(codes);
			const mins = info.levels.flatMap((l) => (l.minutes === undefined ? [] : [l.minutes]));
			expect([...mins].sort((a, b) => a - b)).toEqual(mins);
			if (info.prolongedFrom !== undefined) expect(info.prolongedFrom).toBe(Math.max(...mins) + 15);
			expect(info.methods.includes('time')).toBe(mins.length > 0);
			expect(info.methods.includes('mdm')).toBe(info.levels.some((l) => l.mdm !== undefined));
			expect(codes.length).toBeLessThanOrEqual(5);
		}
	});
});
