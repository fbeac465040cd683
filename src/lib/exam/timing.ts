/**
 * Exam time. The stored deadline is the wall clock's (it survives a reload and counts a sleeping
 * laptop), but the learner can set the wall clock, so it is never trusted alone:
 * - the time left never exceeds the exam length minus the time already used (`usedMs`, banked at
 *   every save and at a pause), so a clock set back gives nothing back, even after a reload;
 * - within a page's life the page's monotonic clock (`performance.now`, which no setting moves)
 *   also bounds it, through a `Mark` taken when the page opened or resumed the exam;
 * - a pause freezes the time left and resume starts a new deadline from it, so neither a clock set
 *   back before the pause nor one set forward during it changes the time left.
 * A clock set forward while the exam runs does count: it cannot be told apart from a laptop that
 * slept through the time, which must count.
 */

export interface ExamClock {
	startedAt: number;
	deadline: number;
	/** The exam length; missing on exams started before it was stored (then deadline - start). */
	lengthMs?: number;
	/** Exam time known to be used, banked at saves and at a pause; it only ever grows. */
	usedMs?: number;
	/** Set while paused (only presets that allow pausing). */
	pausedAt?: number;
}

/** The time left as the page read it at monotonic instant `mono` (`performance.now()`). */
export interface Mark {
	mono: number;
	left: number;
}

export const MINUTE = 60_000;

/** Warn when this much time is left (30 and 5 minutes). */
export const WARN_AT = [30 * MINUTE, 5 * MINUTE] as const;

export function startClock(now: number, minutes: number): ExamClock {
	return {
		startedAt: now,
		deadline: now + minutes * MINUTE,
		lengthMs: minutes * MINUTE,
		usedMs: 0
	};
}

export function lengthOf(clock: ExamClock): number {
	return clock.lengthMs ?? clock.deadline - clock.startedAt;
}

/** What a page's mark says is left at monotonic instant `mono`; no mark bounds nothing. */
export function leftOnMark(mark: Mark | undefined, mono: number): number {
	return mark ? mark.left - Math.max(0, mono - mark.mono) : Infinity;
}

/**
 * Time left at wall time `now`: the stored deadline, bounded by the length minus the time used
 * and by `atMost` (the page's monotonic reading, `leftOnMark`). Frozen while paused.
 */
export function remainingMs(clock: ExamClock, now: number, atMost = Infinity): number {
	const unused = lengthOf(clock) - (clock.usedMs ?? 0);
	if (clock.pausedAt !== undefined)
		return Math.max(0, Math.min(unused, clock.deadline - clock.pausedAt));
	return Math.max(0, Math.min(unused, clock.deadline - now, atMost));
}

/** Time is up: the exam must be submitted as it stands. A paused clock never runs out. */
export function isOver(clock: ExamClock, now: number, atMost = Infinity): boolean {
	return clock.pausedAt === undefined && remainingMs(clock, now, atMost) <= 0;
}

/** Records the time used so far (never less than before), so a reload cannot give it back. */
export function bank(clock: ExamClock, now: number, atMost = Infinity): ExamClock {
	if (clock.pausedAt !== undefined) return clock;
	const used = lengthOf(clock) - remainingMs(clock, now, atMost);
	return { ...clock, usedMs: Math.max(clock.usedMs ?? 0, used) };
}

/** Freezes the time left (banked as time used); the wall time of the pause is only shown. */
export function pause(clock: ExamClock, now: number, atMost = Infinity): ExamClock {
	if (clock.pausedAt !== undefined || isOver(clock, now, atMost)) return clock;
	return { ...bank(clock, now, atMost), pausedAt: now };
}

/**
 * Starts a new deadline from the time left at the pause: how long the pause lasted by the wall
 * clock (which may have been set either way meanwhile) does not matter.
 */
export function resume(clock: ExamClock, now: number): ExamClock {
	if (clock.pausedAt === undefined) return clock;
	const left = remainingMs(clock, now);
	const next = { ...clock, deadline: now + left, usedMs: lengthOf(clock) - left };
	delete next.pausedAt;
	return next;
}

/** Time an item was on screen, from monotonic readings: never negative, never over the length. */
export function itemTimeMs(clock: ExamClock, shownAt: number, mono: number): number {
	return Math.max(0, Math.min(mono - shownAt, lengthOf(clock)));
}

/**
 * The warning threshold just crossed, if any: the smallest threshold at or above the time left
 * that has not been announced and that is shorter than the whole exam (a 20-minute mini does not
 * open with "30 minutes left").
 */
export function warningDue(
	clock: ExamClock,
	now: number,
	announced: readonly number[],
	atMost = Infinity
): number | undefined {
	const left = remainingMs(clock, now, atMost);
	const total = lengthOf(clock);
	const due = WARN_AT.filter((t) => left <= t && t < total && !announced.includes(t));
	return due.length ? Math.min(...due) : undefined;
}

/** "3:59:12", "4:05" */
export function formatClock(ms: number): string {
	const s = Math.ceil(ms / 1000);
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const sec = String(s % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "2 h 5 min", "45 min" */
export function formatMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = Math.round(minutes % 60);
	if (h === 0) return `${m} min`;
	return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * When an exam was taken, with the weekday and month spelled out ("Tuesday, December 1, 2026 at
 * 2:05 PM"): an abbreviated "Tue Dec 1" next to a "Sat" label was read as a Saturday.
 */
export function takenText(at: number, timeZone?: string): string {
	return new Date(at).toLocaleString('en-US', {
		weekday: 'long',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZone
	});
}
