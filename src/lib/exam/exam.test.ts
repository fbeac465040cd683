import { describe, expect, it } from 'vitest';
import type { Item } from '../content/types';
import { makeItem as item } from '../../../tests/factories/item';
import { assemble, describeShortfall, scaledMinutes } from './assemble';
import {
	apportion,
	customPreset,
	examName,
	miniOf,
	PRESETS,
	presetById,
	type Preset
} from './presets';
import { passes, reportedScore, scoreExam, scoreText } from './score';
import {
	bank as bankTime,
	formatClock,
	takenText,
	isOver,
	itemTimeMs,
	leftOnMark,
	MINUTE,
	pause,
	remainingMs,
	resume,
	startClock,
	warningDue
} from './timing';

const T0 = Date.UTC(2026, 10, 23, 9, 0);

/** `n` single-best-answer CPC items in each of the given `bank/section`s (bank `cpc` if none). */
function bank(sections: Record<string, number>): Item[] {
	return Object.entries(sections).flatMap(([key, n]) => {
		const [bankId, s] = key.includes('/') ? key.split('/') : ['cpc', key];
		return Array.from({ length: n }, (_, i) => ({ ...item(`${s}-${i}`, s!), bankId: bankId! }));
	});
}

const CPC = presetById('CPC')!;
/** Twenty items in every section the CPC draws from. */
const FULL_CPC_BANK = bank(
	Object.fromEntries(CPC.blueprint.flatMap((a) => a.sections).map((s) => [s, 20]))
);

/** How many drawn items each blueprint area took. */
function countByArea(a: {
	itemIds: string[];
	areaOf: Record<string, string>;
}): Record<string, number> {
	const out: Record<string, number> = {};
	for (const id of a.itemIds) out[a.areaOf[id]!] = (out[a.areaOf[id]!] ?? 0) + 1;
	return out;
}

describe('presets', () => {
	it('every blueprint adds up to the preset item count', () => {
		for (const p of PRESETS) {
			expect(
				p.blueprint.reduce((n, a) => n + a.count, 0),
				p.id
			).toBe(p.items);
			const mini = miniOf(p);
			expect(
				mini.blueprint.reduce((n, a) => n + a.count, 0),
				mini.id
			).toBe(25);
		}
	});

	it('covers the eight exams in DESIGN.md with their time limits and books', () => {
		expect(PRESETS.map((p) => p.id)).toEqual([
			'CPC',
			'COC',
			'CIC',
			'CRC',
			'CPB',
			'CCA',
			'CCS',
			'CBCS'
		]);
		expect(CPC).toMatchObject({ items: 100, minutes: 240, pause: false });
		expect(presetById('CCA')).toMatchObject({ minutes: 120, items: 100 });
		expect(presetById('CBCS')!.books).toEqual([]);
	});

	it('a mini scales time with items and may be paused', () => {
		const mini = presetById('CPC-mini')!;
		expect(mini).toMatchObject({ id: 'CPC-mini', items: 25, minutes: 60, pause: true });
		// The 17 CPC areas shrink to 25 items by largest remainder: the 8-item E/M area keeps 2.
		expect(mini.blueprint.find((a) => a.id === 'em')!.count).toBe(2);
		expect(mini.blueprint.reduce((n, a) => n + a.count, 0)).toBe(25);
		expect(presetById('nope')).toBeUndefined();
	});

	it('apportions by largest remainder', () => {
		expect(apportion(25, [9, 8, 36, 8, 8, 8, 12, 5, 6])).toEqual([2, 2, 9, 2, 2, 2, 3, 1, 2]);
		expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(apportion(0, [1, 2])).toEqual([0, 0]);
	});

	it('a custom exam splits the count evenly over the chosen sections', () => {
		const p = customPreset({
			bankId: 'cpc',
			sections: [
				{ id: 'em', title: 'E/M' },
				{ id: 'icd10cm', title: 'ICD-10-CM' }
			],
			items: 5,
			minutes: 12
		});
		expect(p.blueprint.map((a) => [a.id, a.count, a.sections])).toEqual([
			['em', 3, ['cpc/em']],
			['icd10cm', 2, ['cpc/icd10cm']]
		]);
		expect(p.tag).toBeUndefined();
		expect(p.itemTypes).not.toContain('flashcard');
	});
});

