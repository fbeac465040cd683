/**
 * Exam time from the wall clock. Everything is computed from the stored deadline and `now`, never
 * by counting timer ticks, so a reload, a sleeping laptop or a throttled background tab cannot
 * give the learner extra time.
 */

export interface ExamClock {
	startedAt: number;
	deadline: number;
	/** Set while paused (only presets that allow pausing). */
	pausedAt?: number;
}

export const MINUTE = 60_000;

/** Warn when this much time is left (30 and 5 minutes). */
export const WARN_AT = [30 * MINUTE, 5 * MINUTE] as const;

export function startClock(now: number, minutes: number): ExamClock {
	return { startedAt: now, deadline: now + minutes * MINUTE };
}

export function remainingMs(clock: ExamClock, now: number): number {
	return Math.max(0, clock.deadline - (clock.pausedAt ?? now));
}

/** Time is up: the exam must be submitted as it stands. A paused clock never runs out. */
export function isOver(clock: ExamClock, now: number): boolean {
	return clock.pausedAt === undefined && now >= clock.deadline;
}

export function pause(clock: ExamClock, now: number): ExamClock {
	if (clock.pausedAt !== undefined || isOver(clock, now)) return clock;
	return { ...clock, pausedAt: now };
}

/** Moves the deadline on by the time spent paused. */
export function resume(clock: ExamClock, now: number): ExamClock {
	if (clock.pausedAt === undefined) return clock;
	const { pausedAt, ...rest } = clock;
	return { ...rest, deadline: clock.deadline + Math.max(0, now - pausedAt) };
}

/**
 * The warning threshold just crossed, if any: the smallest threshold at or above the time left
 * that has not been announced and that is shorter than the whole exam (a 20-minute mini does not
 * open with "30 minutes left").
 */
export function warningDue(
	clock: ExamClock,
	now: number,
	announced: readonly number[]
): number | undefined {
	const left = remainingMs(clock, now);
	const total = clock.deadline - clock.startedAt;
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
