/**
 * Readiness for the exam the learner targets: an estimated score per blueprint area and overall,
 * with an 80% range and the number of answers it rests on. Pure: the preset, the item index,
 * the running totals, the cards and `now` go in.
 *
 * The method (READINESS_METHOD says it in plain words for learners):
 *
 * 1. What is estimated is the expected score on an exam drawn from this app's pool for the
 *    area (the items `eligible` to it, as the exam picker draws them): the mean, over the pool,
 *    of the chance of getting each item right.
 * 2. Recent accuracy `a` per area: the day totals of the area's sections in the last
 *    `WINDOW_DAYS` days, each day weighted by `0.5 ** (age / HALF_LIFE_DAYS)` so that recent
 *    answers count more. Scores (partial credit included) are averaged with those weights.
 * 3. An item the learner has never answered counts at the guess rate (a quarter for a
 *    four-option question, nothing for typed codes): nothing shows it is known, so a learner who
 *    has seen a tenth of the pool cannot look ready. An answered item counts at `a`; one in the
 *    drill counts at the mean of `a` and its FSRS retrievability now, because recall of that
 *    item fades between reviews and `a` alone would not see it.
 * 4. So the area estimate is linear in `a`: `k * a + b`, with `k` the share of the pool answered
 *    (drilled items half) and `b` what retrievability and guesses add. The range is the 80%
 *    Wilson interval of `a` on the weighted answers' effective count (Kish: `(sum w)^2 / sum
 *    w^2`), carried through the same line. Scores in 0..1 vary no more than right/wrong answers
 *    of the same mean, so the range is, if anything, wide. It is the range of the expected score:
 *    the luck of one exam day's draw comes on top.
 * 5. Overall: the areas' estimates weighted by the blueprint's item counts. Ranges add in
 *    quadrature across independent areas; areas that share a bank section (CIC's inpatient
 *    questions and record cases) are read from the same answers, so their ranges add in full.
 * 6. Below `MIN_AREA_ANSWERS` recent answers an area shows no number, and the overall shows none
 *    until the areas with enough answers hold at least half of the exam's items.
 *
 * What it does not see: the day totals are per bank section, so an area that draws only some of
 * a section's item types (record cases) is judged on all of the section's answers.
 */
import type { IndexEntry } from '../content/item-index';
import type { ItemType } from '../content/types';
import { kindOfType } from '../items/registry';
import { eligible } from '../exam/assemble';
import type { Preset } from '../exam/presets';
import { cardKind, makeFsrs, retrievability, State } from '../srs/scheduler';
import { DEFAULT_SRS, type SrsSettings } from '../srs/settings';
import type { CardRecord } from '../srs/types';
import type { DayTotal, ItemTotal } from './types';

/** How far back answers count, in local days (today included). */
export const WINDOW_DAYS = 60;
/** An answer this many days old counts half as much as one given today. */
export const HALF_LIFE_DAYS = 30;
/** Fewer recent answers than this in an area, and it shows no number. */
export const MIN_AREA_ANSWERS = 20;
/** The share of the exam's items whose areas must have enough answers for an overall number. */
export const MIN_OVERALL_SHARE = 0.5;
/** The ranges are 80% intervals: z for a two-sided 80% normal interval. */
export const LEVEL = 0.8;
const Z = 1.2815515655446004;

/** The chance of a right answer by guessing (one in four options; typed codes cannot be guessed). */
export function guessRate(type: ItemType): number {
	return kindOfType(type).guessRate;
}

/** An estimate of an expected score (0..1) and its 80% range. */
export interface Estimate {
	estimate: number;
	low: number;
	high: number;
}

export interface AreaReadiness {
	id: string;
	title: string;
	/** The area's share of the exam's items. */
	weight: number;
	/** Answers in the area's sections in the last `WINDOW_DAYS` days. */
	answers: number;
	/** Items the app could draw for the area, and how many of them the learner has answered. */
	pool: number;
	seen: number;
	/** Pool items in the drill, and their mean retrievability now (absent when none). */
	drilled: number;
	recall?: number;
	/**
	 * Absent below `MIN_AREA_ANSWERS` (the page says "not enough answers yet") and when the banks
	 * hold no item for the area (`pool` 0).
	 */
	score?: Estimate;
}

export interface PassLine {
	/** The pass mark on the percent-correct scale, 0..1. */
	fraction: number;
	/**
	 * True for a scaled-score exam: its pass score is mapped to percent correct through the
	 * preset's `rawCut` (an estimate: the real conversion is not published).
	 */
	scaled: boolean;
	/** The scaled pass score itself (300 for AHIMA), for a scaled-score exam. */
	scaledPass?: number;
}

/** Where the range sits against the pass line; absent while the overall has no number. */
export type Verdict = 'likely-pass' | 'borderline' | 'likely-fail';

