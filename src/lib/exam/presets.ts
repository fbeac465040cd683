/**
 * The certification exams we simulate, as data (DESIGN.md's table): a changed exam is a
 * one-line change here. A preset is a blueprint: how many items each area draws, from which
 * bank sections and item types, the time limit, the pass rule and the books allowed.
 *
 * Areas name bank sections the banks do not have yet (billing, compliance, ...) on purpose: the
 * exam picker then says plainly how far the banks fall short of the real exam.
 */
import type { ExamPreset as ExamTag, ItemType } from '../content/types';

export type PassRule =
	| { kind: 'percent'; percent: number }
	/**
	 * A scaled score. The real conversion is not public, so we map the raw percentage linearly
	 * onto [min, pass] below `rawCut` and onto [pass, max] above it; the report says it is an
	 * estimate.
	 */
	| { kind: 'scaled'; min: number; max: number; pass: number; rawCut: number };

export type Book = 'CPT' | 'ICD-10-CM' | 'ICD-10-PCS' | 'HCPCS';

export interface BlueprintArea {
	id: string;
	title: string;
	count: number;
	/** Bank sections the area draws from. */
	sections: string[];
	/** Overrides the preset's item types (CIC's record cases). */
	types?: ItemType[];
}

export interface Preset {
	/** `CPC`, `CPC-mini`, `custom`. */
	id: string;
	/** Items must carry this tag in their `exams` list; none for a custom exam. */
	tag?: ExamTag;
	title: string;
	org: string;
	bankId: string;
	items: number;
	minutes: number;
	pass: PassRule;
	/** Books allowed in the room; empty means closed book (no look-up panel). */
	books: Book[];
	/** Real simulations cannot be paused; minis and custom exams can. */
	pause: boolean;
	itemTypes: ItemType[];
	blueprint: BlueprintArea[];
	/** One line on what the real exam covers that this blueprint only approximates. */
	note: string;
}

const SBA: ItemType[] = ['single-best-answer'];
const PERCENT_70: PassRule = { kind: 'percent', percent: 70 };
const AHIMA_SCALE: PassRule = { kind: 'scaled', min: 100, max: 400, pass: 300, rawCut: 70 };
const NHA_SCALE: PassRule = { kind: 'scaled', min: 200, max: 500, pass: 390, rawCut: 70 };
const CODING = ['em', 'anesthesia', 'surgery', 'radiology', 'pathology-lab', 'medicine'];

/** What every AAPC exam shares: four hours, 70%, multiple choice, no pausing. */
const AAPC = {
	org: 'AAPC',
	bankId: 'cpc',
	minutes: 240,
	pass: PERCENT_70,
	pause: false,
	itemTypes: SBA
} as const;

/** AHIMA and NHA report scaled scores; their time limits differ per exam. */
const AHIMA = {
	org: 'AHIMA',
	bankId: 'cpc',
	pass: AHIMA_SCALE,
	pause: false,
	itemTypes: SBA
} as const;
const NHA = { org: 'NHA', bankId: 'cpc', pass: NHA_SCALE, pause: false, itemTypes: SBA } as const;

function area(id: string, title: string, count: number, sections: string[] = [id]): BlueprintArea {
	return { id, title, count, sections };
}

