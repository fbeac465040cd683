/**
 * Reads an `em-level` item's own front matter and refuses a key that does not follow from it:
 * an MDM item's level must be the one its grid supports by the two-of-three rule in its setting,
 * a time item's level the one its minutes reach, and the note must state those minutes. So a
 * wrong key cannot ship. Every problem goes to the checker with its line; nothing throws.
 */
import type { BaseFields, KindChecker } from '../kind.ts';
import {
	codesOf,
	ELEMENTS,
	isRating,
	isSetting,
	levelForMdm,
	levelForTime,
	MDM_NAMES,
	mdmOf,
	METHODS,
	RATINGS,
	SETTING_TABLE,
	SETTINGS,
	timeRange,
	type Element,
	type Grid,
	type Method,
	type Rating,
	type Setting
} from './levels.ts';
import type { EmLevelItem, EmWhy } from './types.ts';

export const EM_FIELDS = [
	'setting',
	'method',
	'problems',
	'data',
	'risk',
	'minutes',
	'level',
	'why'
];
export const EM_SECTIONS = ['Scenario', 'Rationale'];

const WHY_KEYS: readonly string[] = [...ELEMENTS, 'level'];

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function buildEmLevel(c: KindChecker, base: BaseFields): EmLevelItem {
	const d = c.data;
	let setting: Setting = 'office-established';
	if (!isSetting(d.setting)) {
		c.fail(['setting'], `setting must be one of ${SETTINGS.join(', ')}`);
	} else setting = d.setting;
	const info = SETTING_TABLE[setting];

	let method: Method = 'mdm';
	if (d.method !== 'mdm' && d.method !== 'time') {
		c.fail(['method'], `method must be ${METHODS.join(' or ')} (how the level is chosen)`);
	} else if (isSetting(d.setting) && !info.methods.includes(d.method)) {
		c.fail(
			['method'],
			`the ${setting} setting is levelled by ${info.methods.join(' or ')} only, not ${d.method}`
		);
	} else method = d.method;

	// Read as written: YAML would read 99214 as a number.
	const levelText = (
		c.sourceOf(['level']) ?? (d.level === undefined ? '' : String(d.level))
	).trim();
	const codes = codesOf(setting);
	const level = levelText;
	if (!codes.includes(level))
		c.fail(
			['level'],
			`level "${level}" is not a code of the ${setting} setting (${codes.join(', ')})`
		);

	const why = readWhy(c, d.why);
	let grid: Grid | undefined;
	let minutes: number | undefined;
	if (method === 'mdm') {
		grid = readGrid(c, d);
		if (d.minutes !== undefined)
			c.fail(['minutes'], 'an MDM item states no minutes (use method: time to level by time)');
		if (grid && codes.includes(level)) {
			const mdm = mdmOf(grid);
			const expected = levelForMdm(setting, mdm);
			if (expected !== level)
				c.fail(
					['level'],
					`the grid supports ${MDM_NAMES[mdm].toLowerCase()} MDM (two of three elements), which is ${expected ?? 'no code'} in this setting, not ${level}`
				);
		}
	} else {
		for (const e of ELEMENTS)
			if (d[e] !== undefined) c.fail([e], `a time item has no MDM grid: remove ${e}`);
		minutes = readMinutes(c, d.minutes, setting, level, codes.includes(level));
		for (const e of ELEMENTS)
			if (why[e] !== undefined)
				c.fail(['why', e], `a time item has no MDM grid: why.${e} is never shown`);
	}

	return {
		...base,
		type: 'em-level',
		scenario: c.text.Scenario ?? '',
		setting,
		method,
		...(grid ? { grid } : {}),
		...(minutes !== undefined ? { minutes } : {}),
		level,
		why
	};
}

function readGrid(c: KindChecker, d: Record<string, unknown>): Grid | undefined {
	const grid: Partial<Record<Element, Rating>> = {};
	let ok = true;
	for (const e of ELEMENTS) {
		const v = d[e];
		if (!isRating(v)) {
			c.fail(
				[e],
				v === undefined
					? `an MDM item rates ${e}: one of ${RATINGS.join(', ')}`
					: `${e} "${String(v)}" must be one of ${RATINGS.join(', ')}`
			);
			ok = false;
		} else grid[e] = v;
	}
	return ok ? (grid as Grid) : undefined;
}

function readMinutes(
	c: KindChecker,
	v: unknown,
	setting: Setting,
	level: string,
	levelKnown: boolean
): number | undefined {
	if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
		c.fail(['minutes'], 'a time item states minutes: the total time on the date, a whole number');
		return undefined;
	}
	const range = timeRange(setting);
	if (range && (v < range.from || (range.below !== undefined && v >= range.below))) {
		c.fail(
			['minutes'],
			`${v} minutes is outside what time items in this setting ask (${range.from} to ${(range.below ?? 1000) - 1}: below it time cannot level the visit, above it prolonged services apply)`
		);
		return v;
	}
	const expected = levelForTime(setting, v);
	if (levelKnown && expected !== level)
		c.fail(
			['level'],
			`${v} minutes selects ${expected ?? 'no code'} in this setting, not ${level}`
		);
	const note = c.section('Scenario');
	const text = c.text.Scenario ?? '';
	if (!new RegExp(`\\b${v}(?:-| )minutes?\\b`).test(text))
		c.failAt(note?.firstBodyLine ?? 1, `the scenario must state the total time as "${v} minutes"`);
	return v;
}

function readWhy(c: KindChecker, v: unknown): EmWhy {
	if (v === undefined) return {};
	if (!isRecord(v)) {
		c.fail(['why'], 'why must be a mapping of problems, data, risk and level to short reasons');
		return {};
	}
	const out: EmWhy = {};
	for (const [k, s] of Object.entries(v)) {
		if (!WHY_KEYS.includes(k)) {
			c.fail(['why', k], `unknown reason "${k}" (use ${WHY_KEYS.join(', ')})`);
		} else if (typeof s !== 'string' || !s.trim()) {
			c.fail(['why', k], `why.${k} must be a short sentence`);
		} else out[k as Element | 'level'] = s.trim();
	}
	return out;
}
