/**
 * The item body files' own cache, filled by the service worker when it installs. Like the code
 * book's, it is not versioned with the app: the files carry a hash of their content, so a new
 * build fetches only the files whose items changed, and drops the ones it no longer lists.
 */
import { ITEMS_PREFIX } from './item-index';

export const ITEMS_CACHE = 'codedrill-items';

/** A body file (not the index, `/data/items.json`, which is precached with the app). */
export function isItemFile(path: string): boolean {
	return path.startsWith(ITEMS_PREFIX) && path.endsWith('.json');
}

/** What a cache holding `cached` lacks of `wanted`, and what it holds that `wanted` does not. */
export function cachePlan(
	cached: Iterable<string>,
	wanted: Iterable<string>
): { fetch: string[]; drop: string[] } {
	const have = new Set(cached);
	const want = new Set(wanted);
	return {
		fetch: [...want].filter((p) => !have.has(p)),
		drop: [...have].filter((p) => !want.has(p))
	};
}
