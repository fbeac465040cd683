import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../content/item-index';
import type { ItemType } from '../content/types';
import { presetById, type BlueprintArea, type Preset } from '../exam/presets';
import { rng } from '../random';
import { makeFsrs, Rating, retrievability, review } from '../srs/scheduler';
import { DEFAULT_SRS } from '../srs/settings';
import type { CardRecord } from '../srs/types';
import {
	accuracy,
	HALF_LIFE_DAYS,
	headline,
	MIN_AREA_ANSWERS,
	passLine,
	passText,
	readiness,
	WINDOW_DAYS,
	type Readiness,
	type ReadinessInput
} from './readiness';
import type { DayTotal, ItemTotal } from './types';

const TODAY = 20_000;
const NOW = TODAY * 86_400_000 + 12 * 3_600_000;
const CPC = presetById('CPC')!;

/** A small preset with one area per given section (`bank/section`), 70% to pass. */
function presetOf(areas: { id: string; count: number; sections: string[] }[]): Preset {
	return {
		...CPC,
		id: 'test',
		items: areas.reduce((n, a) => n + a.count, 0),
		blueprint: areas.map((a): BlueprintArea => ({ ...a, title: a.id }))
	};
}

/** `size` pool items for each area, in the area's first section. */
function poolOf(preset: Preset, size: number, type: ItemType = 'single-best-answer'): IndexEntry[] {
	return preset.blueprint.flatMap((area) => {
		const [bankId, section] = area.sections[0]!.split('/') as [string, string];
		return Array.from({ length: size }, (_, n) => ({
			id: `${area.id}-${n}`,
			bankId,
			section,
			type,
			exams: [preset.tag ?? 'CPC'],
			difficulty: 2 as const
		}));
	});
}

function dayTotal(day: number, bankSection: string, attempts: number, correct: number): DayTotal {
	const [bankId, section] = bankSection.split('/') as [string, string];
	return {
		key: `${day}|${bankId}|${section}`,
		day,
		bankId,
		section,
		attempts,
		correct,
		scoreSum: correct,
		timeMs: attempts * 60_000,
		practice: attempts,
		drill: 0,
		exam: 0,
		timeBins: Array<number>(10).fill(0),
		mistakes: {}
	};
}

function itemTotal(e: IndexEntry): ItemTotal {
	return {
		itemId: e.id,
		bankId: e.bankId,
		section: e.section,
		attempts: 1,
		correct: 1,
		scoreSum: 1,
		firstAt: NOW - 86_400_000,
		lastAt: NOW - 86_400_000,
		lastScore: 1,
		lastCorrect: true
	};
}

interface Learner {
	/** True chance of a right answer on an item the learner has studied, per area. */
	skill: (areaId: string) => number;
	/** Answers per area, spread at random over the last `spanDays` days. */
	answers: number;
	spanDays?: number;
	/** Share of each area's pool the learner has answered. */
	coverage?: number;
	/** Skill on answers older than `changedDaysAgo` (a learner who improved or slipped). */
	before?: { skill: number; changedDaysAgo: number };
}

/**
 * A simulated learner with a known truth: the expected score on a pool-drawn exam is, per area,
 * coverage * skill + (1 - coverage) * a guess (0.25 for multiple choice).
 */
