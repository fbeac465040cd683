import { describe, expect, it } from 'vitest';
import { miniTexts } from '../../../tests/factories/codebook';
import { parseCodeBook } from './data';

describe('parseCodeBook', () => {
	const data = parseCodeBook(miniTexts(), 2026);
	const byCode = (code: string) => data.entries.find((e) => e.code === code);

	it('reads every system, with headers marked not billable', () => {
		expect(byCode('E11')).toMatchObject({ system: 'icd10cm', billable: false, chapter: 4 });
		expect(byCode('E11.9')).toMatchObject({ billable: true, chapter: 4 });
		expect(byCode('0DT')).toMatchObject({ system: 'icd10pcs', billable: false });
		expect(byCode('0DTJ4ZZ')).toMatchObject({ system: 'icd10pcs', billable: true });
	});

	it('marks FY2026 changes from the addenda and keeps deleted codes apart (a learner on FY2026)', () => {
		expect(byCode('E11.A')?.change).toBe('new');
		expect(byCode('I10')?.change).toBe('revised');
		expect(byCode('E11.9')?.change).toBeUndefined();
		expect(data.deleted.get('E11.99')).toBe('An old code');
	});

	it('marks POA-exempt codes', () => {
		expect(byCode('I10')?.poaExempt).toBe(true);
		expect(byCode('E11.9')?.poaExempt).toBeUndefined();
	});

	it('keeps active HCPCS codes and modifiers with the long title, and drops discontinued ones', () => {
		expect(byCode('J1100')?.title).toBe('Injection, dexamethasone sodium phosphate, 1 mg');
		expect(byCode('A9999')).toBeUndefined();
		expect(byCode('LT')).toMatchObject({ modifier: true, change: 'new' });
	});

	it('reads index terms, with a trailing dash as "more characters needed"', () => {
		expect(data.index).toEqual([
			{
				table: 'drug',
				path: ['Acetaminophen'],
				column: 'Poisoning Accidental (unintentional)',
				code: 'T39.1X1',
				incomplete: false
			},
			{
				table: 'neoplasm',
				path: ['Neoplasm, neoplastic', 'lung'],
				column: 'Malignant Secondary',
				code: 'C78.0',
				incomplete: true
			}
		]);
	});
});

describe('parseCodeBook, FY2027', () => {
	// FY2027 as shipped: E11.9 became a header with E11.91 below it, I10 was retitled, E11.99 was
	// deleted and E11.98 has its title; the index points at E11.9 and at the deleted E11.99.
	const texts = miniTexts({
		icd10cm: [
			'code\tbillable\ttitle',
			'E11\t0\tType 2 diabetes mellitus',
			'E11.9\t0\tType 2 diabetes mellitus without complications',
			'E11.91\t1\tType 2 diabetes mellitus without complications, a new code',
			'E11.98\t1\tAn old code',
			'E11.A\t1\tType 2 diabetes mellitus without complications in remission',
			'I10\t1\tEssential (primary) hypertension, retitled'
		].join('\n'),
		addenda2027: [
			'action\tcode\tbillable\ttitle',
			'delete\tE11.9\t1\tType 2 diabetes mellitus without complications',
			'add\tE11.9\t0\tType 2 diabetes mellitus without complications',
			'add\tE11.91\t1\tType 2 diabetes mellitus without complications, a new code',
			'add\tE11.98\t1\tAn old code',
			'delete\tE11.99\t1\tAn old code',
			'revise_from\tI10\t1\tEssential (primary) hypertension',
			'revise_to\tI10\t1\tEssential (primary) hypertension, retitled'
		].join('\n'),
		index: [
			'table\tterm\tcolumn\tcode',
			'drug\tSugar\tPoisoning Accidental (unintentional)\tE11.9',
			'drug\tOld sugar\tPoisoning Accidental (unintentional)\tE11.99',
			'drug\tSome sugar\tPoisoning Accidental (unintentional)\tE11.9-',
			'drug\tGood sugar\tPoisoning Accidental (unintentional)\tE11.A'
		].join('\n')
	});
	const fy2027 = parseCodeBook(texts);
	const byCode = (data: typeof fy2027, code: string) => data.entries.find((e) => e.code === code);

	it('is the default, with new, now-a-header and retitled badges and old titles', () => {
		expect(fy2027.year).toBe(2027);
		expect(byCode(fy2027, 'E11.91')?.change).toBe('new');
		expect(byCode(fy2027, 'E11.9')).toMatchObject({
			billable: false,
			change: 'now-header',
			oldTitle: 'Type 2 diabetes mellitus without complications'
		});
		expect(byCode(fy2027, 'I10')).toMatchObject({
			change: 'retitled',
			oldTitle: 'Essential (primary) hypertension'
		});
		// E11.A was new in FY2026, not in FY2027.
		expect(byCode(fy2027, 'E11.A')?.change).toBeUndefined();
	});

	it('keeps deleted codes with their title and same-titled successor', () => {
		expect(fy2027.deleted.get('E11.99')).toBe('An old code');
		expect(fy2027.replacedBy.get('E11.99')).toEqual(['E11.98']);
	});

	it('marks index entries that point at a deleted code or a billable code turned header', () => {
		expect(fy2027.index.map((t) => [t.path[0], t.stale])).toEqual([
			['Sugar', 'now-header'],
			['Old sugar', 'deleted'],
			// A "-" entry asks for more characters: a header is what it means.
			['Some sugar', undefined],
			['Good sugar', undefined]
		]);
	});

	it('derives the FY2026 book from FY2027 and its addenda', () => {
		const fy2026 = parseCodeBook(texts, 2026);
		expect(fy2026.year).toBe(2026);
		expect(fy2026.entries.filter((e) => e.system === 'icd10cm').map((e) => e.code)).toEqual([
			'E11',
			'E11.9',
			'E11.99',
			'E11.A',
			'I10'
		]);
		expect(byCode(fy2026, 'E11.9')?.billable).toBe(true);
		expect(byCode(fy2026, 'I10')?.title).toBe('Essential (primary) hypertension');
		expect(fy2026.index.every((t) => t.stale === undefined)).toBe(true);
	});
});
