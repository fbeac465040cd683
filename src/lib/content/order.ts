/** The order practice mode serves items in. */

import { shuffle } from '../random';
import type { Item } from './types';

/**
 * Items never answered come first, then the rest; each group shuffled by `seed` so that a
 * session is varied but replayable.
 */
export function practiceOrder(
	items: readonly Item[],
	answered: ReadonlySet<string>,
	seed: number
): Item[] {
	const fresh = items.filter((i) => !answered.has(i.id));
	const seen = items.filter((i) => answered.has(i.id));
	return [...shuffle(fresh, seed), ...shuffle(seen, seed + 1)];
}

/** For a learner with no history (or storage that could not be read). */
export const NO_ANSWERS: ReadonlySet<string> = new Set();
