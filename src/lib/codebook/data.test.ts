import { describe, expect, it } from 'vitest';
import { miniTexts } from '../../../tests/factories/codebook';
import { parseCodeBook } from './data';

describe('parseCodeBook', () => {
	const data = parseCodeBook(miniTexts());
	const byCode = (code: string) => data.entries.find((e) => e.code === code);

	it('reads every system, with headers marked not billable', () => {
		expect(byCode('E11')).toMatchObject({ system: 'icd10cm', billable: false, chapter: 4 });
		expect(byCode('E11.9')).toMatchObject({ billable: true, chapter: 4 });
		expect(byCode('0DT')).toMatchObject({ system: 'icd10pcs', billable: false });
		expect(byCode('0DTJ4ZZ')).toMatchObject({ system: 'icd10pcs', billable: true });
	});

	it('marks FY2026 changes from the addenda and keeps deleted codes apart', () => {
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
