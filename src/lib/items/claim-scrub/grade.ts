/**
 * Grading a scrub: each planted error found with the right fix earns 1 point, found with another
 * fix or none half a point; each field marked that holds no error (a false alarm) takes a point
 * away. Score = max(0, points - false alarms) / errors; right only when every error is found
 * with its fix and nothing else is marked.
 */
import type { Grade } from '../kind.ts';
import { claimFields } from './fields.ts';
import type { ClaimError, ClaimScrubItem, ClaimScrubResponse } from './types.ts';

export type ErrorOutcome = 'fixed' | 'found' | 'missed';

export interface ScrubReport {
	/** Each planted error with what the learner did about it. */
	errors: { error: ClaimError; outcome: ErrorOutcome; chosen: string | null }[];
	/** Fields marked that hold no error. */
	falseAlarms: string[];
	points: number;
}

export function scrubReport(item: ClaimScrubItem, r: ClaimScrubResponse): ScrubReport {
	const marks = r.scrub.marks;
	const fields = new Set(claimFields(item.form, item.claim).map((f) => f.id));
	const planted = new Set(item.errors.map((e) => e.field));
	let points = 0;
	const errors = item.errors.map((error) => {
		if (!Object.hasOwn(marks, error.field))
			return { error, outcome: 'missed' as const, chosen: null };
		const chosen = marks[error.field] ?? null;
		const outcome: ErrorOutcome = chosen === error.fix ? 'fixed' : 'found';
		points += outcome === 'fixed' ? 1 : 0.5;
		return { error, outcome, chosen };
	});
	// A mark on a field this claim does not have (an older version of the item) is not counted.
	const falseAlarms = Object.keys(marks).filter((id) => fields.has(id) && !planted.has(id));
	return { errors, falseAlarms, points };
}

export function gradeScrub(item: ClaimScrubItem, r: ClaimScrubResponse): Grade {
	const { errors, falseAlarms, points } = scrubReport(item, r);
	const possible = errors.length;
	const earned = Math.max(0, points - falseAlarms.length);
	return {
		score: possible ? earned / possible : 0,
		correct: possible > 0 && errors.every((e) => e.outcome === 'fixed') && !falseAlarms.length,
		earned,
		possible
	};
}