describe('assemble', () => {
	it('is deterministic for a seed and draws each area its blueprint count', () => {
		const a = assemble(CPC, FULL_CPC_BANK, 42);
		expect(assemble(CPC, FULL_CPC_BANK, 42)).toEqual(a);
		expect(a.itemIds).toHaveLength(100);
		expect(new Set(a.itemIds).size).toBe(100);
		expect(a.missing).toBe(0);
		expect(a.shortfalls).toEqual([]);
		expect(countByArea(a)).toEqual(Object.fromEntries(CPC.blueprint.map((x) => [x.id, x.count])));
		// Each item comes from a section its area names, across banks (compliance from billing).
		const byId = new Map(FULL_CPC_BANK.map((i) => [i.id, i]));
		for (const id of a.itemIds) {
			const area = CPC.blueprint.find((x) => x.id === a.areaOf[id])!;
			expect(area.sections).toContain(`${byId.get(id)!.bankId}/${byId.get(id)!.section}`);
		}
		expect(a.itemIds.some((id) => byId.get(id)!.bankId === 'billing')).toBe(true);
	});

	it('a different seed draws a different exam', () => {
		const a = assemble(CPC, FULL_CPC_BANK, 1).itemIds;
		const b = assemble(CPC, FULL_CPC_BANK, 2).itemIds;
		expect(a).not.toEqual(b);
	});

	it('the mini matches its scaled blueprint', () => {
		const mini = presetById('CPC-mini')!;
		const a = assemble(mini, FULL_CPC_BANK, 7);
		expect(countByArea(a)).toEqual(Object.fromEntries(mini.blueprint.map((x) => [x.id, x.count])));
	});

	it('avoids the items of the last exam while the bank has others', () => {
		const mini = presetById('CPC-mini')!;
		const first = assemble(mini, FULL_CPC_BANK, 3);
		const second = assemble(mini, FULL_CPC_BANK, 4, new Set(first.itemIds));
		expect(second.itemIds.filter((id) => first.itemIds.includes(id))).toEqual([]);
	});

	it('falls back to seen items when the bank has too few fresh ones', () => {
		const small = bank({ hcpcs: 6 });
		const p = customPreset({
			bankId: 'cpc',
			sections: [{ id: 'hcpcs', title: 'HCPCS' }],
			items: 5,
			minutes: 10
		});
		const first = assemble(p, small, 1);
		const second = assemble(p, small, 2, new Set(first.itemIds));
		expect(second.itemIds).toHaveLength(5);
		// The one item the first exam left out comes first.
		const fresh = small.map((i) => i.id).find((id) => !first.itemIds.includes(id));
		expect(second.itemIds[0]).toBe(fresh);
	});

	it('says plainly when the bank is too small and by how much', () => {
		// Everything but anesthesia and ICD-10-CM, and only one E/M item.
		const mini = presetById('CPC-mini')!;
		const full = Object.fromEntries(mini.blueprint.flatMap((x) => x.sections).map((s) => [s, 5]));
		const small = bank({ ...full, 'cpc/anesthesia': 0, 'diagnosis/icd10cm': 0, 'cpc/em': 1 });
		const a = assemble(mini, small, 1);
		const want = (id: string) => mini.blueprint.find((x) => x.id === id)!.count;
		const short = want('anesthesia') + want('icd10cm') + want('em') - 1;
		expect(a.missing).toBe(short);
		expect(a.itemIds).toHaveLength(25 - short);
		expect(a.shortfalls.map((s) => [s.areaId, s.needed, s.available])).toEqual([
			['em', want('em'), 1],
			['anesthesia', want('anesthesia'), 0],
			['icd10cm', want('icd10cm'), 0]
		]);
		expect(describeShortfall(mini, a)).toBe(
			`The CPC mini needs 25 items; the banks have ${25 - short} that fit (${short} short). ` +
				`Evaluation and Management needs ${want('em')}, has 1; Anesthesia needs ${want('anesthesia')}, has 0; ` +
				`ICD-10-CM needs ${want('icd10cm')}, has 0.`
		);
		expect(scaledMinutes(mini, 11)).toBe(26);
		expect(describeShortfall(CPC, assemble(CPC, FULL_CPC_BANK, 1))).toBeUndefined();
	});

	it('draws only the exam tag and item types the preset allows, never flashcards', () => {
		const dx = (i: Item): Item => ({ ...i, bankId: 'diagnosis' });
		const items = [
			dx(item('a', 'icd10cm')),
			dx(item('b', 'icd10cm', 'single-best-answer', ['CCA'])),
			dx(item('c', 'icd10cm', 'code-entry')),
			dx(item('d', 'icd10cm', 'flashcard')),
			{ ...item('e', 'inpatient', 'case', ['CIC']), bankId: 'facility' },
			dx(item('f', 'icd10cm', 'single-best-answer', ['CIC'])),
			// The right section name in the wrong bank is not drawn.
			item('g', 'icd10cm')
		];
		expect(assemble(CPC, items, 1).itemIds).toEqual(['a']);
		const cic = presetById('CIC')!;
		const a = assemble(cic, items, 1);
		expect(a.itemIds).toEqual(['f', 'e']);
		expect(a.areaOf).toEqual({ f: 'inpatient', e: 'cases' });
	});

	it('an item in two areas sections is drawn once', () => {
		const items = bank({ 'diagnosis/icd10cm': 3 }).map((i) => ({
			...i,
			exams: ['CCS' as const]
		}));
		const ccs = presetById('CCS')!;
		const a = assemble(ccs, items, 9);
		expect(a.itemIds).toHaveLength(3);
		expect(new Set(a.itemIds).size).toBe(3);
	});
});

