/**
 * The score report of a submitted exam: total, pass or fail by the preset's rule, each blueprint
 * area against its plan, and time per area. Pure: items, answers and times go in.
 */
import type { Item } from '../content/types';
import { gradeItem, isAnswered, type ItemResponse } from '../grading/item';
import type { PassRule, Preset } from './presets';

export interface ItemScore {
	itemId: string;
	areaId: string;
	answered: boolean;
	/** 0..1 */
	score: number;
	correct: boolean;
	timeMs: number;
}

export interface AreaScore {
	id: string;
	title: string;
	/** How many items the blueprint wanted from this area. */
	planned: number;
	/** How many the exam actually had (fewer when the bank was short). */
	items: number;
	answered: number;
	points: number;
	/** points / items, 0..1; 0 for an area with no items. */
	fraction: number;
	timeMs: number;
}

export interface ExamScore {
	points: number;
	possible: number;
	/** points / possible, 0..1 */
	fraction: number;
	/** The figure the pass rule judges: a percentage or a scaled score. */
	reported: number;
	passed: boolean;
	/** "70% needed", "300 needed (scaled, estimated)" */
	rule: string;
	areas: AreaScore[];
	items: ItemScore[];
}

export interface ExamSitting {
	itemIds: readonly string[];
	areaOf: Readonly<Record<string, string>>;
	answers: Readonly<Record<string, ItemResponse>>;
	timeMs: Readonly<Record<string, number>>;
}

/**
 * Maps a raw fraction onto the rule's scale. Percentages keep one decimal, cut down rather than
 * rounded, so a fail never reads as the pass mark (69.96% is 69.9%, not 70%).
 */
export function reportedScore(rule: PassRule, fraction: number): number {
	const raw = fraction * 100;
	// The small nudge keeps 0.7 * 100 = 69.99999999999999 at 70.
	if (rule.kind === 'percent') return Math.floor(raw * 10 + 1e-6) / 10;
	const { min, max, pass, rawCut } = rule;
	const scaled =
		raw <= rawCut
			? min + ((pass - min) * raw) / rawCut
			: pass + ((max - pass) * (raw - rawCut)) / (100 - rawCut);
	return Math.round(scaled);
}

/**
 * How a score is shown, everywhere (headline, report body, past exams): "1.9%", or "310" on a
 * scaled rule. One function, so the same exam never reads as 1.9% in one place and 2% in another.
 */
export function scoreText(rule: PassRule, fraction: number): string {
	return rule.kind === 'percent' ? percentText(fraction) : String(reportedScore(rule, fraction));
}

/** A raw fraction as a percentage the same way: "1.9%", "70%". */
export function percentText(fraction: number): string {
	return `${reportedScore({ kind: 'percent', percent: 0 }, fraction)}%`;
}

/** Judged on the unrounded figure, so 69.96% does not round up to a pass. */
export function passes(rule: PassRule, fraction: number): boolean {
	const raw = fraction * 100;
	if (rule.kind === 'percent') return raw >= rule.percent - 1e-9;
	return raw >= rule.rawCut - 1e-9;
}

export function ruleText(rule: PassRule): string {
	return rule.kind === 'percent'
		? `${rule.percent}% needed to pass`
		: `${rule.pass} of ${rule.min}-${rule.max} needed to pass (scaled score, estimated)`;
}

export function scoreExam(
	preset: Preset,
	items: ReadonlyMap<string, Item>,
	sitting: ExamSitting
): ExamScore {
	const scores: ItemScore[] = sitting.itemIds.map((itemId) => {
		const item = items.get(itemId);
		const response = sitting.answers[itemId];
		const grade = item ? gradeItem(item, response) : { score: 0, correct: false };
		return {
			itemId,
			areaId: sitting.areaOf[itemId] ?? '',
			answered: isAnswered(response),
			...grade,
			timeMs: sitting.timeMs[itemId] ?? 0
		};
	});
	const areas = preset.blueprint.map((a) => {
		const mine = scores.filter((s) => s.areaId === a.id);
		const points = mine.reduce((n, s) => n + s.score, 0);
		return {
			id: a.id,
			title: a.title,
			planned: a.count,
			items: mine.length,
			answered: mine.filter((s) => s.answered).length,
			points,
			fraction: mine.length ? points / mine.length : 0,
			timeMs: mine.reduce((n, s) => n + s.timeMs, 0)
		};
	});
	const points = scores.reduce((n, s) => n + s.score, 0);
	const possible = scores.length;
	const fraction = possible ? points / possible : 0;
	return {
		points,
		possible,
		fraction,
		reported: reportedScore(preset.pass, fraction),
		passed: passes(preset.pass, fraction),
		rule: ruleText(preset.pass),
		areas,
		items: scores
	};
}
