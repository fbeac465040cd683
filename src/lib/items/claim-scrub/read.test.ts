import { describe, expect, it } from 'vitest';
import { claimScrub, readScrub } from './index.ts';
import { claimItem } from './test-item.ts';

describe('readScrub', () => {
	it('reads a stored response', () => {
		const r = { scrub: { marks: { 'dx.B': 'dx-specific', 'line1.modifiers': null } } };
		expect(readScrub(r)).toEqual(r);
		expect(readScrub({ scrub: { marks: {} } })).toEqual({ scrub: { marks: {} } });
	});
	it('refuses anything malformed, never throwing', () => {
		for (const v of [
			null,
			'B',
			['dx.B'],
			{},
			{ scrub: null },
			{ scrub: { marks: [] } },
			{ scrub: { marks: { 'dx.B': 'no-such-fix' } } },
			{ scrub: { marks: { 'dx.B': 3 } } },
			{ scrub: { marks: { 'a b': null } } },
			{ scrub: { marks: {} }, extra: 1 },
			{ scrub: { marks: {}, more: 1 } },
			{ mdm: {} }
		])
			expect(readScrub(v), JSON.stringify(v)).toBeUndefined();
	});
});

describe('claimScrub kind', () => {
	const item = claimItem();
	it('says the key and the response in one line', () => {
		expect(claimScrub.keyText(item)).toBe('24D Line 1 modifiers: 25; 21B Diagnosis B: E11.9');
		const r = { scrub: { marks: { 'dx.B': 'dx-specific' } } };
		expect(claimScrub.responseText(item, r)).toBe(
			'21B Diagnosis B (A header: add the characters the record supports)'
		);
		expect(claimScrub.responseText(item, claimScrub.empty(item))).toBe('—');
		expect(claimScrub.answered(item, r)).toBe(true);
		expect(claimScrub.answered(item, claimScrub.empty(item))).toBe(false);
	});
	it('verdicts count errors found, fixed and false alarms', () => {
		const r = { scrub: { marks: { 'dx.B': 'dx-exists', 'line1.pos': null } } };
		expect(claimScrub.verdict(item, r, claimScrub.grade(item, r))).toBe(
			'You found 1 of 2 errors, 0 with the right fix, and marked 1 field with no error.'
		);
		const all = { scrub: { marks: { 'dx.B': 'dx-specific', 'line1.modifiers': 'mod-25' } } };
		expect(claimScrub.verdict(item, all, claimScrub.grade(item, all))).toBe(
			'You found all 2 errors with the right fix.'
		);
	});
	it('cites the corrected codes, not the planted header', () => {
		expect(claimScrub.keyCodes(item)).toEqual(['M17.11', 'E11.9', '99214', '20610']);
	});
	it('takes only Enter from the keyboard map, to ask for a check', () => {
		const r = claimScrub.empty(item);
		expect(claimScrub.key(item, r, 'Enter')).toEqual({ submit: true });
		for (const k of ['n', 'p', 'f', 'r', 'u', 'v', ' ', 'ArrowLeft', '1'])
			expect(claimScrub.key(item, r, k)).toBeUndefined();
	});
	it('puts a stored key back only when it fits', () => {
		const key = claimScrub.scoredKey(item);
		expect(claimScrub.withKey(item, JSON.parse(JSON.stringify(key)))).toEqual(item);
		expect(
			claimScrub.withKey(item, [{ field: 'line7.units', fix: 'units-one', correct: '1', why: 'x' }])
		).toBeUndefined();
		expect(claimScrub.withKey(item, 'C')).toBeUndefined();
	});
});

describe('blindText', () => {
	it('shows the claim and the fixes but not the key or rationale', async () => {
		const { blindText } = await import('./blind.ts');
		const t = blindText(claimItem({ rationale: 'SECRET RATIONALE' }));
		expect(t).toContain('| dx.B | 21B | Diagnosis B | E11.6 |');
		expect(t).toContain('`mod-25`');
		expect(t).not.toContain('SECRET');
		expect(t).not.toContain('A separate E/M needs 25.');
		expect(t).toContain('{"scrub":{"marks":');
	});
});
