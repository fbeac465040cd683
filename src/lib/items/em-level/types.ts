/** The `em-level` item and its response: an E/M visit levelled by MDM or by total time. */
import type { ItemBase } from '../../content/types.ts';
import type { Element, Grid, Method, Rating, Setting } from './levels.ts';

/** Short reasons, in the author's words, shown beside the key after grading. */
export type EmWhy = Partial<Record<Element | 'level', string>>;

export interface EmLevelItem extends ItemBase {
	type: 'em-level';
	/** The visit note and the question (Markdown). */
	scenario: string;
	setting: Setting;
	method: Method;
	/** The key's MDM grid (MDM items only). */
	grid?: Grid;
	/** Total time on the date of the encounter, as the note states it (time items only). */
	minutes?: number;
	/** The CPT code number of the level, e.g. `99214`. */
	level: string;
	why: EmWhy;
}

/** What a learner gives: the grid (MDM items) and the level; any part may still be blank. */
export interface EmAnswer {
	problems?: Rating;
	data?: Rating;
	risk?: Rating;
	level?: string;
}

/** The stored response: one top-level key, `mdm`, names it. */
export interface EmLevelResponse {
	mdm: EmAnswer;
}

/** The key as stored with a submitted exam. */
export interface EmScoredKey {
	level: string;
	grid?: Grid;
}
