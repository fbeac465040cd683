/**
 * The shipped `em-level` items, built the way the bank validator builds them: every key follows
 * from its grid or its minutes, and the set covers what the kind is for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blindText } from './blind.ts';
import { levelForTime, SETTING_TABLE } from './levels.ts';
import { buildFromText } from './test-checker.ts';
import type { EmLevelItem } from './types.ts';

const DIR = 'question-banks/billing';
const files = readdirSync(DIR).filter((f) => /^bil-em-\d{4}\.md$/.test(f));
const built = files.map((f) => ({ f, ...buildFromText(readFileSync(join(DIR, f), 'utf8'), f) }));
const items = built.flatMap((b) => (b.item ? [b.item] : []));

describe('the em-level items in the billing bank', () => {
	it('every file builds without a problem', () => {
		const problems = built.flatMap((b) => b.problems.map((p) => `${b.f}:${p.line}: ${p.message}`));
		expect(problems).toEqual([]);
		expect(items.length).toBeGreaterThanOrEqual(28);
	});

	it('at least 20 MDM items across settings and 6 time items', () => {
		const mdm = items.filter((i) => i.method === 'mdm');
		const time = items.filter((i) => i.method === 'time');
		expect(mdm.length).toBeGreaterThanOrEqual(20);
		expect(time.length).toBeGreaterThanOrEqual(6);
		const settings = new Set(mdm.map((i) => i.setting));
		for (const s of [
			'office-new',
			'office-established',
			'hospital-initial',
			'hospital-subsequent',
			'emergency'
		])
			expect(settings).toContain(s);
	});

	it('time items include a time at an exact threshold and one just under', () => {
		const thresholds = (i: EmLevelItem) =>
			SETTING_TABLE[i.setting].levels.flatMap((l) => (l.minutes ? [l.minutes] : []));
		const time = items.filter((i) => i.method === 'time');
		expect(time.some((i) => thresholds(i).includes(i.minutes!))).toBe(true);
		expect(time.some((i) => thresholds(i).includes(i.minutes! + 1))).toBe(true);
		for (const i of time) expect(levelForTime(i.setting, i.minutes!)).toBe(i.level);
	});

	it('every item suits CPB and CBCS, spreads difficulty, and its note is 8-20 lines', () => {
		for (const i of items) {
			expect(i.exams).toEqual(expect.arrayContaining(['CPB', 'CBCS']));
			const lines = i.scenario.split('\n').filter((l) => l.trim()).length;
			expect(lines, i.id).toBeGreaterThanOrEqual(8);
			expect(lines, i.id).toBeLessThanOrEqual(20);
		}
		expect(new Set(items.map((i) => i.difficulty))).toEqual(new Set([1, 2, 3]));
	});

	it('the blind text of every item holds no key, reason or rationale', () => {
		for (const i of items) {
			const text = blindText(i);
			expect(text).toContain(i.scenario.trim());
			expect(text).not.toContain(i.rationale.slice(0, 60));
			for (const why of Object.values(i.why)) expect(text).not.toContain(why);
		}
	});
});
