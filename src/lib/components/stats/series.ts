/**
 * Line colors for the section series, from the page's palette (defined for light and dark in
 * the stats page), in the order the sections are ranked.
 */
export const SERIES = [
	'var(--series-1)',
	'var(--series-2)',
	'var(--series-3)',
	'var(--series-4)',
	'var(--series-5)'
] as const;
