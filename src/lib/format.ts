/** Display formatting shared by pages. */

export function percent(fraction: number): string {
	return `${Math.round(fraction * 100)}%`;
}

const rel = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday": for the recent-answers list. */
export function ago(at: number, now: number): string {
	const s = Math.round((at - now) / 1000);
	if (Math.abs(s) < 60) return rel.format(s, 'second');
	const m = Math.round(s / 60);
	if (Math.abs(m) < 60) return rel.format(m, 'minute');
	const h = Math.round(m / 60);
	if (Math.abs(h) < 24) return rel.format(h, 'hour');
	return rel.format(Math.round(h / 24), 'day');
}

export function bytes(n: number): string {
	if (n < 1024) return `${n} B`;
	const units = ['KB', 'MB', 'GB'];
	let v = n / 1024;
	let u = 0;
	while (v >= 1024 && u < units.length - 1) {
		v /= 1024;
		u++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** Minutes between UTC and local time at `at`, as `Date#getTimezoneOffset` gives them. */
export function timezoneOffset(at: number): number {
	return new Date(at).getTimezoneOffset();
}

/** "1 item", "3 items". */
export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}
