/**
 * The E/M level tables as data: for each setting, its codes with the medical decision making
 * (MDM) each needs and the total time on the date of the encounter that each needs, after the
 * AMA's 2021 office rules and its 2023 rules for hospital and other E/M services, in our own words
 * (no CPT descriptors: a code number and what it needs).
 *
 * Pure: the validator uses it to refuse a key that does not follow from its grid or its minutes,
 * the grader and the component to name the levels.
 */

/** One element of MDM (or MDM itself) rated on the AMA's four-step scale. */
export const RATINGS = ['minimal', 'low', 'moderate', 'high'] as const;
export type Rating = (typeof RATINGS)[number];

/** The three elements of MDM, in the order of the AMA table. */
export const ELEMENTS = ['problems', 'data', 'risk'] as const;
export type Element = (typeof ELEMENTS)[number];

/** A rating per element: the grid a learner fills in and the key. */
export type Grid = Record<Element, Rating>;

/** What each element is called on screen. */
export const ELEMENT_NAMES: Record<Element, string> = {
	problems: 'Problems addressed',
	data: 'Data reviewed and analyzed',
	risk: 'Risk of patient management'
};

/**
 * The AMA table names the steps differently per element (data is "limited" where problems are
 * "low"); the grid shows each element's own words under the common column heading.
 */
export const STEP_NAMES: Record<Element, Record<Rating, string>> = {
	problems: { minimal: 'Minimal', low: 'Low', moderate: 'Moderate', high: 'High' },
	data: { minimal: 'Minimal or none', low: 'Limited', moderate: 'Moderate', high: 'Extensive' },
	risk: { minimal: 'Minimal', low: 'Low', moderate: 'Moderate', high: 'High' }
};

/** The level of MDM each column stands for. */
export const MDM_NAMES: Record<Rating, string> = {
	minimal: 'Straightforward',
	low: 'Low',
	moderate: 'Moderate',
	high: 'High'
};

export const SETTINGS = [
	'office-new',
	'office-established',
	'hospital-initial',
	'hospital-subsequent',
	'hospital-discharge',
	'emergency',
	'consult-office',
	'consult-hospital'
] as const;
export type Setting = (typeof SETTINGS)[number];

export const METHODS = ['mdm', 'time'] as const;
export type Method = (typeof METHODS)[number];

export interface Level {
	/** The CPT code number. */
	code: string;
	/**
	 * The lowest MDM that supports the code; undefined for a code MDM never selects (99211 and
	 * 99281 need no physician's decision making; discharge codes go by time only).
	 */
	mdm?: Rating;
	/**
	 * The total time on the date of the encounter that must be met or exceeded; undefined for a
	 * code that time cannot select (99211, the ED codes).
	 */
	minutes?: number;
	/** In our own words, for the level choice: what the code is for and what it needs. */
	note: string;
}

export interface SettingInfo {
	/** On screen: where and for whom the visit was. */
	name: string;
	/** The rule set the thresholds come from. */
	rules: string;
	levels: readonly Level[];
	/**
	 * Total minutes from which the highest code's prolonged-service add-on applies (the highest
	 * threshold plus 15); time items stay below it so that none asks about prolonged services.
	 * Undefined where time cannot level the visit or the codes have no such add-on.
	 */
	prolongedFrom?: number;
	/** Whether MDM and time may level it. */
	methods: readonly Method[];
}

/**
 * The tables. Office codes follow the 2021 rules (time "met or exceeded" since 2024: no upper
 * bound below the next level); hospital inpatient and observation, ED and consultation codes the
 * 2023 rules. The lowest code of a family that MDM cannot select (99211, 99281) is listed so a
 * learner can pick it, and be told why it is wrong.
 */