describe('timing', () => {
	it('remaining time comes from the stored deadline, also after a reload', () => {
		const clock = startClock(T0, 60);
		expect(remainingMs(clock, T0)).toBe(60 * MINUTE);
		// A reload 17 minutes later rebuilds the clock from the stored fields only.
		const stored = JSON.parse(JSON.stringify(clock)) as typeof clock;
		expect(remainingMs(stored, T0 + 17 * MINUTE)).toBe(43 * MINUTE);
		expect(isOver(stored, T0 + 17 * MINUTE)).toBe(false);
	});

	it('after the deadline no time is left and the exam is over', () => {
		const clock = startClock(T0, 60);
		expect(remainingMs(clock, T0 + 60 * MINUTE)).toBe(0);
		expect(isOver(clock, T0 + 60 * MINUTE)).toBe(true);
		expect(remainingMs(clock, T0 + 600 * MINUTE)).toBe(0);
		expect(isOver(clock, T0 + 60 * MINUTE - 1)).toBe(false);
	});

	it('pausing freezes the clock and resuming moves the deadline', () => {
		let clock = startClock(T0, 60);
		clock = pause(clock, T0 + 10 * MINUTE);
		expect(remainingMs(clock, T0 + 500 * MINUTE)).toBe(50 * MINUTE);
		expect(isOver(clock, T0 + 500 * MINUTE)).toBe(false);
		clock = resume(clock, T0 + 30 * MINUTE);
		expect(clock.pausedAt).toBeUndefined();
		expect(clock.deadline).toBe(T0 + 80 * MINUTE);
		expect(remainingMs(clock, T0 + 30 * MINUTE)).toBe(50 * MINUTE);
		expect(pause(startClock(T0, 1), T0 + 2 * MINUTE)).toEqual(startClock(T0, 1));
	});

	it('warns once at 30 and at 5 minutes left, and only if the exam is longer', () => {
		const clock = startClock(T0, 60);
		expect(warningDue(clock, T0 + 29 * MINUTE, [])).toBeUndefined();
		expect(warningDue(clock, T0 + 30 * MINUTE, [])).toBe(30 * MINUTE);
		expect(warningDue(clock, T0 + 31 * MINUTE, [30 * MINUTE])).toBeUndefined();
		expect(warningDue(clock, T0 + 56 * MINUTE, [30 * MINUTE])).toBe(5 * MINUTE);
		// Reopened with 4 minutes left and nothing announced: the nearer warning, not both.
		expect(warningDue(clock, T0 + 56 * MINUTE, [])).toBe(5 * MINUTE);
		expect(warningDue(startClock(T0, 20), T0, [])).toBeUndefined();
		expect(formatClock(3 * 3600_000 + 59 * MINUTE + 12_000)).toBe('3:59:12');
		expect(formatClock(4 * MINUTE + 5_000)).toBe('4:05');
	});
});