function simulate(preset: Preset, learner: Learner, seed: number, poolSize = 100) {
	const next = rng(seed);
	const entries = poolOf(preset, poolSize);
	const coverage = learner.coverage ?? 1;
	const seenPerArea = Math.round(coverage * poolSize);
	const items = preset.blueprint.flatMap((area) =>
		entries
			.filter((e) => e.id.startsWith(`${area.id}-`))
			.slice(0, seenPerArea)
			.map(itemTotal)
	);
	const span = learner.spanDays ?? WINDOW_DAYS;
	const days = new Map<string, DayTotal>();
	for (const area of preset.blueprint) {
		for (let n = 0; n < learner.answers; n++) {
			const age = Math.floor(next() * span);
			const day = TODAY - age;
			const old = learner.before && age >= learner.before.changedDaysAgo;
			const p = old ? learner.before!.skill : learner.skill(area.id);
			const right = next() < p ? 1 : 0;
			const key = `${day}|${area.sections[0]}`;
			const row = days.get(key) ?? dayTotal(day, area.sections[0]!, 0, 0);
			row.attempts++;
			row.correct += right;
			row.scoreSum += right;
			days.set(key, row);
		}
	}
	const c = seenPerArea / poolSize;
	const truth = Object.fromEntries(
		preset.blueprint.map((a) => [a.id, c * learner.skill(a.id) + (1 - c) * 0.25])
	);
	const weights = preset.blueprint.map((a) => a.count / preset.items);
	const overallTruth = preset.blueprint.reduce((s, a, i) => s + weights[i]! * truth[a.id]!, 0);
	const input: ReadinessInput = {
		preset,
		entries,
		days: [...days.values()],
		cards: [],
		items,
		now: NOW,
		today: TODAY
	};
	return { input, truth, overallTruth };
}

const ONE = presetOf([{ id: 'a', count: 10, sections: ['bank/a'] }]);

describe('readiness on simulated learners', () => {
	it('lands near each area’s true score with many answers', () => {
		const skills: Record<string, number> = {};
		CPC.blueprint.forEach((a, i) => (skills[a.id] = 0.45 + (i % 6) * 0.09));
		const { input, truth, overallTruth } = simulate(
			CPC,
			{ skill: (id) => skills[id]!, answers: 1500 },
			7
		);
		const r = readiness(input);
		for (const area of r.areas) {
			expect(area.score, area.id).toBeDefined();
			expect(Math.abs(area.score!.estimate - truth[area.id]!), area.id).toBeLessThan(0.04);
		}
		expect(Math.abs(r.overall!.estimate - overallTruth)).toBeLessThan(0.01);
	});

	it('covers the truth at about its stated 80% rate over many seeds (one area)', () => {
		let inside = 0;
		const runs = 400;
		for (let seed = 1; seed <= runs; seed++) {
			const skill = 0.3 + rng(seed * 31)() * 0.65;
			const { input, truth } = simulate(ONE, { skill: () => skill, answers: 60 }, seed);
			const s = readiness(input).areas[0]!.score!;
			if (s.low <= truth.a! && truth.a! <= s.high) inside++;
		}
		expect(inside / runs).toBeGreaterThan(0.76);
		expect(inside / runs).toBeLessThan(0.84);
	});

	it('covers the overall truth at about 80% too (CPC, 17 areas)', () => {
		let inside = 0;
		const runs = 150;
		for (let seed = 1; seed <= runs; seed++) {
			const base = 0.4 + rng(seed * 17)() * 0.5;
			const { input, overallTruth } = simulate(
				CPC,
				{
					skill: (id) => Math.min(0.98, base + (id.length % 4) * 0.03),
					answers: 25,
					coverage: 0.6
				},
				seed
			);
			const o = readiness(input).overall!;
			if (o.low <= overallTruth && overallTruth <= o.high) inside++;
		}
		expect(inside / runs).toBeGreaterThan(0.7);
		expect(inside / runs).toBeLessThan(0.9);
	});

	it('narrows as answers grow', () => {
		const width = (answers: number) => {
			const s = readiness(simulate(ONE, { skill: () => 0.7, answers }, 3).input).areas[0]!.score!;
			return s.high - s.low;
		};
		const [w40, w400, w4000] = [width(40), width(400), width(4000)];
		expect(w40).toBeGreaterThan(w400);
		expect(w400).toBeGreaterThan(w4000);
		// Roughly 1 / sqrt(n): ten times the answers, about a third of the width.
		expect(w400 / w40).toBeGreaterThan(0.25);
		expect(w400 / w40).toBeLessThan(0.45);
	});

	it('does not show a learner who saw a tenth of the pool as passing, however accurate', () => {
		const { input } = simulate(CPC, { skill: () => 0.95, answers: 200, coverage: 0.1 }, 5);
		const r = readiness(input);
		expect(r.overall!.high).toBeLessThan(0.7);
		expect(r.verdict).toBe('likely-fail');
		// The same accuracy over the whole pool passes.
		const full = readiness(simulate(CPC, { skill: () => 0.95, answers: 200 }, 5).input);
		expect(full.verdict).toBe('likely-pass');
	});

	it('counts recent answers more than old ones', () => {
		const flat = (s: number) =>
			readiness(simulate(ONE, { skill: () => s, answers: 3000 }, 11).input).areas[0]!.score!
				.estimate;
		const improved = readiness(
			simulate(
				ONE,
				{ skill: () => 0.85, answers: 3000, before: { skill: 0.45, changedDaysAgo: 30 } },
				11
			).input
		).areas[0]!.score!.estimate;
		const slipped = readiness(
			simulate(
				ONE,
				{ skill: () => 0.45, answers: 3000, before: { skill: 0.85, changedDaysAgo: 30 } },
				11
			).input
		).areas[0]!.score!.estimate;
		// Unweighted, both would sit at the midpoint 0.65; the weights pull toward the recent half.
		expect(improved).toBeGreaterThan(0.69);
		expect(improved).toBeLessThan(flat(0.85));
		expect(slipped).toBeLessThan(0.61);
		expect(slipped).toBeGreaterThan(flat(0.45));
	});
});