export const SETTING_TABLE: Record<Setting, SettingInfo> = {
	'office-new': {
		name: 'Office or other outpatient visit, new patient',
		rules: 'AMA 2021 office E/M rules',
		methods: ['mdm', 'time'],
		prolongedFrom: 75,
		levels: [
			{ code: '99202', mdm: 'minimal', minutes: 15, note: 'straightforward MDM, or 15+ minutes' },
			{ code: '99203', mdm: 'low', minutes: 30, note: 'low MDM, or 30+ minutes' },
			{ code: '99204', mdm: 'moderate', minutes: 45, note: 'moderate MDM, or 45+ minutes' },
			{ code: '99205', mdm: 'high', minutes: 60, note: 'high MDM, or 60+ minutes' }
		]
	},
	'office-established': {
		name: 'Office or other outpatient visit, established patient',
		rules: 'AMA 2021 office E/M rules',
		methods: ['mdm', 'time'],
		prolongedFrom: 55,
		levels: [
			{ code: '99211', note: 'may not need a physician or other QHP; no MDM or time level' },
			{ code: '99212', mdm: 'minimal', minutes: 10, note: 'straightforward MDM, or 10+ minutes' },
			{ code: '99213', mdm: 'low', minutes: 20, note: 'low MDM, or 20+ minutes' },
			{ code: '99214', mdm: 'moderate', minutes: 30, note: 'moderate MDM, or 30+ minutes' },
			{ code: '99215', mdm: 'high', minutes: 40, note: 'high MDM, or 40+ minutes' }
		]
	},
	'hospital-initial': {
		name: 'Initial hospital inpatient or observation care',
		rules: 'AMA 2023 hospital and other E/M rules',
		methods: ['mdm', 'time'],
		prolongedFrom: 90,
		levels: [
			{
				code: '99221',
				mdm: 'minimal',
				minutes: 40,
				note: 'straightforward or low MDM, or 40+ minutes'
			},
			{ code: '99222', mdm: 'moderate', minutes: 55, note: 'moderate MDM, or 55+ minutes' },
			{ code: '99223', mdm: 'high', minutes: 75, note: 'high MDM, or 75+ minutes' }
		]
	},
	'hospital-subsequent': {
		name: 'Subsequent hospital inpatient or observation care',
		rules: 'AMA 2023 hospital and other E/M rules',
		methods: ['mdm', 'time'],
		prolongedFrom: 65,
		levels: [
			{
				code: '99231',
				mdm: 'minimal',
				minutes: 25,
				note: 'straightforward or low MDM, or 25+ minutes'
			},
			{ code: '99232', mdm: 'moderate', minutes: 35, note: 'moderate MDM, or 35+ minutes' },
			{ code: '99233', mdm: 'high', minutes: 50, note: 'high MDM, or 50+ minutes' }
		]
	},
	'hospital-discharge': {
		name: 'Hospital inpatient or observation discharge day management',
		rules: 'AMA 2023 hospital and other E/M rules',
		methods: ['time'],
		levels: [
			{ code: '99238', minutes: 0, note: '30 minutes or less on the discharge day' },
			{ code: '99239', minutes: 31, note: 'more than 30 minutes on the discharge day' }
		]
	},
	emergency: {
		name: 'Emergency department visit',
		rules: 'AMA 2023 hospital and other E/M rules',
		methods: ['mdm'],
		levels: [
			{ code: '99281', note: 'may not need a physician or other QHP; no MDM level' },
			{ code: '99282', mdm: 'minimal', note: 'straightforward MDM' },
			{ code: '99283', mdm: 'low', note: 'low MDM' },
			{ code: '99284', mdm: 'moderate', note: 'moderate MDM' },
			{ code: '99285', mdm: 'high', note: 'high MDM' }
		]
	},
	'consult-office': {
		name: 'Office or other outpatient consultation',
		rules: 'AMA 2023 hospital and other E/M rules',
		methods: ['mdm', 'time'],
		prolongedFrom: 70,
		levels: [
			{ code: '99242', mdm: 'minimal', minutes: 20, note: 'straightforward MDM, or 20+ minutes' },
			{ code: '99243', mdm: 'low', minutes: 30, note: 'low MDM, or 30+ minutes' },
			{ code: '99244', mdm: 'moderate', minutes: 40, note: 'moderate MDM, or 40+ minutes' },
			{ code: '99245', mdm: 'high', minutes: 55, note: 'high MDM, or 55+ minutes' }
		]
	},
	'consult-hospital': {
		name: 'Inpatient or observation consultation',
		rules: 'AMA 2023 hospital and other E/M rules',
		methods: ['mdm', 'time'],
		prolongedFrom: 95,
		levels: [
			{ code: '99252', mdm: 'minimal', minutes: 35, note: 'straightforward MDM, or 35+ minutes' },
			{ code: '99253', mdm: 'low', minutes: 45, note: 'low MDM, or 45+ minutes' },
			{ code: '99254', mdm: 'moderate', minutes: 60, note: 'moderate MDM, or 60+ minutes' },
			{ code: '99255', mdm: 'high', minutes: 80, note: 'high MDM, or 80+ minutes' }
		]
	}
};

export function isRating(v: unknown): v is Rating {
	return (RATINGS as readonly unknown[]).includes(v);
}

export function isSetting(v: unknown): v is Setting {
	return (SETTINGS as readonly unknown[]).includes(v);
}

/**
 * The level of MDM a grid supports: two of the three elements must meet or exceed it, which is
 * the middle rating of the three.
 */
export function mdmOf(grid: Grid): Rating {
	const steps = ELEMENTS.map((e) => RATINGS.indexOf(grid[e])).sort((a, b) => a - b);
	return RATINGS[steps[1]!]!;
}

/** The code an MDM level selects in a setting (the highest code it supports). */
export function levelForMdm(setting: Setting, mdm: Rating): string | undefined {
	const step = RATINGS.indexOf(mdm);
	let found: string | undefined;
	for (const l of SETTING_TABLE[setting].levels) {
		if (l.mdm !== undefined && RATINGS.indexOf(l.mdm) <= step) found = l.code;
	}
	return found;
}

/**
 * The code a total time selects: the highest whose minutes are met or exceeded. Undefined when
 * time cannot level the setting, the time is under the lowest threshold, or it reaches the
 * prolonged-service range (items keep out of it).
 */
export function levelForTime(setting: Setting, minutes: number): string | undefined {
	const info = SETTING_TABLE[setting];
	if (!info.methods.includes('time') || !Number.isFinite(minutes) || minutes < 0) return undefined;
	if (info.prolongedFrom !== undefined && minutes >= info.prolongedFrom) return undefined;
	let found: string | undefined;
	for (const l of info.levels) {
		if (l.minutes !== undefined && l.minutes <= minutes) found = l.code;
	}
	return found;
}

/** The range of total minutes time items in a setting may state: [lowest threshold, prolonged). */
export function timeRange(setting: Setting): { from: number; below?: number } | undefined {
	const info = SETTING_TABLE[setting];
	if (!info.methods.includes('time')) return undefined;
	const from = Math.min(
		...info.levels.flatMap((l) => (l.minutes === undefined ? [] : [l.minutes]))
	);
	return { from, below: info.prolongedFrom };
}

/** The codes a learner chooses from in a setting, in order. */
export function codesOf(setting: Setting): string[] {
	return SETTING_TABLE[setting].levels.map((l) => l.code);
}

export function levelInfo(setting: Setting, code: string): Level | undefined {
	return SETTING_TABLE[setting].levels.find((l) => l.code === code);
}
