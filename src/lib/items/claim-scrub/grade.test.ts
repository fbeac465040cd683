import { describe, expect, it } from 'vitest';
import { gradeScrub, scrubReport } from './grade.ts';
import { claimItem } from './test-item.ts';
import type { ClaimScrubResponse } from './types.ts';

const marks = (m: Record<string, string | null>): ClaimScrubResponse => ({ scrub: { marks: m } });
// The test claim plants two errors: line1.modifiers (mod-25) and dx.B (dx-specific).
const item = claimItem();

describe('gradeScrub', () => {
	it('every error found with its fix and nothing else: right, full score', () => {
		const g = gradeScrub(item, marks({ 'line1.modifiers': 'mod-25', 'dx.B': 'dx-specific' }));
		expect(g).toEqual({ score: 1, correct: true, earned: 2, possible: 2 });
	});

	it('a blank response scores 0', () => {
		expect(gradeScrub(item, marks({}))).toEqual({
			score: 0,
			correct: false,
			earned: 0,
			possible: 2
		});
	});

	it('an error found with the wrong fix earns half', () => {
		const g = gradeScrub(item, marks({ 'line1.modifiers': 'mod-59', 'dx.B': 'dx-specific' }));
		expect(g).toEqual({ score: 0.75, correct: false, earned: 1.5, possible: 2 });
	});

	it('an error marked with no fix chosen earns half', () => {
		const g = gradeScrub(item, marks({ 'line1.modifiers': null }));
		expect(g).toEqual({ score: 0.25, correct: false, earned: 0.5, possible: 2 });
	});

	it('one error missed: half the score, not right', () => {
		const g = gradeScrub(item, marks({ 'dx.B': 'dx-specific' }));
		expect(g).toEqual({ score: 0.5, correct: false, earned: 1, possible: 2 });
	});

	it('a false alarm takes a point away and makes it wrong', () => {
		const g = gradeScrub(
			item,
			marks({ 'line1.modifiers': 'mod-25', 'dx.B': 'dx-specific', 'line1.pos': 'pos-22' })
		);
		expect(g).toEqual({ score: 0.5, correct: false, earned: 1, possible: 2 });
	});

	it('a false alarm with no fix chosen counts the same', () => {
		const g = gradeScrub(item, marks({ 'line1.modifiers': 'mod-25', 'patient.dob': null }));
		expect(g.earned).toBe(0);
		expect(g.score).toBe(0);
	});

	it('never goes below zero: marking everything is not a strategy', () => {
		const all = Object.fromEntries(
			['insured.id', 'patient.name', 'patient.dob', 'line1.pos', 'line1.code', 'dx.A'].map((f) => [
				f,
				null
			])
		);
		const g = gradeScrub(
			item,
			marks({ ...all, 'line1.modifiers': 'mod-25', 'dx.B': 'dx-specific' })
		);
		expect(g.score).toBe(0);
		expect(g.correct).toBe(false);
	});

	it('ignores marks on fields the claim does not have', () => {
		const g = gradeScrub(
			item,
			marks({ 'line1.modifiers': 'mod-25', 'dx.B': 'dx-specific', 'line9.units': 'units-one' })
		);
		expect(g.correct).toBe(true);
	});

	it('reports each error with its outcome and each false alarm', () => {
		const rep = scrubReport(item, marks({ 'dx.B': 'dx-exists', 'line1.units': null }));
		expect(rep.errors.map((e) => [e.error.field, e.outcome, e.chosen])).toEqual([
			['line1.modifiers', 'missed', null],
			['dx.B', 'found', 'dx-exists']
		]);
		expect(rep.falseAlarms).toEqual(['line1.units']);
		expect(rep.points).toBe(0.5);
	});
});
