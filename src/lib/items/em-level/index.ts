/**
 * The `em-level` kind: a visit note levelled by medical decision making (rate problems, data and
 * risk on the MDM grid, then pick the code) or by total time on the date (pick the code).
 */
import type { ItemKind } from '../kind.ts';
import { buildEmLevel, EM_FIELDS, EM_SECTIONS } from './build.ts';
import {
	emptyResponse,
	gradeResponse,
	isAnswered,
	keyAction,
	keyLine,
	readResponse,
	responseLine,
	verdictLine
} from './grade.ts';
import { ELEMENTS, isRating, type Grid } from './levels.ts';
import type { EmLevelItem, EmLevelResponse, EmScoredKey } from './types.ts';

function readScoredKey(v: unknown): EmScoredKey | undefined {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
	const k = v as Record<string, unknown>;
	if (typeof k.level !== 'string' || !/^\d{5}$/.test(k.level)) return undefined;
	if (k.grid === undefined) return { level: k.level };
	const g = k.grid as Record<string, unknown> | null;
	if (typeof g !== 'object' || g === null || !ELEMENTS.every((e) => isRating(g[e])))
		return undefined;
	return { level: k.level, grid: { problems: g.problems, data: g.data, risk: g.risk } as Grid };
}

export const emLevel = {
	type: 'em-level',
	name: 'E/M level',
	fields: EM_FIELDS,
	sections: EM_SECTIONS,
	examable: true,
	card: 'scenario',
	// Picking one of four or five codes at random; the grid only adds partial credit.
	guessRate: 0.25,
	submitButton: true,

	build: buildEmLevel,

	prompt: (item) => item.scenario,
	texts: (item) => [item.scenario, ...Object.values(item.why), item.rationale],
	keyCodes: (item) => [item.level],
	asked: (item) => ({
		scenario: item.scenario,
		setting: item.setting,
		method: item.method,
		minutes: item.minutes
	}),

	empty: () => emptyResponse(),
	read: (stored) => readResponse(stored),
	answered: isAnswered,
	grade: gradeResponse,
	keyText: keyLine,
	responseText: responseLine,
	verdict: verdictLine,

	scoredKey: (item): EmScoredKey =>
		item.grid ? { level: item.level, grid: item.grid } : { level: item.level },
	withKey: (item, key) => {
		const k = readScoredKey(key);
		if (!k) return undefined;
		// A grid belongs to an MDM item only; a time item's key is its level alone.
		if (item.method === 'mdm' ? !k.grid : k.grid) return undefined;
		return { ...item, level: k.level, ...(k.grid ? { grid: k.grid } : {}) };
	},

	key: keyAction,
	keyHelp: [
		['1-5', 'choose the level (in the order listed)'],
		['← → ↑ ↓', 'move within a row of the MDM grid'],
		['Tab', 'next row of the grid, then the levels']
	]
} satisfies ItemKind<EmLevelItem, EmLevelResponse>;
