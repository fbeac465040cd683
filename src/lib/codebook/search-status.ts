/**
 * The one line under the code book's search box that says what the list holds (announced to
 * screen readers as a status): how many matches, and when there are none, whether nothing
 * matched or nothing matched closely enough to show.
 */
export interface ShownResult {
	/** Hits in the list. */
	shown: number;
	total: number;
	unmatched?: string[];
	noCloseMatch?: boolean;
}

export function searchStatus(query: string, r: ShownResult): string {
	const unknown = r.unmatched?.length
		? ` Nothing in the code book matches ${r.unmatched.map((w) => `“${w}”`).join(', ')}.`
		: '';
	if (r.shown === 0)
		return r.noCloseMatch
			? `No close match for “${query}”. Check the spelling, or try other or fewer words.`
			: `No codes match “${query}”.${unknown}`;
	const count =
		r.total > r.shown
			? `Best ${r.shown} of ${r.total.toLocaleString('en-US')} matches`
			: `${r.shown} ${r.shown === 1 ? 'match' : 'matches'}`;
	return `${count}.${unknown}`;
}
