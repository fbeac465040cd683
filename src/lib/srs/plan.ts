/**
 * The plan toward exam day: how many new items a day, and what desired retention, so that every
 * item of the target exam has been seen before the exam and is remembered on the day. Pure: days
 * are learner days (see day.ts), passed in; nothing reads a clock.
 *
 * The plan is worked out again each day from what is still unseen, so a missed day or a short
 * session is made up on the days left rather than carried as a debt.
 */
import { isCalendarDate, type SrsSettings } from './settings.ts';

const DAY = 86_400_000;

/**
 * Days over which the desired retention rises to its highest, ending on exam day.
 *
 * Why a ramp: desired retention trades recall for workload. FSRS schedules each review for when
 * recall is expected to drop to that retention, so far from the exam a lower one gives longer
 * intervals and leaves time for new items. What counts in the end is recall on exam day: as the
 * day nears, a higher retention shortens the intervals, so the last review of each card falls
 * close to the exam instead of weeks before it. A month is about the interval a card answered
 * right a few times has at retention 0.9, so cards reviewed inside it would otherwise next come
 * due after the exam. The rise is linear, a little each day, so the workload grows smoothly; it
 * coincides with the review-only days, when no new items compete for the time.
 */
export const RAMP_DAYS = 30;

export type PlanSettings = Pick<
	SrsSettings,
	'newPerDay' | 'maxNewPerDay' | 'retention' | 'maxRetention' | 'reviewDays'
>;

export interface PlanInput {
	/** The learner day of the exam (see `dayOfDate`). */
	examDay: number;
	today: number;
	/** Items of the target exam without a card, as the day began (see `unseenAtDayStart`). */
	unseen: number;
	settings: PlanSettings;
}

export interface ExamPlan {
	examDay: number;
	today: number;
	/** Days before the exam, today included: 0 on exam day. */
	daysLeft: number;
	unseen: number;
	/** The last learner day that brings new items; the days after it up to the exam are reviews. */
	lastNewDay: number;
	/** New items for today. */
	newPerDay: number;
	/** The day the last unseen item comes if the plan is followed; undefined if none or it won't fit. */
	seenBy: number | undefined;
	/** True if every unseen item comes before the review-only days at today's pace. */
	fits: boolean;
	/** Items still unseen on exam day at today's pace (0 when it fits). */
	leftUnseen: number;
	/** Desired retention for today's reviews. */
	retention: number;
}

/** The learner day of a local calendar date `YYYY-MM-DD`, or undefined if it is not one. */
export function dayOfDate(date: string): number | undefined {
	if (!isCalendarDate(date)) return undefined;
	// Learner day n starts on local calendar date n (days since 1970-01-01) at the rollover hour,
	// so a date's day number is the learner day of that date from then on (see day.ts).
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d) / DAY;
}

