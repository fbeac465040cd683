import { describe, expect, it } from 'vitest';
import {
	accuracyByWeek,
	codePracticeUrl,
	examScores,
	forecast,
	forecastEnd,
	heatMap,
	paceSeconds,
	paceShare,
	sectionPracticeUrl,
	weakestCodes,
	weakestSections,
	weekOf,
	type ExamLike
} from './charts';
import { TIME_BINS_S, type CodeTotal, type DayTotal } from './types';
import { localDay } from '../db/totals';
import type { PassRule } from '../exam/presets';

const DAY = 86_400_000;
/** Wednesday 2 December 2026, 15:00 UTC. */
const NOW = Date.UTC(2026, 11, 2, 15, 0);
const TODAY = localDay(NOW, 0);

function dayTotal(o: Partial<DayTotal> & { day: number }): DayTotal {
	const bankId = o.bankId ?? 'cpc';
	const section = o.section ?? 'em';
	return {
		key: `${o.day}|${bankId}|${section}`,
		bankId,
		section,
		attempts: 10,
		correct: 5,
		scoreSum: 5,
		timeMs: 600_000,
		practice: 10,
		drill: 0,
		exam: 0,
		timeBins: Array<number>(TIME_BINS_S.length + 1).fill(0),
		mistakes: {},
		...o
	};
}

describe('weekOf', () => {
	it('gives the Monday of the week', () => {
		// 1970-01-01 was a Thursday: its Monday is 29 December 1969.
		expect(weekOf(0)).toBe(-3);
		expect(weekOf(-3)).toBe(-3);
		expect(weekOf(3)).toBe(-3);
		expect(weekOf(4)).toBe(4);
		// 2 December 2026 (Wednesday) belongs to Monday 30 November.
		expect(new Date(weekOf(TODAY) * DAY).toISOString().slice(0, 10)).toBe('2026-11-30');
	});
});

describe('accuracyByWeek', () => {
	it('sums each section per week, most answered sections first, gaps left empty', () => {
		const monday = weekOf(TODAY);
		const rows = accuracyByWeek(
			[
				dayTotal({ day: monday, attempts: 4, correct: 1 }),
				dayTotal({ day: monday + 2, attempts: 4, correct: 3 }),
				dayTotal({ day: monday - 7, section: 'surgery', attempts: 20, correct: 15 }),
				// Before the window: ignored.
				dayTotal({ day: monday - 7 * 3, section: 'em', attempts: 50, correct: 0 })
			],
			NOW,
			0,
			3
		);
		expect(rows.map((r) => [r.section, r.attempts])).toEqual([
			['surgery', 20],
			['em', 8]
		]);
		expect(rows[1]!.weeks).toEqual([
			{ week: monday - 14, attempts: 0, correct: 0, accuracy: undefined },
			{ week: monday - 7, attempts: 0, correct: 0, accuracy: undefined },
			{ week: monday, attempts: 8, correct: 4, accuracy: 0.5 }
		]);
		expect(rows[0]!.weeks[1]!.accuracy).toBe(0.75);
	});

	it('keeps only the most answered sections', () => {
		const days = ['a', 'b', 'c'].map((section, n) =>
			dayTotal({ day: TODAY, section, attempts: n + 1 })
		);
		expect(accuracyByWeek(days, NOW, 0, 12, 2).map((r) => r.section)).toEqual(['c', 'b']);
	});
});