describe('readiness rules', () => {
	it('says "not enough answers yet" below the minimum, and gives a number at it', () => {
		const at = (answers: number) =>
			readiness(simulate(ONE, { skill: () => 0.7, answers }, 2).input);
		const short = at(MIN_AREA_ANSWERS - 1);
		expect(short.areas[0]!.score).toBeUndefined();
		expect(short.areas[0]!.answers).toBe(MIN_AREA_ANSWERS - 1);
		expect(short.overall).toBeUndefined();
		expect(short.verdict).toBeUndefined();
		const enough = at(MIN_AREA_ANSWERS);
		expect(enough.areas[0]!.score).toBeDefined();
		expect(enough.overall).toBeDefined();
	});

	it('shows an overall number only once areas with enough answers hold half the items', () => {
		const two = presetOf([
			{ id: 'big', count: 6, sections: ['bank/big'] },
			{ id: 'small', count: 4, sections: ['bank/small'] }
		]);
		const entries = poolOf(two, 10);
		const base = { preset: two, entries, cards: [], items: [], now: NOW, today: TODAY };
		const smallOnly = readiness({ ...base, days: [dayTotal(TODAY, 'bank/small', 30, 20)] });
		expect(smallOnly.areas.map((a) => a.score !== undefined)).toEqual([false, true]);
		expect(smallOnly.overall).toBeUndefined();
		const bigOnly = readiness({ ...base, days: [dayTotal(TODAY, 'bank/big', 30, 20)] });
		expect(bigOnly.overall).toBeDefined();
		// The area without answers enters the overall as guessing (nothing answered, 0.25).
		const big = bigOnly.areas[0]!;
		expect(bigOnly.overall!.estimate).toBeCloseTo(0.6 * big.score!.estimate + 0.4 * 0.25, 10);
	});

	it('weights areas by the blueprint’s item counts', () => {
		const r = readiness(simulate(CPC, { skill: () => 0.8, answers: 100 }, 4).input);
		expect(r.areas.map((a) => a.weight)).toEqual(CPC.blueprint.map((a) => a.count / 100));
		const sum = r.areas.reduce((s, a) => s + a.weight * a.score!.estimate, 0);
		expect(r.overall!.estimate).toBeCloseTo(sum, 12);
		// Strong in E/M (8 items) outscores strong in anatomy (4 items), all else equal.
		const strongIn = (id: string) =>
			readiness(simulate(CPC, { skill: (a) => (a === id ? 0.95 : 0.5), answers: 3000 }, 4).input)
				.overall!.estimate;
		expect(strongIn('em') - strongIn('anatomy')).toBeGreaterThan(0.015);
	});

	it('counts an unseen item as a guess: a quarter for multiple choice, nothing for codes', () => {
		const entries = [
			...poolOf(ONE, 4, 'single-best-answer'),
			...poolOf(ONE, 4, 'code-entry').map((e) => ({ ...e, id: `${e.id}-code` }))
		];
		const preset = { ...ONE, itemTypes: ['single-best-answer', 'code-entry'] as ItemType[] };
		const r = readiness({
			preset,
			entries,
			days: [dayTotal(TODAY, 'bank/a', 40, 40)],
			cards: [],
			items: [itemTotal(entries[0]!)],
			now: NOW,
			today: TODAY
		});
		const area = r.areas[0]!;
		expect(area.pool).toBe(8);
		expect(area.seen).toBe(1);
		// One seen item at 100%, three multiple-choice guesses, four code items at nothing.
		expect(area.score!.estimate).toBeCloseTo((1 + 3 * 0.25) / 8, 12);
	});

	it('brings drilled cards’ retrievability in', () => {
		const f = makeFsrs(DEFAULT_SRS, 'scenario');
		const entries = poolOf(ONE, 10);
		const cardAt = (e: IndexEntry, at: number): CardRecord =>
			review(f, null, { itemId: e.id, bankId: e.bankId, section: e.section }, Rating.Good, at, 0)
				.card;
		const days = [dayTotal(TODAY, 'bank/a', 50, 40)];
		const run = (reviewedDaysAgo: number) => {
			const cards = entries.map((e) => cardAt(e, NOW - reviewedDaysAgo * 86_400_000));
			const r = readiness({ preset: ONE, entries, days, cards, items: [], now: NOW, today: TODAY });
			return { area: r.areas[0]!, recall: retrievability(f, cards[0]!, NOW) };
		};
		const fresh = run(1);
		const stale = run(200);
		expect(fresh.recall).toBeGreaterThan(stale.recall);
		// Every item drilled: each counts at the mean of recent accuracy (0.8) and its recall.
		expect(fresh.area.score!.estimate).toBeCloseTo((0.8 + fresh.recall) / 2, 12);
		expect(stale.area.score!.estimate).toBeCloseTo((0.8 + stale.recall) / 2, 12);
		expect(fresh.area.drilled).toBe(10);
		expect(fresh.area.recall).toBeCloseTo(fresh.recall, 12);
	});

	it('reads only the window: older and future days are ignored', () => {
		const entries = poolOf(ONE, 10);
		const base = { preset: ONE, entries, cards: [], items: entries.map(itemTotal), now: NOW };
		const inside = [dayTotal(TODAY - WINDOW_DAYS + 1, 'bank/a', 30, 15)];
		const withOld = [...inside, dayTotal(TODAY - WINDOW_DAYS, 'bank/a', 500, 500)];
		const withFuture = [...inside, dayTotal(TODAY + 1, 'bank/a', 500, 500)];
		const a = readiness({ ...base, days: inside, today: TODAY });
		expect(a.areas[0]!.answers).toBe(30);
		expect(readiness({ ...base, days: withOld, today: TODAY })).toEqual(a);
		expect(readiness({ ...base, days: withFuture, today: TODAY })).toEqual(a);
	});

	it('weights a day by half per half-life', () => {
		const entries = poolOf(ONE, 10);
		const days = [
			dayTotal(TODAY, 'bank/a', 30, 30),
			dayTotal(TODAY - HALF_LIFE_DAYS, 'bank/a', 60, 0)
		];
		const r = readiness({
			preset: ONE,
			entries,
			days,
			cards: [],
			items: entries.map(itemTotal),
			now: NOW,
			today: TODAY
		});
		// 30 right at weight 1, 60 wrong at weight 1/2: 30 / (30 + 30).
		expect(r.areas[0]!.score!.estimate).toBeCloseTo(0.5, 12);
		expect(r.answers).toBe(90);
	});

	it('ranges add in full for areas that share a section, in quadrature otherwise', () => {
		const days = [dayTotal(TODAY, 'bank/x', 50, 35), dayTotal(TODAY, 'bank/y', 50, 35)];
		const split = presetOf([
			{ id: 'p', count: 5, sections: ['bank/x'] },
			{ id: 'q', count: 5, sections: ['bank/y'] }
		]);
		const shared = presetOf([
			{ id: 'p', count: 5, sections: ['bank/x'] },
			{ id: 'q', count: 5, sections: ['bank/x'] }
		]);
		const run = (preset: Preset) => {
			const entries = poolOf(split, 10);
			return readiness({
				preset,
				entries,
				days,
				cards: [],
				items: entries.map(itemTotal),
				now: NOW,
				today: TODAY
			});
		};
		const a = run(split);
		const b = run(shared);
		const areaWidth = a.areas[0]!.score!.high - a.areas[0]!.score!.low;
		expect(a.overall!.high - a.overall!.low).toBeCloseTo(areaWidth / Math.SQRT2, 2);
		expect(b.overall!.high - b.overall!.low).toBeCloseTo(areaWidth, 2);
		// Shared answers are counted once.
		expect(b.answers).toBe(50);
	});

	it('compares scaled-score exams on the percent-correct scale', () => {
		expect(passLine(CPC)).toEqual({ fraction: 0.7, scaled: false });
		expect(passLine(presetById('CCA')!)).toEqual({ fraction: 0.7, scaled: true, scaledPass: 300 });
	});

	it('gives no number for an area the banks have no items for', () => {
		const r = readiness({
			preset: ONE,
			entries: [],
			days: [dayTotal(TODAY, 'bank/a', 40, 40)],
			cards: [],
			items: [],
			now: NOW,
			today: TODAY
		});
		expect(r.areas[0]!.pool).toBe(0);
		expect(r.areas[0]!.score).toBeUndefined();
	});

	it('gives the Wilson interval at the effective count', () => {
		// 10 answers, 5 right, weight 1: the 80% Wilson interval, worked by hand (z = 1.2816).
		const w = accuracy({ w: 10, w2: 10, score: 5 });
		expect(w.estimate).toBe(0.5);
		expect(w.low).toBeCloseTo(0.3122, 4);
		expect(w.high).toBeCloseTo(0.6878, 4);
		expect(accuracy({ w: 0, w2: 0, score: 0 })).toEqual({ estimate: 0.5, low: 0, high: 1 });
	});
});

describe('readiness in words', () => {
	const base: Readiness = {
		presetId: 'CPC',
		areas: [],
		answers: 412,
		pass: { fraction: 0.7, scaled: false },
		overall: { estimate: 0.684, low: 0.61, high: 0.752 }
	};

	it('says the estimate, its range, the pass mark and the answers it rests on', () => {
		expect(headline(base)).toBe(
			'Estimated 68% (range 61–75%), pass is 70%; based on 412 answers in the last 60 days.'
		);
	});

	it('names the scaled pass score and its percent-correct cut', () => {
		expect(passText({ fraction: 0.7, scaled: true, scaledPass: 300 })).toBe(
			'pass is 300 scaled, about 70% correct'
		);
	});

	it('says "not enough answers yet" instead of a number', () => {
		const text = headline({ ...base, overall: undefined, answers: 1 });
		expect(text).toMatch(/^Not enough answers yet/);
		expect(text).toContain('you have 1 answer in the last 60 days');
		expect(text).not.toMatch(/\d+%/);
	});
});