/** The local calendar date `YYYY-MM-DD` that learner day `day` starts on. */
export function dateOfDay(day: number): string {
	return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * Why an exam date cannot be saved, or undefined if it can (empty means "no exam date").
 * `partial`: the field holds part of a date, which a date input reports as empty.
 */
export function examDateProblem(date: string, today: number, partial = false): string | undefined {
	const day = dayOfDate(date);
	if (partial || (date !== '' && day === undefined)) {
		return 'Enter a whole date: month, day and year.';
	}
	if (day === undefined) return undefined;
	if (day < today) return 'That date has passed. Enter the day of your exam, or clear the date.';
	return undefined;
}

/**
 * How many of `pool` (the target exam's item ids) were unseen when today began: those without a
 * card, and those whose first review (`before: null`) was today. Counting today's the same all
 * day keeps the day's plan from shrinking as the learner works through it.
 */
export function unseenAtDayStart(
	pool: Iterable<string>,
	known: ReadonlySet<string>,
	reviewsToday: readonly { itemId: string; before: unknown }[]
): number {
	const firstSeenToday = new Set(
		reviewsToday.filter((r) => r.before === null).map((r) => r.itemId)
	);
	let n = 0;
	for (const id of pool) if (!known.has(id) || firstSeenToday.has(id)) n++;
	return n;
}

/** New items for `day` with `unseen` still unseen: the part of the plan that repeats daily. */
function paceOn(day: number, unseen: number, lastNewDay: number, s: PlanSettings): number {
	const newDays = lastNewDay - day + 1;
	if (newDays <= 0) return 0;
	// The everyday setting is the floor (an exam date should not slow the learner down); the
	// plan's bound is the ceiling; between them, what is unseen spread evenly over the days left.
	const low = Math.min(s.newPerDay, s.maxNewPerDay);
	const high = Math.max(s.newPerDay, s.maxNewPerDay);
	return Math.min(high, Math.max(low, Math.ceil(unseen / newDays)));
}

/** Today's plan toward the exam, or undefined once the exam day has passed. */
export function examPlan({ examDay, today, unseen, settings: s }: PlanInput): ExamPlan | undefined {
	const daysLeft = examDay - today;
	if (daysLeft < 0) return undefined;
	// Fixed by the exam day alone, so the review-only days do not move as the exam nears.
	const lastNewDay = examDay - s.reviewDays - 1;
	const newPerDay = paceOn(today, unseen, lastNewDay, s);
	const leftUnseen = Math.max(0, unseen - newPerDay * Math.max(0, lastNewDay - today + 1));
	const fits = leftUnseen === 0;

	// Followed day by day the pace can ease (an even split rounds up, so early days take the
	// remainder): the day the last item comes is found by following it, not from today's pace.
	let seenBy: number | undefined;
	for (let day = today, left = unseen; fits && left > 0 && day <= lastNewDay; day++) {
		left -= Math.min(left, paceOn(day, left, lastNewDay, s));
		if (left === 0) seenBy = day;
	}

	const topRetention = Math.max(s.retention, s.maxRetention);
	const ramp = Math.min(1, daysLeft / RAMP_DAYS);
	// Clamped so rounding never takes it a hair outside the range the settings allow.
	const retention = Math.min(
		topRetention,
		Math.max(s.retention, topRetention - (topRetention - s.retention) * ramp)
	);
	return {
		examDay,
		today,
		daysLeft,
		unseen,
		lastNewDay,
		newPerDay,
		seenBy,
		fits,
		leftUnseen,
		retention
	};
}

/** The plan for the settings' exam date, or undefined without one or once it has passed. */
export function planFromSettings(
	settings: SrsSettings,
	today: number,
	unseen: number
): ExamPlan | undefined {
	const examDay = settings.examDate === undefined ? undefined : dayOfDate(settings.examDate);
	if (examDay === undefined) return undefined;
	return examPlan({ examDay, today, unseen, settings });
}

/**
 * "March 14", with the year when it is not the year of `today` ("January 9, 2028"); with
 * `weekday`, "Sunday, March 14".
 */
export function dayLabel(day: number, today: number, weekday = false): string {
	const at = new Date(day * DAY);
	const sameYear = at.getUTCFullYear() === new Date(today * DAY).getUTCFullYear();
	return at.toLocaleDateString('en-US', {
		timeZone: 'UTC',
		month: 'long',
		day: 'numeric',
		...(sameYear ? {} : { year: 'numeric' }),
		...(weekday ? { weekday: 'long' } : {})
	});
}

function count(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One sentence for the home page on where the plan leaves the learner on exam day. */
export function planSentence(plan: ExamPlan, exam: string): string {
	const still = (n: number) =>
		`${n} ${exam} item${n === 1 ? '' : 's'} would still be new on exam day`;
	if (plan.daysLeft === 0)
		return `Your ${exam} exam is today: the drill shows reviews only. Good luck!`;
	if (plan.unseen === 0) {
		return `You have seen every ${exam} item. Your exam is in ${count(plan.daysLeft, 'day')}: keep up your reviews.`;
	}
	if (plan.today > plan.lastNewDay) {
		const reviewDays = plan.examDay - plan.lastNewDay - 1;
		return `The last ${count(reviewDays, 'day')} before your exam are for review only, so ${still(plan.unseen)}.`;
	}
	const pace = `At ${plan.newPerDay} new a day`;
	if (plan.seenBy === undefined) return `${pace}, ${still(plan.leftUnseen)}.`;
	const when = plan.seenBy === plan.today ? 'today' : `by ${dayLabel(plan.seenBy, plan.today)}`;
	const ahead = count(plan.examDay - plan.seenBy, 'day');
	return `${pace} you will have seen every ${exam} item ${when}, ${ahead} before your exam.`;
}