describe('heatMap', () => {
	it('counts drill answers per day over the span, with levels in quarters of the busiest day', () => {
		const heat = heatMap(
			[
				dayTotal({ day: TODAY, drill: 8 }),
				dayTotal({ day: TODAY, section: 'surgery', drill: 12 }),
				dayTotal({ day: TODAY - 1, drill: 1 }),
				dayTotal({ day: TODAY - 2, drill: 0 }),
				// Outside the span.
				dayTotal({ day: TODAY - 5, drill: 99 })
			],
			NOW,
			0,
			5
		);
		expect(heat.days).toEqual([
			{ day: TODAY - 4, count: 0, level: 0 },
			{ day: TODAY - 3, count: 0, level: 0 },
			{ day: TODAY - 2, count: 0, level: 0 },
			{ day: TODAY - 1, count: 1, level: 1 },
			{ day: TODAY, count: 20, level: 4 }
		]);
		expect(heat).toMatchObject({ max: 20, activeDays: 2, total: 21 });
		expect(heat.months).toEqual([
			{ firstDay: TODAY - 4, month: '2026-11', activeDays: 0, answers: 0 },
			{ firstDay: TODAY - 1, month: '2026-12', activeDays: 2, answers: 21 }
		]);
	});

	it('uses the local day: 23:30 the evening before in New York is that day', () => {
		const lateEvening = Date.UTC(2026, 11, 2, 4, 30);
		const heat = heatMap([dayTotal({ day: localDay(lateEvening, 300), drill: 3 })], NOW, 300, 2);
		expect(heat.days.map((d) => d.count)).toEqual([3, 0]);
	});

	it('an empty history has no active day and level 0 everywhere', () => {
		const heat = heatMap([], NOW, 0);
		expect(heat.days).toHaveLength(365);
		expect(heat.days.every((d) => d.level === 0)).toBe(true);
		expect(heat.max).toBe(0);
	});
});

describe('forecast', () => {
	it('buckets due dates per local day, overdue cards counting today', () => {
		const dues = [NOW + 1000, NOW + DAY, NOW + 2 * DAY, NOW + 2 * DAY + 60_000, NOW + 40 * DAY];
		expect(forecast(dues, 3, NOW, 0, 4)).toEqual([
			{ day: TODAY, due: 4 },
			{ day: TODAY + 1, due: 1 },
			{ day: TODAY + 2, due: 2 },
			{ day: TODAY + 3, due: 0 }
		]);
	});

	it('ends the due range at local midnight after the last day', () => {
		expect(forecastEnd(NOW, 0, 1)).toBe(Date.UTC(2026, 11, 3));
		// UTC-5: local midnight is 05:00 UTC.
		expect(forecastEnd(NOW, 300, 1)).toBe(Date.UTC(2026, 11, 3, 5));
	});
});

describe('paceShare', () => {
	it('gives the CPC 144 seconds a question', () => {
		expect(paceSeconds(240, 100)).toBe(144);
	});

	it('counts bins wholly within and wholly over the pace, and the mean time', () => {
		const bins = Array<number>(TIME_BINS_S.length + 1).fill(0);
		// under 30 s: 2; 60-90 s: 3; 120-150 s (across 144 s): 4; 150-180 s: 1; 600 s or more: 1
		bins[0] = 2;
		bins[2] = 3;
		bins[4] = 4;
		bins[5] = 1;
		bins[9] = 1;
		const p = paceShare(
			[dayTotal({ day: TODAY, attempts: 11, timeMs: 1_100_000, timeBins: bins })],
			144
		);
		expect(p).toMatchObject({
			total: 11,
			meanSeconds: 100,
			within: 5,
			withinEdge: 120,
			over: 2,
			overEdge: 150
		});
		expect(p.bins.map((b) => b.short)).toEqual([
			'<30s',
			'30s–1m',
			'1–1.5m',
			'1.5–2m',
			'2–2.5m',
			'2.5–3m',
			'3–4m',
			'4–5m',
			'5–10m',
			'10m+'
		]);
		expect(p.bins.map((b) => [b.label, b.count, b.side])).toEqual([
			['under 30 s', 2, 'within'],
			['30 s–60 s', 0, 'within'],
			['60 s–90 s', 3, 'within'],
			['90 s–2 min', 0, 'within'],
			['2 min–2.5 min', 4, 'across'],
			['2.5 min–3 min', 1, 'over'],
			['3 min–4 min', 0, 'over'],
			['4 min–5 min', 0, 'over'],
			['5 min–10 min', 0, 'over'],
			['10 min or more', 1, 'over']
		]);
	});

	it('a pace on a bin edge leaves no bin across it', () => {
		const p = paceShare([], 120);
		expect(p.bins.filter((b) => b.side === 'across')).toEqual([]);
		expect(p).toMatchObject({ total: 0, meanSeconds: 0, withinEdge: 120, overEdge: 120 });
	});
});

