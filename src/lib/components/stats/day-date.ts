/**
 * Local day numbers (days since 1970-01-01 in the learner's zone, see `db/totals.ts`) as the
 * charts and tables show them.
 */
import { DAY_MS } from '$lib/stats/charts';

/** Local midnight of the day, as a Date: what LayerChart's time scales and calendar expect. */
export function dayDate(day: number): Date {
	const utc = new Date(day * DAY_MS);
	return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

const short = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat('en-US', {
	weekday: 'short',
	month: 'short',
	day: 'numeric',
	timeZone: 'UTC'
});
const month = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Dec 2" */
export function dayLabel(day: number): string {
	return short.format(day * DAY_MS);
}

/** "Wed, Dec 2" */
export function dayLong(day: number): string {
	return long.format(day * DAY_MS);
}

/** "December 2026" */
export function monthLabel(day: number): string {
	return month.format(day * DAY_MS);
}

/** "Dec 2, 2026" for an instant, in the learner's own zone. */
export function dateOf(at: number): string {
	return new Date(at).toLocaleDateString('en-US', {
		month: 'short',
		day: 'numeric',
		year: 'numeric'
	});
}
