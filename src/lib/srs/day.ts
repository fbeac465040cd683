/**
 * The learner's day: it starts at a settable local hour (default 4 am), so a late-night session
 * still counts toward "today". Pure: the zone offset is passed in (`Date#getTimezoneOffset`
 * minutes, positive west of UTC).
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Day number (days since 1970-01-01, shifted by the rollover hour) that `at` falls in. */
export function learnerDay(at: number, dayStartHour: number, offsetMinutes: number): number {
	return Math.floor((at - offsetMinutes * 60_000 - dayStartHour * HOUR) / DAY);
}

/** The instant learner day `day` begins. */
export function dayStartsAt(day: number, dayStartHour: number, offsetMinutes: number): number {
	return day * DAY + dayStartHour * HOUR + offsetMinutes * 60_000;
}