export const PRESETS: readonly Preset[] = [
	{
		...AAPC,
		id: 'CPC',
		tag: 'CPC',
		title: 'CPC',
		items: 100,
		books: ['CPT', 'ICD-10-CM', 'HCPCS'],
		blueprint: [
			area('em', 'Evaluation and Management', 9),
			area('anesthesia', 'Anesthesia', 8),
			area('surgery', 'Surgery (10000-69999)', 36),
			area('radiology', 'Radiology', 8),
			area('pathology-lab', 'Pathology and Laboratory', 8),
			area('medicine', 'Medicine', 8),
			area('icd10cm', 'ICD-10-CM', 12),
			area('hcpcs', 'HCPCS Level II', 5),
			area('modifiers', 'Modifiers and guidelines', 6)
		],
		note: 'Terminology, anatomy and compliance questions are folded into the coding areas.'
	},
	{
		...AAPC,
		id: 'COC',
		tag: 'COC',
		title: 'COC',
		items: 100,
		books: ['CPT', 'ICD-10-CM', 'HCPCS'],
		blueprint: [
			area('surgery', 'Outpatient surgery', 30),
			area('em', 'Facility E/M and emergency visits', 8),
			area('radiology', 'Radiology', 10),
			area('pathology-lab', 'Pathology and Laboratory', 8),
			area('medicine', 'Medicine', 8),
			area('icd10cm', 'ICD-10-CM', 14),
			area('hcpcs', 'HCPCS Level II', 10),
			area('modifiers', 'Modifiers', 12)
		],
		note: 'OPPS and APC payment questions are not in the banks yet.'
	},
	{
		...AAPC,
		id: 'CIC',
		tag: 'CIC',
		title: 'CIC',
		items: 47,
		books: ['ICD-10-CM', 'ICD-10-PCS'],
		blueprint: [
			area('inpatient', 'Inpatient multiple choice', 40, ['icd10cm', 'inpatient']),
			{
				...area('cases', 'Inpatient record cases', 7, ['icd10cm', 'surgery', 'medicine']),
				types: ['case']
			}
		],
		note: 'MS-DRG and POA questions are not in the banks yet.'
	},
	{
		...AAPC,
		id: 'CRC',
		tag: 'CRC',
		title: 'CRC',
		items: 100,
		books: ['ICD-10-CM'],
		blueprint: [
			area('icd10cm', 'Diagnosis coding and guidelines', 70),
			area('risk-adjustment', 'Risk adjustment: HCC and MEAT documentation', 30)
		],
		note: 'HCC and MEAT documentation questions are not in the banks yet.'
	},
	{
		...AAPC,
		id: 'CPB',
		tag: 'CPB',
		title: 'CPB',
		items: 135,
		books: ['CPT', 'ICD-10-CM', 'HCPCS'],
		blueprint: [
			area('coding', 'Coding for claims', 40, CODING),
			area('diagnosis', 'Diagnosis coding', 20, ['icd10cm']),
			area('modifiers', 'Modifiers and HCPCS Level II', 25, ['modifiers', 'hcpcs']),
			area('billing', 'Insurance, claims, denials and collections', 50)
		],
		note: 'AAPC lists 135 items; some guides say 100.'
	},
	{
		...AHIMA,
		id: 'CCA',
		tag: 'CCA',
		title: 'CCA',
		items: 100,
		minutes: 120,
		books: ['CPT', 'ICD-10-CM', 'ICD-10-PCS', 'HCPCS'],
		blueprint: [
			area('classification', 'Classification systems', 34, ['icd10cm', ...CODING]),
			area('reimbursement', 'Reimbursement methodologies', 18, [
				'reimbursement',
				'modifiers',
				'hcpcs'
			]),
			area('health-records', 'Health records and data content', 19),
			area('compliance', 'Compliance', 13),
			area('health-it', 'Information technologies', 8),
			area('privacy', 'Confidentiality and privacy', 8)
		],
		note: 'The real exam has 90-115 items including unscored pretest items; we use 100 scored.'
	},
	{
		...AHIMA,
		id: 'CCS',
		tag: 'CCS',
		title: 'CCS',
		items: 107,
		minutes: 240,
		books: ['CPT', 'ICD-10-CM', 'ICD-10-PCS'],
		blueprint: [
			area('mcq', 'Multiple choice', 92, ['icd10cm', 'inpatient', ...CODING, 'modifiers', 'hcpcs']),
			{
				...area('cases', 'Inpatient and outpatient record cases', 15, [
					'icd10cm',
					...CODING,
					'inpatient'
				]),
				types: ['case', 'code-entry']
			}
		],
		note: 'AHIMA does not publish the split between multiple choice and cases; ours is an estimate.'
	},
	{
		...NHA,
		id: 'CBCS',
		tag: 'CBCS',
		title: 'CBCS',
		items: 100,
		minutes: 180,
		books: [],
		blueprint: [
			area('revenue-cycle', 'Revenue cycle and regulatory compliance', 15),
			area('eligibility', 'Insurance eligibility and payer guidelines', 20),
			area('coding', 'Coding and coding guidelines', 32, [
				'icd10cm',
				...CODING,
				'hcpcs',
				'modifiers'
			]),
			area('billing', 'Billing and reimbursement', 33)
		],
		note: 'The real exam has 125 items of which 100 are scored; we use the 100. No code books.'
	}
];

export const MINI_ITEMS = 25;

/**
 * Splits `total` over `weights` by largest remainder, so the parts add up to `total` exactly
 * and each is within one of its proportional share.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum <= 0 || total <= 0) return weights.map(() => 0);
	const exact = weights.map((w) => (w * total) / sum);
	const out = exact.map(Math.floor);
	let left = total - out.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => ({ i, r: x - Math.floor(x) }))
		.sort((a, b) => b.r - a.r || a.i - b.i);
	for (const { i } of order) {
		if (left-- <= 0) break;
		out[i] = (out[i] ?? 0) + 1;
	}
	return out;
}

/** The weekday version of a preset: 25 items, the time scaled, the same blueprint shape. */
export function miniOf(preset: Preset, items = MINI_ITEMS): Preset {
	const counts = apportion(
		items,
		preset.blueprint.map((a) => a.count)
	);
	return {
		...preset,
		id: `${preset.id}-mini`,
		title: `${preset.title} mini`,
		items,
		minutes: Math.max(5, Math.round((preset.minutes * items) / preset.items)),
		pause: true,
		blueprint: preset.blueprint
			.map((a, i) => ({ ...a, count: counts[i] ?? 0 }))
			.filter((a) => a.count > 0)
	};
}

export interface CustomChoice {
	bankId: string;
	/** Bank sections, with their titles, in the bank's order. */
	sections: { id: string; title: string }[];
	items: number;
	minutes: number;
}

/** A learner-built exam: the chosen sections share the items evenly; any item type but cards. */
export function customPreset(choice: CustomChoice): Preset {
	const counts = apportion(
		choice.items,
		choice.sections.map(() => 1)
	);
	return {
		id: 'custom',
		title: 'Custom exam',
		org: 'CodeDrill',
		bankId: choice.bankId,
		items: choice.items,
		minutes: choice.minutes,
		pass: PERCENT_70,
		books: ['CPT', 'ICD-10-CM', 'ICD-10-PCS', 'HCPCS'],
		pause: true,
		itemTypes: ['single-best-answer', 'code-entry', 'case'],
		blueprint: choice.sections.map((s, i) => area(s.id, s.title, counts[i] ?? 0)),
		note: 'Your own selection of sections, count and time.'
	};
}

/** Every preset the picker offers: the real exams, then their minis. */
export function presetById(id: string): Preset | undefined {
	const base = PRESETS.find((p) => p.id === id || `${p.id}-mini` === id);
	if (!base) return undefined;
	return base.id === id ? base : miniOf(base);
}

/** "CPC exam", "CPC mini exam", "Custom exam": a title that already says "exam" is not doubled. */
export function examName(title: string): string {
	return /\bexam$/i.test(title.trim()) ? title.trim() : `${title.trim()} exam`;
}