describe('timing with a wall clock that jumps', () => {
	const HOUR = 60 * MINUTE;
	// The page's monotonic clock (performance.now) reads 0 when the exam starts with 60 minutes.
	const mark = { mono: 0, left: 60 * MINUTE };

	it('a clock set back never adds time: the remaining time stays within the exam length', () => {
		const clock = startClock(T0, 60);
		expect(remainingMs(clock, T0 - 5 * HOUR)).toBe(60 * MINUTE);
		expect(isOver(clock, T0 - 5 * HOUR)).toBe(false);
		// Within the page's life the monotonic clock keeps counting: 20 minutes on, 40 are left.
		expect(remainingMs(clock, T0 - 5 * HOUR, leftOnMark(mark, 20 * MINUTE))).toBe(40 * MINUTE);
		expect(isOver(clock, T0 - 5 * HOUR, leftOnMark(mark, 60 * MINUTE))).toBe(true);
	});

	it('the clock-back-and-pause test keeps the remaining time within the exam length', () => {
		// 5 minutes in, the clock is set 5 hours back and the exam paused.
		let clock = startClock(T0, 60);
		clock = pause(clock, T0 + 5 * MINUTE - 5 * HOUR, leftOnMark(mark, 5 * MINUTE));
		expect(remainingMs(clock, T0 - 4 * HOUR)).toBe(55 * MINUTE);
		// Set forward again (an hour later in real time) and resumed: 55 minutes, not 5 h 55.
		clock = resume(clock, T0 + 65 * MINUTE);
		expect(clock.pausedAt).toBeUndefined();
		expect(remainingMs(clock, T0 + 65 * MINUTE)).toBe(55 * MINUTE);
		expect(remainingMs(clock, T0 + 75 * MINUTE)).toBe(45 * MINUTE);
		expect(isOver(clock, T0 + 120 * MINUTE)).toBe(true);
	});

	it('a clock set forward while paused does not eat the exam', () => {
		let clock = pause(startClock(T0, 60), T0 + 10 * MINUTE);
		clock = resume(clock, T0 + 10 * MINUTE + 5 * HOUR);
		expect(isOver(clock, T0 + 10 * MINUTE + 5 * HOUR)).toBe(false);
		expect(remainingMs(clock, T0 + 10 * MINUTE + 5 * HOUR)).toBe(50 * MINUTE);
	});

	it('a reload while paused with the clock set back resumes with the time left at the pause', () => {
		const paused = pause(startClock(T0, 60), T0 + 10 * MINUTE);
		const stored = JSON.parse(JSON.stringify(paused)) as typeof paused;
		expect(remainingMs(stored, T0 - 5 * HOUR)).toBe(50 * MINUTE);
		const resumed = resume(stored, T0 - 5 * HOUR);
		expect(remainingMs(resumed, T0 - 5 * HOUR)).toBe(50 * MINUTE);
		expect(remainingMs(resumed, T0 - 5 * HOUR + 50 * MINUTE)).toBe(0);
	});

	it('time used is banked at each save, so a reload after the clock was set back gives none back', () => {
		// Set back at the start; 20 minutes of monotonic time later an answer is saved.
		let clock = startClock(T0, 60);
		clock = bankTime(clock, T0 - 5 * HOUR + 20 * MINUTE, leftOnMark(mark, 20 * MINUTE));
		expect(clock.usedMs).toBe(20 * MINUTE);
		// The reloaded page has no monotonic reading from before: the banked time caps the wall clock.
		const stored = JSON.parse(JSON.stringify(clock)) as typeof clock;
		expect(remainingMs(stored, T0 - 5 * HOUR + 21 * MINUTE)).toBe(40 * MINUTE);
		// Banking never gives time back: a later save with more time on the wall keeps the most used.
		expect(bankTime(stored, T0 + 10 * MINUTE).usedMs).toBe(20 * MINUTE);
		// A clock set forward while running counts, as a sleeping laptop does.
		expect(bankTime(stored, T0 + 45 * MINUTE).usedMs).toBe(45 * MINUTE);
	});

	it('an item records its monotonic time on screen, never more than the exam length', () => {
		const clock = startClock(T0, 60);
		expect(itemTimeMs(clock, 1_000, 91_000)).toBe(90_000);
		expect(itemTimeMs(clock, 0, 2 * HOUR)).toBe(60 * MINUTE);
		expect(itemTimeMs(clock, 5_000, 1_000)).toBe(0);
	});

	it('reads exams stored before the length and the time used were kept', () => {
		// Running: the length is the span from start to deadline, so a clock set back is capped.
		const running = { startedAt: T0, deadline: T0 + 60 * MINUTE };
		expect(remainingMs(running, T0 - 5 * HOUR)).toBe(60 * MINUTE);
		expect(remainingMs(running, T0 + 20 * MINUTE)).toBe(40 * MINUTE);
		// Paused by the old code with the clock 5 hours back: resumes with the hour, not 6 hours.
		const paused = { ...running, pausedAt: T0 - 5 * HOUR };
		const resumed = resume(paused, T0 + 30 * MINUTE);
		expect(remainingMs(resumed, T0 + 30 * MINUTE)).toBe(60 * MINUTE);
		expect(resumed.usedMs).toBe(0);
	});

	it('warns by the exam length, not by a deadline moved on by a pause', () => {
		// A 20-minute mini paused for a quarter of an hour does not resume with "30 minutes left".
		let clock = pause(startClock(T0, 20), T0 + MINUTE);
		clock = resume(clock, T0 + 16 * MINUTE);
		expect(warningDue(clock, T0 + 16 * MINUTE, [])).toBeUndefined();
		expect(warningDue(clock, T0 + 31 * MINUTE, [])).toBe(5 * MINUTE);
	});
});

