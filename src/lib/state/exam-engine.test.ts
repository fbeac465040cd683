import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Item } from '../content/types';
import { makeItem } from '../../../tests/factories/item';
import { createDb } from '../db/db';
import { attemptsRepo, ExamClosedError, examsRepo } from '../db/repositories';
import { customPreset, presetById } from '../exam/presets';
import { scoreExam } from '../exam/score';
import { reportItems, revisionOf } from '../exam/scored';
import { MINUTE, remainingMs } from '../exam/timing';
import { missRelearner } from '../srs/misses';
import { DEFAULT_SRS } from '../srs/settings';
import { ExamEngine, planExam, startExam } from './exam-engine';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const SECTIONS = ['em', 'surgery', 'icd10cm'];

const ITEMS: Item[] = SECTIONS.flatMap((section) =>
	Array.from({ length: 12 }, (_, i) => makeItem(`${section}-${i}`, section))
);
const BY_ID = new Map(ITEMS.map((i) => [i.id, i]));

const PRESET = customPreset({
	bankId: 'cpc',
	sections: SECTIONS.map((id) => ({ id, title: id })),
	items: 12,
	minutes: 30
});

function setup() {
	const db = createDb('exam', { indexedDB: new IDBFactory(), IDBKeyRange });
	// `now` is the wall clock (the learner may set it); `mono` the page's performance.now().
	const clock = { now: T0, mono: 0 };
	const exams = examsRepo(db);
	const deps = { exams, items: BY_ID, clock: () => clock.now, monotonic: () => clock.mono };
	return { db, clock, exams, deps, attempts: attemptsRepo(db) };
}

async function started(s: ReturnType<typeof setup>, preset = PRESET) {
	const plan = planExam(preset, ITEMS, 5, new Set());
	const record = await startExam(s.exams, plan, 5, s.clock.now);
	return new ExamEngine(record, s.deps);
}