describe('examScores', () => {
	const percent = { kind: 'percent', percent: 70 } as const;
	const scaled = { kind: 'scaled', min: 100, max: 400, pass: 300, rawCut: 70 } as const;
	function exam(
		id: string,
		at: number | undefined,
		reported: number,
		pass: PassRule = percent
	): ExamLike {
		return {
			id,
			spec: { title: id, pass },
			submittedAt: at,
			result:
				at === undefined
					? undefined
					: { points: 0, possible: 0, fraction: 0, reported, passed: reported >= 70 }
		};
	}

	it('charts the exams on the newest exam scale, oldest first, and lists them all', () => {
		const s = examScores([
			exam('b', 3000, 75),
			exam('a', 1000, 62),
			exam('open', undefined, 0),
			exam('c', 2000, 310, scaled)
		]);
		expect(s.all.map((e) => e.id)).toEqual(['a', 'c', 'b']);
		expect(s.charted.map((e) => [e.id, e.reported, e.passed])).toEqual([
			['a', 62, false],
			['b', 75, true]
		]);
		expect(s.mark).toEqual({ pass: 70, min: 0, max: 100, unit: '%' });
	});

	it('no submitted exam, no mark', () => {
		expect(examScores([exam('open', undefined, 0)])).toEqual({
			all: [],
			charted: [],
			mark: undefined
		});
	});
});

describe('weakestSections', () => {
	it('ranks recent sections with enough answers, weakest first', () => {
		const weak = weakestSections(
			[
				dayTotal({ day: TODAY, section: 'em', attempts: 6, correct: 3 }),
				dayTotal({ day: TODAY - 3, section: 'em', attempts: 6, correct: 3 }),
				dayTotal({ day: TODAY, section: 'surgery', attempts: 10, correct: 2 }),
				// Too few answers to judge.
				dayTotal({ day: TODAY, section: 'radiology', attempts: 9, correct: 0 }),
				// Outside the 28-day window.
				dayTotal({ day: TODAY - 28, section: 'medicine', attempts: 50, correct: 0 })
			],
			NOW,
			0
		);
		expect(weak).toEqual([
			{ bankId: 'cpc', section: 'surgery', attempts: 10, correct: 2, accuracy: 0.2 },
			{ bankId: 'cpc', section: 'em', attempts: 12, correct: 6, accuracy: 0.5 }
		]);
	});
});

describe('weakestCodes', () => {
	const code = (o: Partial<CodeTotal> & { code: string }): CodeTotal => ({
		attempts: 4,
		correct: 2,
		lastAt: NOW,
		itemIds: ['x'],
		...o
	});
	it('ranks missed codes met often enough, weakest then most answered first', () => {
		const weak = weakestCodes([
			code({ code: 'J45.909', attempts: 4, correct: 1 }),
			code({ code: '99213', attempts: 8, correct: 2 }),
			code({ code: 'E11.9', attempts: 2, correct: 0 }),
			code({ code: 'I10', attempts: 5, correct: 5 }),
			code({ code: 'Z00.00', attempts: 5, correct: 1, itemIds: [] })
		]);
		expect(weak.map((c) => [c.code, c.accuracy])).toEqual([
			['99213', 0.25],
			['J45.909', 0.25]
		]);
	});
});

describe('drill links', () => {
	it('opens practice of a section, or of the items citing a code', () => {
		expect(sectionPracticeUrl({ bankId: 'cpc', section: 'em' })).toBe(
			'/practice/run?bank=cpc&section=em&new=1'
		);
		expect(codePracticeUrl({ code: 'J45.909', itemIds: ['cpc-1', 'dx 2'] })).toBe(
			'/practice/run?items=cpc-1,dx%202&title=J45.909'
		);
	});
});
