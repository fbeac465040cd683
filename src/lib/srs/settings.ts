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
}

export const DEFAULT_SRS: SrsSettings = {
	retention: 0.9,
	newPerDay: 15,
	maxIntervalDays: 365,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	fuzz: true,
	dayStartHour: 4,
	targetExam: 'CPC'
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

/** Reads stored settings, falling back to the default for anything missing or out of range. */
export function srsSettings(stored: unknown): SrsSettings {
	const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
		string,
		unknown
	>;
	return {
		retention: num(s.retention, 0.7, 0.99, DEFAULT_SRS.retention),
		newPerDay: num(s.newPerDay, 0, 500, DEFAULT_SRS.newPerDay, true),
		maxIntervalDays: num(s.maxIntervalDays, 1, 36500, DEFAULT_SRS.maxIntervalDays, true),
		learningSteps: steps(s.learningSteps, DEFAULT_SRS.learningSteps),
		relearningSteps: steps(s.relearningSteps, DEFAULT_SRS.relearningSteps),
		fuzz: typeof s.fuzz === 'boolean' ? s.fuzz : DEFAULT_SRS.fuzz,
		dayStartHour: num(s.dayStartHour, 0, 23, DEFAULT_SRS.dayStartHour, true),
		targetExam: EXAM_PRESETS.includes(s.targetExam as ExamPreset)
			? (s.targetExam as ExamPreset)
			: DEFAULT_SRS.targetExam
	};
}
