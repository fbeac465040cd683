/**
 * Responses to an `em-level` item: blank, read back, graded, and said in one line. Pure.
 *
 * Scoring. An MDM item is worth 6 points: the level 3 (half the item, since the level is what
 * goes on the claim) and each element of the grid 1 (a sixth each, since a learner who rates
 * the elements right has learned the method even when the level slips). It is right only when
 * the level and all three elements match the key. A time item asks only for the level: 1 point.
 */
import type { Grade } from '../kind.ts';
import {
	codesOf,
	ELEMENTS,
	isRating,
	MDM_NAMES,
	mdmOf,
	STEP_NAMES,
	type Element,
	type Rating
} from './levels.ts';
import type { EmAnswer, EmLevelItem, EmLevelResponse } from './types.ts';

export const LEVEL_POINTS = 3;
export const ELEMENT_POINTS = 1;

const ANSWER_KEYS: readonly string[] = [...ELEMENTS, 'level'];
const CODE = /^\d{5}$/;

export function emptyResponse(): EmLevelResponse {
	return { mdm: {} };
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A stored value read back strictly: `{ mdm: { problems?, data?, risk?, level? } }` and nothing
 * else, each rating one of the four steps, the level a five-digit code. Anything else is not a
 * response of this kind (undefined), never an exception.
 */
export function readResponse(stored: unknown): EmLevelResponse | undefined {
	if (!isRecord(stored)) return undefined;
	const keys = Object.keys(stored);
	if (keys.length !== 1 || keys[0] !== 'mdm') return undefined;
	const m = stored.mdm;
	if (!isRecord(m)) return undefined;
	const out: EmAnswer = {};
	for (const [k, v] of Object.entries(m)) {
		if (!ANSWER_KEYS.includes(k) || v === undefined) return undefined;
		if (k === 'level') {
			if (typeof v !== 'string' || !CODE.test(v)) return undefined;
			out.level = v;
		} else {
			if (!isRating(v)) return undefined;
			out[k as Element] = v;
		}
	}
	return { mdm: out };
}

/** Whether anything was given: a rating or a level. */
export function isAnswered(item: EmLevelItem, r: EmLevelResponse): boolean {
	if (r.mdm.level !== undefined) return true;
	return item.method === 'mdm' && ELEMENTS.some((e) => r.mdm[e] !== undefined);
}

/** Whether everything the item asks for was given (the grid for MDM items, and the level). */
export function isComplete(item: EmLevelItem, r: EmLevelResponse): boolean {
	if (r.mdm.level === undefined) return false;
	return item.method === 'time' || ELEMENTS.every((e) => r.mdm[e] !== undefined);
}

export function gradeResponse(item: EmLevelItem, r: EmLevelResponse): Grade {
	const levelRight = r.mdm.level === item.level;
	if (item.method === 'time' || !item.grid) {
		return {
			score: levelRight ? 1 : 0,
			correct: levelRight,
			earned: levelRight ? 1 : 0,
			possible: 1
		};
	}
	const grid = item.grid;
	const elementsRight = ELEMENTS.filter((e) => r.mdm[e] === grid[e]).length;
	const earned = (levelRight ? LEVEL_POINTS : 0) + elementsRight * ELEMENT_POINTS;
	const possible = LEVEL_POINTS + ELEMENTS.length * ELEMENT_POINTS;
	return {
		score: earned / possible,
		correct: levelRight && elementsRight === ELEMENTS.length,
		earned,
		possible
	};
}

/** One row of the comparison the component and the verdict show. */
export interface ElementRow {
	element: Element;
	given: Rating | undefined;
	key: Rating;
	right: boolean;
	why: string | undefined;
}

export function compareGrid(item: EmLevelItem, r: EmLevelResponse): ElementRow[] {
	const grid = item.grid;
	if (!grid) return [];
	return ELEMENTS.map((element) => ({
		element,
		given: r.mdm[element],
		key: grid[element],
		right: r.mdm[element] === grid[element],
		why: item.why[element]
	}));
}

/** `moderate`, or the element's own word where the AMA table has one (data: `limited`). */
export function ratingWord(element: Element, rating: Rating): string {
	return STEP_NAMES[element][rating].toLowerCase();
}

/** Why the key's level follows, in one phrase: `moderate MDM` or `32 minutes`. */
export function basis(item: EmLevelItem): string {
	if (item.method === 'time') return `${item.minutes ?? 0} minutes of total time`;
	return item.grid ? `${MDM_NAMES[mdmOf(item.grid)].toLowerCase()} MDM` : 'MDM';
}

export function keyLine(item: EmLevelItem): string {
	if (item.method === 'time' || !item.grid) return `${item.level} (${basis(item)})`;
	const grid = item.grid;
	const parts = ELEMENTS.map((e) => `${e} ${ratingWord(e, grid[e])}`).join(', ');
	return `${item.level} (${basis(item)}: ${parts})`;
}

export function responseLine(item: EmLevelItem, r: EmLevelResponse): string {
	if (!isAnswered(item, r)) return '—';
	const level = r.mdm.level ?? 'no level';
	if (item.method === 'time') return level;
	const parts = ELEMENTS.map((e) => {
		const v = r.mdm[e];
		return `${e} ${v ? ratingWord(e, v) : '—'}`;
	}).join(', ');
	return `${level} (${parts})`;
}

export function verdictLine(item: EmLevelItem, r: EmLevelResponse, g: Grade): string {
	const rows = compareGrid(item, r);
	const off = rows.filter((x) => !x.right);
	const offText = off
		.map(
			(x) =>
				`${x.element} (you: ${x.given ? ratingWord(x.element, x.given) : 'blank'}; key: ${ratingWord(x.element, x.key)})`
		)
		.join(', ');
	const level = r.mdm.level;
	if (g.correct) {
		return item.method === 'mdm'
			? `Right: ${item.level}, ${basis(item)}, and your grid matches the key.`
			: `Right: ${item.level}, by ${basis(item)}.`;
	}
	const chose = level ? `You chose ${level}` : 'You chose no level';
	if (level === item.level)
		return `${item.level} is right, but your grid differs from the key in ${offText}.`;
	if (item.method === 'time') return `${chose}; the answer is ${item.level} (${basis(item)}).`;
	const gridPart = off.length ? ` Your grid differs in ${offText}.` : ' Your grid matches the key.';
	return `${chose}; the answer is ${item.level} (${basis(item)}).${gridPart}`;
}

/**
 * Keys outside text fields: digits 1-5 choose the setting's levels in order, Enter submits once
 * anything is given. The grid's radios keep their own keys (arrows within a row, Tab between).
 */
export function keyAction(
	item: EmLevelItem,
	r: EmLevelResponse,
	key: string
): { response?: EmLevelResponse; submit?: boolean } | undefined {
	const codes = codesOf(item.setting);
	if (/^[1-9]$/.test(key)) {
		const code = codes[Number(key) - 1];
		if (code === undefined) return undefined;
		return { response: { mdm: { ...r.mdm, level: code } } };
	}
	if (key === 'Enter' && isAnswered(item, r)) return { submit: true };
	return undefined;
}
