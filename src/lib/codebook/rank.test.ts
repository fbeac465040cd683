import { describe, expect, it } from 'vitest';
import { isQualityMeasure, leadStem, preference, queryIntent, traitsOf } from './rank';

const cm = (code: string, title: string, billable = true) =>
	({ system: 'icd10cm', code, title, billable }) as const;

describe('queryIntent', () => {
	it('reads a poisoning without an intent as accidental', () => {
		expect(queryIntent(['acetaminophen', 'poisoning']).accidentalFirst).toBe(true);
		expect(queryIntent(['tylenol', 'overdose']).accidentalFirst).toBe(true);
		expect(queryIntent(['acetaminophen', 'poisoning', 'assault']).accidentalFirst).toBe(false);
		expect(queryIntent(['acetaminophen', 'adverse', 'effect']).accidentalFirst).toBe(false);
		expect(queryIntent(['acetaminophen']).accidentalFirst).toBe(false);
	});

	it('wants the default code for one or two words only', () => {
		expect(queryIntent(['pneumonia']).wantsDefault).toBe(true);
		expect(queryIntent(['lobar', 'pneumonia', 'left', 'lung']).wantsDefault).toBe(false);
	});

	it('takes diabetes with no type as type 2', () => {
		expect(queryIntent(['diabetic', 'neuropathy']).diabetesType2).toBe(true);
		expect(queryIntent(['type', '1', 'diabetes']).diabetesType2).toBe(false);
		expect(queryIntent(['gestational', 'diabetes']).diabetesType2).toBe(false);
	});
});

describe('preference', () => {
	const intent = queryIntent(['pneumonia']);

	const pref = (e: Parameters<typeof traitsOf>[0], q = intent) =>
		preference(traitsOf(e), leadStem(e.title) === 'pneumonia', q);

	it('orders the unspecified code of the typed condition above its other codes', () => {
		const unspecified = pref(cm('J18.9', 'Pneumonia, unspecified organism'));
		const other = pref(cm('J12.9', 'Viral pneumonia, unspecified'));
		const header = pref(cm('J18', 'Pneumonia, unspecified organism', false));
		expect(unspecified).toBeGreaterThan(other);
		expect(unspecified).toBeGreaterThan(header);
	});

	it('sends quality-measure codes down unless asked for', () => {
		const measure = {
			system: 'hcpcs',
			code: 'G9745',
			title: 'Documented reason for not screening',
			billable: true
		} as const;
		expect(pref(measure)).toBeLessThan(0);
		expect(pref(measure, queryIntent(['documented', 'reason']))).toBe(0);
	});

	it('sends history codes down unless the query says history', () => {
		const z = cm('Z86.31', 'Personal history of diabetic foot ulcer');
		expect(pref(z, queryIntent(['diabetic', 'foot', 'ulcer']))).toBeLessThan(0);
		expect(pref(z, queryIntent(['history', 'diabetic', 'foot', 'ulcer']))).toBe(0);
	});

	it('puts the initial encounter before later ones unless the query asks for those', () => {
		const later = cm(
			'S72.001D',
			'Fracture of unspecified part of neck of right femur, subsequent encounter for closed fracture with routine healing'
		);
		expect(pref(later, queryIntent(['femur', 'neck', 'fracture']))).toBeLessThan(0);
		expect(pref(later, queryIntent(['femur', 'fracture', 'subsequent']))).toBe(0);
	});
});

describe('leadStem', () => {
	it('reads past the words that come before a main term', () => {
		expect(leadStem('Unspecified asthma, uncomplicated')).toBe('asthma');
		expect(leadStem('Other acute pancreatitis')).toBe(leadStem('pancreatitis'));
		expect(leadStem('Pneumonia, unspecified organism')).toBe('pneumonia');
	});
});

it('isQualityMeasure knows the G8, G9 and M1 measure codes and nothing else', () => {
	const h = (code: string, modifier = false) => ({ system: 'hcpcs', code, modifier }) as const;
	expect(['G8431', 'G9745', 'M1003'].every((c) => isQualityMeasure(h(c)))).toBe(true);
	expect(['G0438', 'J1100', 'E0601'].some((c) => isQualityMeasure(h(c)))).toBe(false);
	expect(isQualityMeasure(h('G8', true))).toBe(false);
	expect(isQualityMeasure({ system: 'icd10cm', code: 'G8929' })).toBe(false);
});