describe('exam engine', () => {
	it('puts the answered misses into the drill as it submits, the blank ones not', async () => {
		const s = setup();
		const relearn = missRelearner({ ...DEFAULT_SRS, fuzz: false }, () => 0, 'exam');
		const plan = planExam(PRESET, ITEMS, 5, new Set());
		const record = await startExam(s.exams, plan, 5, s.clock.now);
		const e = new ExamEngine(record, { ...s.deps, relearn });
		const [wrong, right] = e.exam.itemIds as [string, string];
		await e.answer(wrong, { choice: 'A' });
		await e.answer(right, { choice: 'B' });
		s.clock.now += 10 * MINUTE;
		expect(await e.submit()).toBe(true);

		const cards = await s.db.cards.toArray();
		expect(cards.map((c) => c.itemId)).toEqual([wrong]);
		// Due when the next learner day starts: 04:00 UTC on 24 November.
		expect(cards[0]!.due).toBe(Date.UTC(2026, 10, 24, 4, 0));
		const [review, ...more] = await s.db.reviews.toArray();
		expect(more).toEqual([]);
		const attempt = (await s.attempts.forSession(e.exam.id)).find((a) => a.itemId === wrong);
		expect(review).toMatchObject({ itemId: wrong, source: 'exam', attemptId: attempt!.id });
	});

	it('keeps every answer, flag and the remaining time across a reload', async () => {
		const s = setup();
		const e = await started(s);
		expect(e.exam.itemIds).toHaveLength(12);
		const [a, b, c] = e.exam.itemIds as [string, string, string];
		await e.answer(a, { choice: 'B' });
		await e.answer(b, { choice: 'A' });
		await e.flag(b, true);
		await e.flag(c, true);
		await e.flag(c, false);
		await e.spend(a, 40_000, 2);
		s.clock.now += 12 * MINUTE;

		const reopened = await ExamEngine.open(e.exam.id, s.deps);
		expect(reopened.submitted).toBe(false);
		expect(reopened.exam.answers).toEqual({ [a]: { choice: 'B' }, [b]: { choice: 'A' } });
		expect(reopened.exam.flags).toEqual([b]);
		expect(reopened.exam.position).toBe(2);
		expect(reopened.exam.timeMs).toEqual({ [a]: 40_000 });
		expect(remainingMs(reopened.exam, s.clock.now)).toBe(18 * MINUTE);
		expect(await s.exams.inProgress()).toMatchObject({ id: e.exam.id });
	});

	it('opening an exam after its deadline submits it with the answers it has', async () => {
		const s = setup();
		const e = await started(s);
		const first = e.exam.itemIds[0]!;
		await e.answer(first, { choice: 'B' });
		s.clock.now += 31 * MINUTE;

		const reopened = await ExamEngine.open(e.exam.id, s.deps);
		expect(reopened.submitted).toBe(true);
		expect(reopened.exam.autoSubmitted).toBe(true);
		// Submitted when time ran out, not when the app happened to be opened again.
		expect(reopened.exam.submittedAt).toBe(T0 + 30 * MINUTE);
		expect(reopened.exam.result).toMatchObject({ points: 1, possible: 12, passed: false });
		const attempts = await s.attempts.forSession(e.exam.id);
		expect(attempts.map((x) => [x.itemId, x.mode, x.correct])).toEqual([[first, 'exam', true]]);
		expect(await s.exams.inProgress()).toBeUndefined();
		expect((await s.exams.history()).map((x) => x.id)).toEqual([e.exam.id]);
	});

	it('auto-submits while open once time is up, and not a moment before', async () => {
		const s = setup();
		const e = await started(s);
		s.clock.now = T0 + 30 * MINUTE - 1;
		expect(await e.submitIfOver()).toBe(false);
		s.clock.now = T0 + 30 * MINUTE;
		expect(await e.submitIfOver()).toBe(true);
		expect(e.submitted).toBe(true);
	});

	it('refuses an answer given after the deadline and submits what was there', async () => {
		const s = setup();
		const e = await started(s);
		const [a, b] = e.exam.itemIds as [string, string];
		await e.answer(a, { choice: 'B' });
		s.clock.now = T0 + 30 * MINUTE;
		await expect(e.answer(b, { choice: 'B' })).rejects.toBeInstanceOf(ExamClosedError);
		expect(e.submitted).toBe(true);
		expect(e.exam.answers).toEqual({ [a]: { choice: 'B' } });
		expect(e.exam.result).toMatchObject({ points: 1 });
	});

	it('submits once: a second submit (another tab) writes nothing', async () => {
		const s = setup();
		const e = await started(s);
		await e.answer(e.exam.itemIds[0]!, { choice: 'B' });
		const other = await ExamEngine.open(e.exam.id, s.deps);
		expect(await e.submit()).toBe(true);
		expect(await other.submit()).toBe(false);
		expect(other.submitted).toBe(true);
		expect(await s.attempts.count()).toBe(1);
		await expect(other.answer(e.exam.itemIds[1]!, { choice: 'A' })).rejects.toBeInstanceOf(
			ExamClosedError
		);
		expect((await s.exams.get(e.exam.id))!.answers).toEqual({
			[e.exam.itemIds[0]!]: { choice: 'B' }
		});
	});

	it('scores per section in the stored result and pauses only when the preset allows', async () => {
		const s = setup();
		const e = await started(s);
		for (const id of e.exam.itemIds.slice(0, 9)) await e.answer(id, { choice: 'B' });
		s.clock.now += 5 * MINUTE;
		await e.pause();
		s.clock.now += 60 * MINUTE;
		expect(await e.submitIfOver()).toBe(false);
		await e.resume();
		expect(remainingMs(e.exam, s.clock.now)).toBe(25 * MINUTE);
		await e.submit();
		expect(e.exam.result).toMatchObject({ points: 9, possible: 12, fraction: 0.75, passed: true });

		const real = await started(setup(), presetById('CPC')!);
		await expect(real.pause()).rejects.toThrow('cannot be paused');
	});

	it('the clock-back-and-pause test keeps the remaining time within the exam length', async () => {
		const s = setup();
		const e = await started(s);
		const [a] = e.exam.itemIds as [string];
		const HOUR = 60 * MINUTE;
		s.clock.now += 5 * MINUTE;
		s.clock.mono += 5 * MINUTE;
		// The system clock is set 5 hours back, then the exam paused.
		s.clock.now -= 5 * HOUR;
		await e.pause();
		expect(remainingMs(e.exam, s.clock.now)).toBe(25 * MINUTE);
		// Set forward again 30 minutes later and resumed: 25 minutes left, not 5 h 25.
		s.clock.now += 5 * HOUR + 30 * MINUTE;
		s.clock.mono += 30 * MINUTE;
		await e.resume();
		expect(remainingMs(e.exam, s.clock.now)).toBe(25 * MINUTE);
		// Two hours on one item (a page left open) records no more than the exam length.
		await e.spend(a, 2 * HOUR, 1);
		expect(e.exam.timeMs[a]).toBe(30 * MINUTE);
		// A reload with the clock set back again gives no time back either.
		s.clock.now -= 5 * HOUR;
		const reopened = await ExamEngine.open(e.exam.id, s.deps);
		expect(reopened.submitted).toBe(false);
		expect(remainingMs(reopened.exam, s.clock.now)).toBeLessThanOrEqual(25 * MINUTE);
		s.clock.mono += 25 * MINUTE;
		expect(await reopened.submitIfOver()).toBe(true);
	});

	it('a clock set back while the exam runs: the monotonic clock ends it on time, saves bank the time', async () => {
		const s = setup();
		const e = await started(s);
		const [a, b] = e.exam.itemIds as [string, string];
		s.clock.now -= 5 * 60 * MINUTE;
		s.clock.now += 10 * MINUTE;
		s.clock.mono += 10 * MINUTE;
		expect(e.left()).toBe(20 * MINUTE);
		await e.answer(a, { choice: 'B' });
		expect(e.exam.usedMs).toBe(10 * MINUTE);
		// A reload (no monotonic reading from before) still sees 20 minutes, not 5 h 20.
		const reopened = await ExamEngine.open(e.exam.id, s.deps);
		expect(remainingMs(reopened.exam, s.clock.now)).toBe(20 * MINUTE);
		s.clock.now += 20 * MINUTE;
		s.clock.mono += 20 * MINUTE;
		await expect(e.answer(b, { choice: 'B' })).rejects.toBeInstanceOf(ExamClosedError);
		expect(e.submitted).toBe(true);
		expect(e.exam.answers).toEqual({ [a]: { choice: 'B' } });
	});

	it('abandons an exam: kept as abandoned, never scored, no attempts, and the next may start', async () => {
		const s = setup();
		const e = await started(s);
		const first = e.exam.itemIds[0]!;
		await e.answer(first, { choice: 'B' });
		s.clock.now += 5 * MINUTE;
		expect(await e.abandon()).toBe(true);
		expect(e.abandoned).toBe(true);
		expect(e.exam.abandonedAt).toBe(T0 + 5 * MINUTE);
		expect(e.exam.submittedAt).toBeUndefined();
		expect(e.exam.result).toBeUndefined();
		expect(await s.attempts.forSession(e.exam.id)).toEqual([]);
		expect(await s.exams.inProgress()).toBeUndefined();
		// Listed among past exams (as abandoned), so the list can say so.
		const past = await s.exams.history();
		expect(past.map((x) => [x.id, x.abandonedAt, x.result])).toEqual([
			[e.exam.id, T0 + 5 * MINUTE, undefined]
		]);
		// Closed for good: no answer, no submit, not even by the clock.
		await expect(e.answer(first, { choice: 'C' })).rejects.toBeInstanceOf(ExamClosedError);
		expect(await e.submit()).toBe(false);
		s.clock.now += 60 * MINUTE;
		const reopened = await ExamEngine.open(e.exam.id, s.deps);
		expect(reopened.abandoned).toBe(true);
		expect(reopened.submitted).toBe(false);
		expect(await s.attempts.count()).toBe(0);
		// Abandoning twice (another tab) changes nothing.
		expect(await reopened.abandon()).toBe(false);
		expect((await s.exams.get(e.exam.id))?.abandonedAt).toBe(T0 + 5 * MINUTE);
		const next = await started(s);
		expect(await s.exams.inProgress()).toMatchObject({ id: next.exam.id });
	});

	it('a submitted exam cannot be abandoned', async () => {
		const s = setup();
		const e = await started(s);
		await e.submit();
		expect(await e.abandon()).toBe(false);
		const stored = await s.exams.get(e.exam.id);
		expect(stored?.abandonedAt).toBeUndefined();
		expect(stored?.result).toBeDefined();
	});

	it('avoids the last exam and refuses to start with nothing to draw', async () => {
		const s = setup();
		const e = await started(s);
		const next = planExam(PRESET, ITEMS, 6, new Set(e.exam.itemIds));
		expect(next.itemIds.filter((id) => e.exam.itemIds.includes(id))).toEqual([]);
		const empty = planExam(presetById('CBCS')!, [], 1, new Set());
		expect(empty.shortfall).toContain('the banks have 0 that fit (100 short)');
		await expect(startExam(s.exams, empty, 1, T0)).rejects.toThrow('no items for the CBCS');
	});
});

