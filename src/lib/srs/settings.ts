/** Drill settings, with defaults and a sanitiser for whatever is stored. */
import type { StepUnit } from 'ts-fsrs';
import { EXAM_PRESETS, type ExamPreset } from '../content/types.ts';

export interface SrsSettings {
	/** Desired retention: the recall probability FSRS schedules for (0.7-0.99). */
	retention: number;
	/** New items introduced per learner day. */
	newPerDay: number;
	maxIntervalDays: number;
	learningSteps: StepUnit[];
	relearningSteps: StepUnit[];
	/** Spread due dates a little so cards learned together do not stay together. */
	fuzz: boolean;
	/** Local hour (0-23) at which the learner's day rolls over. */
	dayStartHour: number;
	/** The exam the learner prepares for; new items lean to its weak sections. */
	targetExam: ExamPreset;
	/**
	 * The day of that exam, a local calendar date (`YYYY-MM-DD`), or absent. While it is ahead the
	 * drill follows the plan toward it (see plan.ts) instead of `newPerDay` and `retention`.
	 */
	examDate?: string;
	/** The most new items a day the plan may ask for (it never asks fewer than `newPerDay`). */
	maxNewPerDay: number;
	/** The retention the plan rises to by exam day (from `retention`, if that is lower). */
	maxRetention: number;
	/** Days before the exam that bring no new items, so the last ones learned get reviewed. */
	reviewDays: number;
}

export const DEFAULT_SRS: SrsSettings = {
	retention: 0.9,
	newPerDay: 15,
	maxIntervalDays: 365,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	fuzz: true,
	dayStartHour: 4,
	targetExam: 'CPC',
	maxNewPerDay: 50,
	maxRetention: 0.95,
	reviewDays: 7
};

const STEP = /^\d+(?:\.\d+)?[mhd]$/;

function num(v: unknown, min: number, max: number, fallback: number, integer = false): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
	const clamped = Math.min(max, Math.max(min, v));
	return integer ? Math.round(clamped) : clamped;
}

function steps(v: unknown, fallback: StepUnit[]): StepUnit[] {
	if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && STEP.test(s))) return fallback;
	return v as StepUnit[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (not 2027-02-30). */
export function isCalendarDate(v: unknown): v is string {
	const m = typeof v === 'string' ? DATE.exec(v) : null;
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Reads stored settings, falling back to the default for anything missing or out of range. */
export function srsSettings(stored: unknown): SrsSettings {
	const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
		string,
		unknown
	>;
	const clean: SrsSettings = {
		retention: num(s.retention, 0.7, 0.99, DEFAULT_SRS.retention),
		newPerDay: num(s.newPerDay, 0, 500, DEFAULT_SRS.newPerDay, true),
		maxIntervalDays: num(s.maxIntervalDays, 1, 36500, DEFAULT_SRS.maxIntervalDays, true),
		learningSteps: steps(s.learningSteps, DEFAULT_SRS.learningSteps),
		relearningSteps: steps(s.relearningSteps, DEFAULT_SRS.relearningSteps),
		fuzz: typeof s.fuzz === 'boolean' ? s.fuzz : DEFAULT_SRS.fuzz,
		dayStartHour: num(s.dayStartHour, 0, 23, DEFAULT_SRS.dayStartHour, true),
		targetExam: EXAM_PRESETS.includes(s.targetExam as ExamPreset)
			? (s.targetExam as ExamPreset)
			: DEFAULT_SRS.targetExam,
		// Each bound is sanitised on its own; the plan takes the larger of it and the everyday value.
		maxNewPerDay: num(s.maxNewPerDay, 0, 500, DEFAULT_SRS.maxNewPerDay, true),
		maxRetention: num(s.maxRetention, 0.7, 0.99, DEFAULT_SRS.maxRetention),
		reviewDays: num(s.reviewDays, 0, 60, DEFAULT_SRS.reviewDays, true)
	};
	// A past date is kept: the plan ignores it, and Settings shows it so it can be changed.
	if (isCalendarDate(s.examDate)) clean.examDate = s.examDate;
	return clean;
}
