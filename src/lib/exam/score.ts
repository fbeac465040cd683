/**
 * The score report of a submitted exam: total, pass or fail by the preset's rule, each blueprint
 * area against its plan, and time per area. Pure: items, answers and times go in.
 */
import type { Item } from '../content/types';
import { gradeItem, isAnswered, type ItemResponse } from '../grading/item';
import type { PassRule, Preset } from './presets';
import { itemVersion, keyOf, type ScoredItem } from './scored';

export interface ItemScore {
	itemId: string;
	areaId: string;
	answered: boolean;
	/** 0..1 */
	score: number;
	correct: boolean;
	timeMs: number;
	/** Gone from the bank before the exam was scored: shown as withdrawn, not counted. */
	withdrawn: boolean;
}

export interface AreaScore {
	id: string;
	title: string;
	/** How many items the blueprint wanted from this area. */
	planned: number;
	/** How many the exam actually scored (fewer when the bank was short or withdrew some). */
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
	/** What a submitted exam stored as scored; when present, it is the score, not the bank. */
	scored?: Readonly<Record<string, ScoredItem>>;
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

/**
 * Scores a sitting. A submitted exam is scored from what it stored at submit, so a later build
 * cannot change its report; otherwise (an exam being submitted now, or one submitted before the
 * app stored scores) against `items`. An item the bank no longer has is withdrawn: it scores
 * nothing and is left out of what was possible, so one dropped item never fails a learner.
 */
export function scoreExam(
	preset: Preset,
	items: ReadonlyMap<string, Item>,
	sitting: ExamSitting
): ExamScore {
	const scores: ItemScore[] = sitting.itemIds.map((itemId) => {
		const item = items.get(itemId);
		const response = sitting.answers[itemId];
		const stored = sitting.scored?.[itemId];
		const withdrawn = stored ? stored.withdrawn === true : !item;
		const grade = stored
			? { score: stored.score, correct: stored.correct }
			: item
				? gradeItem(item, response)
				: { score: 0, correct: false };
		return {
			itemId,
			areaId: sitting.areaOf[itemId] ?? '',
			answered: isAnswered(response),
			...grade,
			timeMs: sitting.timeMs[itemId] ?? 0,
			withdrawn
		};
	});
	const counted = scores.filter((s) => !s.withdrawn);
	const areas = preset.blueprint.map((a) => {
		const mine = counted.filter((s) => s.areaId === a.id);
		const points = mine.reduce((n, s) => n + s.score, 0);
		return {
			id: a.id,
			title: a.title,
			planned: a.count,
			items: mine.length,
			answered: mine.filter((s) => s.answered).length,
			points,
			fraction: mine.length ? points / mine.length : 0,
			timeMs: scores.filter((s) => s.areaId === a.id).reduce((n, s) => n + s.timeMs, 0)
		};
	});
	const points = counted.reduce((n, s) => n + s.score, 0);
	const possible = counted.length;
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

/** What a submit stores: each item's score with the key and version it was scored against. */
export function scoredRecord(
	items: ReadonlyMap<string, Item>,
	score: ExamScore
): Record<string, ScoredItem> {
	const out: Record<string, ScoredItem> = {};
	for (const s of score.items) {
		const item = items.get(s.itemId);
		if (s.withdrawn || !item) {
			out[s.itemId] = { score: 0, correct: false, withdrawn: true };
			continue;
		}
		const key = keyOf(item);
		out[s.itemId] = {
			score: s.score,
			correct: s.correct,
			...(key ? { key } : {}),
			version: itemVersion(item)
		};
	}
	return out;
}