export interface Readiness {
	presetId: string;
	areas: AreaReadiness[];
	/** Distinct answers in the exam's sections in the window (a section two areas share once). */
	answers: number;
	/** Absent until areas with enough answers hold `MIN_OVERALL_SHARE` of the items. */
	overall?: Estimate;
	pass: PassLine;
	verdict?: Verdict;
}

export interface ReadinessInput {
	preset: Preset;
	/** The item index: each area's pool. */
	entries: readonly IndexEntry[];
	/** Day totals from at least `today - WINDOW_DAYS + 1` on (older rows are ignored). */
	days: readonly DayTotal[];
	cards: readonly CardRecord[];
	items: readonly ItemTotal[];
	now: number;
	/** `now`'s local day, as the day totals number days. */
	today: number;
	/** Only for the FSRS parameters retrievability is computed with. */
	srs?: SrsSettings;
}

/** Weighted recent answers of a set of sections. */
interface Recent {
	answers: number;
	/** Sum of weights, of squared weights (per answer), of weighted scores. */
	w: number;
	w2: number;
	score: number;
}

function recentOf(days: readonly DayTotal[], sections: ReadonlySet<string>, today: number): Recent {
	const r: Recent = { answers: 0, w: 0, w2: 0, score: 0 };
	for (const d of days) {
		const age = today - d.day;
		if (age < 0 || age >= WINDOW_DAYS || !sections.has(`${d.bankId}/${d.section}`)) continue;
		const w = 0.5 ** (age / HALF_LIFE_DAYS);
		r.answers += d.attempts;
		r.w += w * d.attempts;
		r.w2 += w * w * d.attempts;
		r.score += w * d.scoreSum;
	}
	return r;
}

/**
 * The weighted mean score and its Wilson interval at the effective number of answers
 * (`[0, 1]` around one half when there are none).
 */
export function accuracy(r: Pick<Recent, 'w' | 'w2' | 'score'>): Estimate {
	if (r.w <= 0) return { estimate: 0.5, low: 0, high: 1 };
	const p = Math.min(1, Math.max(0, r.score / r.w));
	const n = (r.w * r.w) / r.w2;
	const z2 = Z * Z;
	const center = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return {
		estimate: p,
		low: Math.max(0, center - half),
		high: Math.min(1, center + half)
	};
}

/** The pass mark of a preset on the percent-correct scale. */
export function passLine(preset: Preset): PassLine {
	return preset.pass.kind === 'percent'
		? { fraction: preset.pass.percent / 100, scaled: false }
		: { fraction: preset.pass.rawCut / 100, scaled: true, scaledPass: preset.pass.pass };
}

/** Groups of areas that share a bank section (their answers are the same answers). */
function sharedGroups(preset: Preset): number[][] {
	const parent = preset.blueprint.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
	const firstWith = new Map<string, number>();
	preset.blueprint.forEach((area, i) => {
		for (const s of area.sections) {
			const j = firstWith.get(s);
			if (j === undefined) firstWith.set(s, i);
			else parent[find(i)] = find(j);
		}
	});
	const groups = new Map<number, number[]>();
	preset.blueprint.forEach((_, i) => {
		const g = groups.get(find(i)) ?? [];
		g.push(i);
		groups.set(find(i), g);
	});
	return [...groups.values()];
}