/** The bank as a later build ships it: without `gone`, and with `changed` keyed `C` not `B`. */
function laterBank(gone: readonly string[], changed: readonly string[] = []) {
	const items = new Map(BY_ID);
	for (const id of gone) items.delete(id);
	for (const id of changed) {
		const item = items.get(id);
		if (item?.type === 'single-best-answer') items.set(id, { ...item, answer: 'C' });
	}
	return items;
}

describe('a bank update that drops or changes an item', () => {
	it('an exam whose bank lost an item opens, submits what it can score and frees the next exam', async () => {
		const s = setup();
		const e = await started(s);
		const [a, b, c] = e.exam.itemIds as [string, string, string];
		for (const id of [a, b, c]) await e.answer(id, { choice: 'B' });
		// A later build no longer has `b`: the exam still opens and still takes answers.
		const deps = { ...s.deps, items: laterBank([b]) };
		const reopened = await ExamEngine.open(e.exam.id, deps);
		expect(reopened.submitted).toBe(false);
		await reopened.answer(e.exam.itemIds[3]!, { choice: 'A' });
		expect(await reopened.submit()).toBe(true);
		// Scored out of the 11 items still in the bank: the withdrawn one counts for nothing.
		expect(reopened.exam.result).toMatchObject({ points: 2, possible: 11 });
		expect(reopened.exam.scored?.[b]).toMatchObject({ withdrawn: true, score: 0 });
		expect(reopened.exam.scored?.[a]).toMatchObject({
			score: 1,
			correct: true,
			key: { choice: 'B' }
		});
		const attempts = await s.attempts.forSession(e.exam.id);
		expect(attempts.map((x) => x.itemId).sort()).toEqual([a, c, e.exam.itemIds[3]!].sort());
		expect(await s.exams.inProgress()).toBeUndefined();
		s.clock.now += MINUTE;
		const next = await started(s);
		expect(await s.exams.inProgress()).toMatchObject({ id: next.exam.id });
	});

	it('an exam whose bank lost an item still submits itself at the deadline, or can be abandoned', async () => {
		const s = setup();
		const e = await started(s);
		const [a, b] = e.exam.itemIds as [string, string];
		await e.answer(a, { choice: 'B' });
		const deps = { ...s.deps, items: laterBank([b]) };
		s.clock.now = T0 + 31 * MINUTE;
		const timedOut = await ExamEngine.open(e.exam.id, deps);
		expect(timedOut.submitted).toBe(true);
		expect(timedOut.exam.result).toMatchObject({ points: 1, possible: 11 });

		const other = await started(s);
		const later = await ExamEngine.open(other.exam.id, {
			...deps,
			items: laterBank([other.exam.itemIds[0]!])
		});
		expect(await later.abandon()).toBe(true);
		expect(await s.exams.inProgress()).toBeUndefined();
	});

	it('a submitted exam keeps its score when a later build changes an answer key', async () => {
		const s = setup();
		const e = await started(s);
		for (const id of e.exam.itemIds) await e.answer(id, { choice: 'B' });
		await e.submit();
		expect(e.exam.result).toMatchObject({ points: 12, possible: 12, fraction: 1 });

		const [fixed, removed] = e.exam.itemIds as [string, string];
		const stored = (await s.exams.get(e.exam.id))!;
		const report = scoreExam(stored.spec, laterBank([removed], [fixed]), stored);
		expect([report.points, report.possible, report.fraction]).toEqual([12, 12, 1]);
		expect(report.items.find((i) => i.itemId === fixed)).toMatchObject({ score: 1, correct: true });
		expect(report.items.find((i) => i.itemId === removed)).toMatchObject({ score: 1 });
		// The report shows the key it was scored with, and says the bank's key has changed since.
		const shown = reportItems(stored.itemIds, laterBank([removed], [fixed]), stored.scored);
		expect(shown.items.get(fixed)).toMatchObject({ answer: 'B' });
		expect([...shown.revisions]).toEqual([[fixed, 'key']]);
		expect(shown.items.has(removed)).toBe(false);
		const scored = stored.scored![fixed]!;
		expect(revisionOf(BY_ID.get(fixed)!, scored)).toBeUndefined();
		const asTaken = BY_ID.get(fixed)!;
		if (asTaken.type !== 'single-best-answer') throw new Error('the factory makes multiple choice');
		expect(revisionOf({ ...asTaken, rationale: 'Clearer.' }, scored)).toBeUndefined();
		expect(revisionOf({ ...asTaken, scenario: 'Reworded.' }, scored)).toBe('wording');
	});

	it('an exam submitted before scores were stored is still scored against the bank', async () => {
		const s = setup();
		const e = await started(s);
		for (const id of e.exam.itemIds) await e.answer(id, { choice: 'B' });
		await e.submit();
		const old = { ...(await s.exams.get(e.exam.id))!, scored: undefined };
		const [fixed, removed] = e.exam.itemIds as [string, string];
		const report = scoreExam(old.spec, laterBank([removed], [fixed]), old);
		expect([report.points, report.possible]).toEqual([10, 11]);
		expect(report.items.find((i) => i.itemId === removed)).toMatchObject({ withdrawn: true });
	});
});