describe('scoring', () => {
	const items = [
		item('s1', 'em'),
		item('s2', 'em'),
		item('s3', 'surgery'),
		item('c1', 'icd10cm', 'code-entry')
	];
	const byId = new Map(items.map((i) => [i.id, i]));
	const preset: Preset = customPreset({
		bankId: 'cpc',
		sections: [
			{ id: 'em', title: 'E/M' },
			{ id: 'surgery', title: 'Surgery' },
			{ id: 'icd10cm', title: 'ICD-10-CM' }
		],
		items: 4,
		minutes: 10
	});
	const sitting = {
		itemIds: ['s1', 's2', 's3', 'c1'],
		areaOf: { s1: 'em', s2: 'em', s3: 'surgery', c1: 'icd10cm' },
		answers: {
			s1: { choice: 'B' },
			s2: { choice: 'A' },
			c1: { codes: [{ icd10cm: 'e119' }] }
		},
		timeMs: { s1: 1000, s2: 2000, s3: 500, c1: 4000 }
	};

	it('scores items, areas and time per area', () => {
		const r = scoreExam(preset, byId, sitting);
		expect(r.items.map((i) => [i.itemId, i.answered, i.score])).toEqual([
			['s1', true, 1],
			['s2', true, 0],
			['s3', false, 0],
			['c1', true, 0.5]
		]);
		expect(r.points).toBe(1.5);
		expect(r.fraction).toBe(0.375);
		expect(r.passed).toBe(false);
		expect(r.areas.map((a) => [a.id, a.items, a.answered, a.points, a.timeMs])).toEqual([
			['em', 2, 2, 1, 3000],
			['surgery', 1, 0, 0, 500],
			['icd10cm', 1, 1, 0.5, 4000]
		]);
	});

	it('passes at exactly 70% and fails just under', () => {
		const rule = { kind: 'percent', percent: 70 } as const;
		expect(passes(rule, 0.7)).toBe(true);
		expect(passes(rule, 69.9 / 100)).toBe(false);
		expect(reportedScore(rule, 0.7)).toBe(70);
	});

	it('maps raw scores onto the AHIMA and NHA scales', () => {
		const cca = presetById('CCA')!.pass;
		expect(reportedScore(cca, 0)).toBe(100);
		expect(reportedScore(cca, 0.7)).toBe(300);
		expect(reportedScore(cca, 0.85)).toBe(350);
		expect(reportedScore(cca, 1)).toBe(400);
		expect(passes(cca, 0.7)).toBe(true);
		expect(passes(cca, 0.69)).toBe(false);
		const cbcs = presetById('CBCS')!.pass;
		expect(reportedScore(cbcs, 0.7)).toBe(390);
		expect(reportedScore(cbcs, 1)).toBe(500);
	});

	it('every preset judges a full score a pass and an empty one a fail', () => {
		for (const p of PRESETS) {
			expect(passes(p.pass, 1), p.id).toBe(true);
			expect(passes(p.pass, 0), p.id).toBe(false);
		}
	});

	it('shows a score one way everywhere, never rounded up to a pass', () => {
		const pct = { kind: 'percent', percent: 70 } as const;
		// 1 of 52 is 1.92%: the headline, the body and the history all say the same.
		expect(scoreText(pct, 1 / 52)).toBe('1.9%');
		expect(reportedScore(pct, 1 / 52)).toBe(1.9);
		expect(scoreText(pct, 0.7)).toBe('70%');
		expect(scoreText(pct, 1)).toBe('100%');
		expect(scoreText(pct, 0)).toBe('0%');
		// 69.96% is a fail, so it must not read as 70%.
		expect(passes(pct, 0.6996)).toBe(false);
		expect(scoreText(pct, 0.6996)).toBe('69.9%');
		expect(scoreText(presetById('CCA')!.pass, 0.7)).toBe('300');
	});
});

describe('names', () => {
	it('says "exam" once, whatever the title', () => {
		expect(examName('CPC')).toBe('CPC exam');
		expect(examName('CPC mini')).toBe('CPC mini exam');
		expect(examName('Custom exam')).toBe('Custom exam');
		expect(
			examName(customPreset({ bankId: 'cpc', sections: [], items: 1, minutes: 1 }).title)
		).toBe('Custom exam');
	});
});

describe('dates', () => {
	it('says when an exam was taken with the weekday spelled out', () => {
		// 1 December 2026 is a Tuesday: "Sat Dec 1" read as a Saturday.
		expect(takenText(Date.UTC(2026, 11, 1, 14, 5), 'UTC')).toBe(
			'Tuesday, December 1, 2026 at 2:05 PM'
		);
	});
});
