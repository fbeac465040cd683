/**
 * The certification exams we simulate, as data (DESIGN.md's table): a changed exam is a
 * one-line change here. A preset is a blueprint: how many items each area draws, from which
 * bank sections (`bank/section`, across banks) and item types, the time limit, the pass rule and
 * the books allowed.
 *
 * Counts follow what each certifying body publishes; the comment above each preset names the
 * source and, where a source gives ranges or no per-area counts, how we chose ours.
 */
import type { ExamPreset as ExamTag, ItemType } from '../content/types';
import { ITEM_TYPES, kindOfType } from '../items/registry';

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
	/** Bank sections the area draws from, as `bank/section`. */
	sections: string[];
	/** Overrides the preset's item types (record cases). */
	types?: ItemType[];
}

export interface Preset {
	/** `CPC`, `CPC-mini`, `custom`. */
	id: string;
	/** Items must carry this tag in their `exams` list; none for a custom exam. */
	tag?: ExamTag;
	title: string;
	org: string;
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
/**
 * The billing kinds a learner works by hand (level a visit, scrub a claim, work a denial, post
 * an EOB). The real CPB and CBCS ask about these tasks in multiple choice; doing them trains
 * the same judgment better, so their simulations draw them too.
 */
const BILLING_TASKS: ItemType[] = ['em-level', 'claim-scrub', 'denial', 'payment-posting'];
const CASES: ItemType[] = ['case'];
const PERCENT_70: PassRule = { kind: 'percent', percent: 70 };
const AHIMA_SCALE: PassRule = { kind: 'scaled', min: 100, max: 400, pass: 300, rawCut: 70 };
const NHA_SCALE: PassRule = { kind: 'scaled', min: 200, max: 500, pass: 390, rawCut: 70 };

/** The six CPT surgery series, one section each in the professional bank. */
const SURGERY = [
	'cpc/integumentary',
	'cpc/musculoskeletal',
	'cpc/respiratory-cardiovascular',
	'cpc/digestive',
	'cpc/urinary-genital',
	'cpc/nervous-eye-ear'
];
/** Procedure coding outside the HCPCS and modifier sections. */
const PROCEDURES = [
	'cpc/em',
	'cpc/anesthesia',
	...SURGERY,
	'cpc/radiology',
	'cpc/pathology-lab',
	'cpc/medicine'
];
const DIAGNOSIS = ['diagnosis/icd10cm'];
const COMPLIANCE = ['billing/compliance', 'him/privacy'];

/** What every AAPC exam shares: four hours, 70%, multiple choice, no pausing. */
const AAPC = {
	org: 'AAPC',
	minutes: 240,
	pass: PERCENT_70,
	pause: false,
	itemTypes: SBA
} as const;

/** AHIMA and NHA report scaled scores; their time limits differ per exam. */
const AHIMA = { org: 'AHIMA', pass: AHIMA_SCALE, pause: false, itemTypes: SBA } as const;
const NHA = { org: 'NHA', pass: NHA_SCALE, pause: false, itemTypes: SBA } as const;

function area(id: string, title: string, count: number, sections: string[]): BlueprintArea {
	return { id, title, count, sections };
}

export const PRESETS: readonly Preset[] = [
	/*
	 * AAPC, "CPC Certification Exam" (aapc.com/certification/cpc): 100 multiple-choice questions
	 * in 4 hours over 17 areas (the 10000-60000 surgery series, E/M, anesthesia, radiology,
	 * pathology and laboratory, medicine, medical terminology, anatomy, ICD-10-CM, HCPCS Level II,
	 * coding guidelines, compliance and regulatory). AAPC publishes the areas, not a count per
	 * area; we give the 11 CPT areas 6 to 8 each (E/M, the most-coded service, 8), ICD-10-CM 10
	 * (it is coded on nearly every question), and the knowledge areas 4 to 6.
	 */
	{
		...AAPC,
		id: 'CPC',
		tag: 'CPC',
		title: 'CPC',
		items: 100,
		books: ['CPT', 'ICD-10-CM', 'HCPCS'],
		blueprint: [
			area('integumentary', 'Surgery: integumentary (10000 series)', 6, ['cpc/integumentary']),
			area('musculoskeletal', 'Surgery: musculoskeletal (20000 series)', 6, [
				'cpc/musculoskeletal'
			]),
			area('respiratory-cardiovascular', 'Surgery: respiratory and cardiovascular (30000)', 6, [
				'cpc/respiratory-cardiovascular'
			]),
			area('digestive', 'Surgery: digestive (40000 series)', 6, ['cpc/digestive']),
			area('urinary-genital', 'Surgery: urinary, genital and maternity (50000)', 6, [
				'cpc/urinary-genital'
			]),
			area('nervous-eye-ear', 'Surgery: nervous system, eye and ear (60000)', 6, [
				'cpc/nervous-eye-ear'
			]),
			area('em', 'Evaluation and Management', 8, ['cpc/em']),
			area('anesthesia', 'Anesthesia', 6, ['cpc/anesthesia']),
			area('radiology', 'Radiology', 6, ['cpc/radiology']),
			area('pathology-lab', 'Pathology and Laboratory', 6, ['cpc/pathology-lab']),
			area('medicine', 'Medicine', 6, ['cpc/medicine']),
			area('terminology', 'Medical terminology', 4, ['cpc/terminology']),
			area('anatomy', 'Anatomy', 4, ['cpc/anatomy']),
			area('icd10cm', 'ICD-10-CM', 10, DIAGNOSIS),
			area('hcpcs', 'HCPCS Level II', 4, ['cpc/hcpcs']),
			area('guidelines', 'Coding guidelines and modifiers', 6, ['cpc/modifiers']),
			area('compliance', 'Compliance and regulatory', 4, COMPLIANCE)
		],
		note: 'AAPC names the 17 areas but not a count per area; ours are an even split, E/M and ICD-10-CM weighted up.'
	},
	/*
	 * AAPC, "COC Certification" (aapc.com/certification/coc): 100 multiple-choice questions in 4
	 * hours on hospital outpatient and ambulatory surgery center coding: the surgery series,
	 * facility E/M and emergency visits, radiology, pathology and laboratory, medicine, ICD-10-CM,
	 * HCPCS Level II, modifiers, outpatient payment (OPPS, APCs, status indicators) and
	 * compliance. No per-area counts are published; surgery gets the largest share (30) because
	 * outpatient surgery is most of the exam's cases, payment 12.
	 */
	{
		...AAPC,
		id: 'COC',
		tag: 'COC',
		title: 'COC',
		items: 100,
		books: ['CPT', 'ICD-10-CM', 'HCPCS'],
		blueprint: [
			area('surgery', 'Outpatient surgery (10000-69999)', 30, SURGERY),
			area('em', 'Facility E/M and emergency visits', 6, ['cpc/em']),
			area('radiology', 'Radiology', 8, ['cpc/radiology']),
			area('pathology-lab', 'Pathology and Laboratory', 6, ['cpc/pathology-lab']),
			area('medicine', 'Medicine', 6, ['cpc/medicine']),
			area('icd10cm', 'ICD-10-CM', 12, DIAGNOSIS),
			area('hcpcs', 'HCPCS Level II', 6, ['cpc/hcpcs']),
			area('modifiers', 'Modifiers', 8, ['cpc/modifiers']),
			area('payment', 'Outpatient payment: OPPS, APCs and status indicators', 12, [
				'facility/outpatient-facility'
			]),
			area('compliance', 'Compliance and regulatory', 6, COMPLIANCE)
		],
		note: 'AAPC lists the areas but not a count per area; ours weight outpatient surgery most.'
	},
	/*
	 * AAPC, "CIC Certification" (aapc.com/certification/cic): multiple-choice questions and
	 * inpatient record cases coded with ICD-10-CM and ICD-10-PCS, 4 hours, on inpatient diagnosis
	 * coding, ICD-10-PCS and inpatient payment (MS-DRG, POA). AAPC does not publish a count per
	 * area: we keep 40 multiple choice and 7 cases, and split the 40 as 16 diagnoses, 14 PCS and
	 * 10 payment, our judgment of how much each weighs in inpatient coding work.
	 */
	{
		...AAPC,
		id: 'CIC',
		tag: 'CIC',
		title: 'CIC',
		items: 47,
		books: ['ICD-10-CM', 'ICD-10-PCS'],
		blueprint: [
			area('inpatient', 'Inpatient diagnosis coding and guidelines', 16, [
				'facility/inpatient',
				...DIAGNOSIS
			]),
			area('icd10pcs', 'ICD-10-PCS', 14, ['facility/icd10pcs']),
			area('drg', 'MS-DRG, POA and inpatient payment', 10, ['facility/drg']),
			{
				...area('cases', 'Inpatient record cases', 7, ['facility/inpatient', 'facility/icd10pcs']),
				types: CASES
			}
		],
		note: 'The number of multiple-choice items and cases on the real exam varies; ours is 40 and 7.'
	},
	/*
	 * AAPC, "CRC Certification" (aapc.com/certification/crc): 100 multiple-choice questions in 4
	 * hours on risk adjustment models, ICD-10-CM coding and documentation. Half of ours is
	 * diagnosis coding (the exam's scenarios are coded with ICD-10-CM), a quarter the models
	 * (HCC, hierarchies, RAF) and a quarter documentation, MEAT and audits.
	 */
	{
		...AAPC,
		id: 'CRC',
		tag: 'CRC',
		title: 'CRC',
		items: 100,
		books: ['ICD-10-CM'],
		blueprint: [
			area('icd10cm', 'Diagnosis coding and guidelines', 50, DIAGNOSIS),
			area('hcc', 'HCC models, hierarchies and RAF', 25, ['risk-adjustment/hcc']),
			area('documentation', 'Documentation, MEAT and audits', 25, ['risk-adjustment/documentation'])
		],
		note: 'AAPC does not publish a count per area; ours is half diagnosis coding, half risk adjustment.'
	},
	/*
	 * AAPC, "CPB Certification" (aapc.com/certification/cpb): 135 multiple-choice questions, 4
	 * hours, on payers, claims, the revenue cycle, denials and collections, payment methods,
	 * compliance and the coding a biller checks. Some guides say 100 items; we follow AAPC's 135.
	 */
	{
		...AAPC,
		id: 'CPB',
		tag: 'CPB',
		title: 'CPB',
		itemTypes: [...SBA, ...BILLING_TASKS],
		items: 135,
		books: ['CPT', 'ICD-10-CM', 'HCPCS'],
		blueprint: [
			area('coding', 'Coding for claims', 25, [...PROCEDURES, 'cpc/hcpcs', 'cpc/modifiers']),
			area('diagnosis', 'Diagnosis coding', 10, DIAGNOSIS),
			area('eligibility', 'Insurance, payers and eligibility', 25, ['billing/eligibility']),
			area('claims', 'Claims and the revenue cycle', 25, [
				'billing/billing',
				'billing/revenue-cycle'
			]),
			area('denials', 'Denials, appeals and collections', 25, ['billing/denials']),
			area('reimbursement', 'Reimbursement methodologies', 12, ['billing/reimbursement']),
			area('compliance', 'Compliance, privacy and regulations', 13, COMPLIANCE)
		],
		note: 'AAPC lists 135 multiple-choice items (some guides say 100); ours also asks you to level visits, scrub claims, work denials and post EOBs.'
	},
	/*
	 * AHIMA, "CCA Exam Content Outline" (ahima.org, the outline in use for 2026-2027): 2 hours,
	 * six domains with weight ranges: clinical classification systems 30-34%, reimbursement
	 * methodologies 15-19%, health records and data content 16-20%, compliance 10-14%,
	 * information technologies 5-9%, confidentiality and privacy 5-9%. The midpoints add to 93%;
	 * scaled to 100 scored items they give 34, 18, 19, 13, 8 and 8. (An older outline weighted
	 * reimbursement 21-25%; we follow the current one.)
	 */
	{
		...AHIMA,
		id: 'CCA',
		tag: 'CCA',
		title: 'CCA',
		items: 100,
		minutes: 120,
		books: ['CPT', 'ICD-10-CM', 'ICD-10-PCS', 'HCPCS'],
		blueprint: [
			area('classification', 'Classification systems', 34, [
				...DIAGNOSIS,
				...PROCEDURES,
				'facility/inpatient',
				'facility/icd10pcs'
			]),
			area('reimbursement', 'Reimbursement methodologies', 18, [
				'billing/reimbursement',
				'billing/billing',
				'facility/drg',
				'facility/outpatient-facility',
				'cpc/modifiers',
				'cpc/hcpcs'
			]),
			area('health-records', 'Health records and data content', 19, ['him/health-records']),
			area('compliance', 'Compliance', 13, ['billing/compliance']),
			area('health-it', 'Information technologies', 8, ['him/health-it']),
			area('privacy', 'Confidentiality and privacy', 8, ['him/privacy'])
		],
		note: 'The real exam has 90-115 items including unscored pretest items; we use 100 scored.'
	},
	/*
	 * AHIMA, "CCS Exam Content Outline" (ahima.org): multiple choice plus medical-record cases,
	 * 4 hours, over coding knowledge and skills, documentation and provider queries, and
	 * regulatory guidelines and reporting (MS-DRG, APC, POA). AHIMA does not publish how many
	 * items are cases; we keep 92 multiple choice and 15 cases, the multiple choice weighted
	 * about 56% coding, 22% documentation and queries, 22% regulatory.
	 */
	{
		...AHIMA,
		id: 'CCS',
		tag: 'CCS',
		title: 'CCS',
		items: 107,
		minutes: 240,
		books: ['CPT', 'ICD-10-CM', 'ICD-10-PCS'],
		blueprint: [
			area('coding', 'Coding knowledge: diagnoses and procedures', 52, [
				...DIAGNOSIS,
				'facility/inpatient',
				'facility/icd10pcs',
				...PROCEDURES,
				'cpc/modifiers',
				'cpc/hcpcs'
			]),
			area('documentation', 'Documentation and provider queries', 20, [
				'him/health-records',
				'facility/inpatient'
			]),
			area('regulatory', 'Regulatory guidelines and reporting: MS-DRG, APC, POA', 20, [
				'facility/drg',
				'facility/outpatient-facility',
				'billing/compliance'
			]),
			{
				...area('cases', 'Inpatient and outpatient record cases', 15, [
					'facility/inpatient',
					'facility/icd10pcs',
					...DIAGNOSIS,
					...PROCEDURES,
					'cpc/modifiers',
					'cpc/hcpcs'
				]),
				types: ['case', 'code-entry']
			}
		],
		note: 'AHIMA does not publish the split between multiple choice and cases; ours is an estimate.'
	},
	/*
	 * NHA, "CBCS Detailed Test Plan" (nhanow.com): 100 scored items (125 with pretest items) in 3
	 * hours, closed book: revenue cycle and regulatory compliance 15, insurance eligibility and
	 * other payer requirements 20, coding and coding guidelines 32, billing and reimbursement 33.
	 */
	{
		...NHA,
		id: 'CBCS',
		tag: 'CBCS',
		title: 'CBCS',
		itemTypes: [...SBA, ...BILLING_TASKS],
		items: 100,
		minutes: 180,
		books: [],
		blueprint: [
			area('revenue-cycle', 'Revenue cycle and regulatory compliance', 15, [
				'billing/revenue-cycle',
				...COMPLIANCE
			]),
			area('eligibility', 'Insurance eligibility and payer guidelines', 20, [
				'billing/eligibility'
			]),
			area('coding', 'Coding and coding guidelines', 32, [
				...DIAGNOSIS,
				...PROCEDURES,
				'cpc/hcpcs',
				'cpc/modifiers'
			]),
			area('billing', 'Billing and reimbursement', 33, [
				'billing/billing',
				'billing/denials',
				'billing/reimbursement'
			])
		],
		note: 'The real exam has 125 items of which 100 are scored; we use the 100, some of them billing tasks done by hand rather than multiple choice. No code books.'
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
		items: choice.items,
		minutes: choice.minutes,
		pass: PERCENT_70,
		books: ['CPT', 'ICD-10-CM', 'ICD-10-PCS', 'HCPCS'],
		pause: true,
		// Every kind with something to score: a custom exam is the learner's own choice of sections.
		itemTypes: ITEM_TYPES.filter((t) => kindOfType(t).examable),
		blueprint: choice.sections.map((s, i) =>
			area(s.id, s.title, counts[i] ?? 0, [`${choice.bankId}/${s.id}`])
		),
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