export function readiness(input: ReadinessInput): Readiness {
	const { preset, entries, days, cards, items, now, today } = input;
	const srs = input.srs ?? DEFAULT_SRS;
	const fsrsOf = { flashcard: makeFsrs(srs, 'flashcard'), scenario: makeFsrs(srs, 'scenario') };
	const seenIds = new Set(items.map((i) => i.itemId));
	const cardOf = new Map(cards.filter((c) => c.state !== State.New).map((c) => [c.itemId, c]));
	const total = preset.blueprint.reduce((n, a) => n + a.count, 0);

	const computed = preset.blueprint.map((area) => {
		const pool = eligible(preset, area, entries);
		const recent = recentOf(days, new Set(area.sections), today);
		const acc = accuracy(recent);
		// The area's estimate is `slope * a + fixed`: see step 4 of the method.
		let slope = 0;
		let fixed = 0;
		let seen = 0;
		let recallSum = 0;
		let drilled = 0;
		for (const e of pool) {
			const card = cardOf.get(e.id);
			if (card) {
				const r = retrievability(fsrsOf[cardKind(e.type)], card, now);
				recallSum += r;
				drilled++;
				seen++;
				slope += 0.5;
				fixed += 0.5 * r;
			} else if (seenIds.has(e.id)) {
				seen++;
				slope += 1;
			} else fixed += guessRate(e.type);
		}
		// An area the banks cannot fill is judged as guessing at the preset's item types: the real
		// exam still asks it.
		const n = pool.length;
		const guess = (area.types ?? preset.itemTypes).map(guessRate);
		const line =
			n === 0 ? { slope: 0, fixed: Math.max(...guess, 0) } : { slope: slope / n, fixed: fixed / n };
		const at = (a: number) => Math.min(1, line.fixed + line.slope * a);
		const full: Estimate = {
			estimate: at(acc.estimate),
			low: at(acc.low),
			high: at(acc.high)
		};
		const out: AreaReadiness = {
			id: area.id,
			title: area.title,
			weight: total > 0 ? area.count / total : 0,
			answers: recent.answers,
			pool: n,
			seen,
			drilled
		};
		if (drilled > 0) out.recall = recallSum / drilled;
		if (n > 0 && recent.answers >= MIN_AREA_ANSWERS) out.score = full;
		return { out, full };
	});

	const allSections = new Set(preset.blueprint.flatMap((a) => a.sections));
	const answers = recentOf(days, allSections, today).answers;
	const pass = passLine(preset);
	const result: Readiness = {
		presetId: preset.id,
		areas: computed.map((c) => c.out),
		answers,
		pass
	};

	const covered = computed.reduce((s, c) => s + (c.out.score ? c.out.weight : 0), 0);
	if (total === 0 || covered < MIN_OVERALL_SHARE) return result;
	const estimate = computed.reduce((s, c) => s + c.out.weight * c.full.estimate, 0);
	// Each area's spread as a normal sd from its interval; linear within a group that shares
	// answers (fully correlated), in quadrature between groups (independent).
	let variance = 0;
	for (const group of sharedGroups(preset)) {
		const sd = group.reduce((s, i) => {
			const c = computed[i]!;
			return s + (c.out.weight * (c.full.high - c.full.low)) / (2 * Z);
		}, 0);
		variance += sd * sd;
	}
	const spread = Z * Math.sqrt(variance);
	result.overall = {
		estimate,
		low: Math.max(0, estimate - spread),
		high: Math.min(1, estimate + spread)
	};
	result.verdict =
		result.overall.low >= pass.fraction
			? 'likely-pass'
			: result.overall.high < pass.fraction
				? 'likely-fail'
				: 'borderline';
	return result;
}

/** The method in one paragraph, for learners ("How is this estimated?"). */
export const READINESS_METHOD =
	`Each area's estimate is the score you could expect on an exam drawn from this app's ` +
	`questions for that area. Your answers from the last ${WINDOW_DAYS} days give your recent ` +
	`accuracy in the area, and a recent answer counts more than an old one (an answer ` +
	`${HALF_LIFE_DAYS} days old counts half). A question you have never answered counts as a ` +
	`guess (one in four for multiple choice, nothing for typed codes), because nothing yet shows ` +
	`you know it: having seen a small part of the questions is not being ready. For a question ` +
	`in your daily drill we also use how likely you are to remember it today, as the scheduler ` +
	`works it out. The range is where your expected score lies with ${LEVEL * 100}% confidence; ` +
	`it narrows as you answer more, and the luck of the questions on the day comes on top. The ` +
	`overall score weights each area by its share of the exam. Below ${MIN_AREA_ANSWERS} recent ` +
	`answers an area says "not enough answers yet" instead of guessing a number. For exams ` +
	`reported as a scaled score, we compare on the percent-correct scale at our estimate of the ` +
	`cut, as the real conversion is not published.`;

/** "68%": whole percentages, as the headline and the table show them. */
export function pct(fraction: number): string {
	return `${Math.round(fraction * 100)}%`;
}

/** "68% (range 61–75%)", or "68% (61–75%)" under a heading that already says "range". */
export function estimateText(e: Estimate, word = true): string {
	return `${pct(e.estimate)} (${word ? 'range ' : ''}${Math.round(e.low * 100)}–${pct(e.high)})`;
}

/** "pass is 70%", or for a scaled exam "pass is 300 scaled, about 70% correct". */
export function passText(pass: PassLine): string {
	return pass.scaled
		? `pass is ${pass.scaledPass} scaled, about ${pct(pass.fraction)} correct`
		: `pass is ${pct(pass.fraction)}`;
}

/** "412 answers in the last 60 days" */
export function answersText(n: number): string {
	return `${n} ${n === 1 ? 'answer' : 'answers'} in the last ${WINDOW_DAYS} days`;
}

/**
 * The headline: "Estimated 68% (range 61–75%), pass is 70%; based on 412 answers in the last 60
 * days.", or why there is no number yet.
 */
export function headline(r: Readiness): string {
	if (!r.overall)
		return (
			`Not enough answers yet for an overall estimate: it needs ${MIN_AREA_ANSWERS} recent ` +
			`answers in areas that make up at least half of the exam (you have ` +
			`${answersText(r.answers)}).`
		);
	return `Estimated ${estimateText(r.overall)}, ${passText(r.pass)}; based on ${answersText(r.answers)}.`;
}

/** What the range says against the pass line, in words. */
export const VERDICT_TEXT: Record<Verdict, string> = {
	'likely-pass': 'On track: even the low end of the range reaches the pass mark.',
	borderline: 'Too close to call: the pass mark lies inside the range.',
	'likely-fail': 'Not there yet: even the high end of the range is below the pass mark.'
};
