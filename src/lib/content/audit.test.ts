import { describe, expect, it } from 'vitest';
import { bankFiles, codeEntryFront, itemText, smallCodeSets } from '../../../tests/factories/item';
import { auditItem, codeMentions, selectItems, type TitleLookup } from './audit';
import type { Item } from './types';
import { validateBanks } from './validate';

const TITLES: Record<string, string> = {
	E11: 'Type 2 diabetes mellitus',
	'E11.9': 'Type 2 diabetes mellitus without complications',
	'E10.9': 'Type 1 diabetes mellitus without complications',
	'E13.9': 'Other specified diabetes mellitus without complications',
	'J02.9': 'Acute pharyngitis, unspecified',
	'R50.9': 'Fever, unspecified'
};
const titles: TitleLookup = {
	year: 2026,
	icd10cm: (c) => TITLES[c],
	icd10pcs: (c) =>
		c === '0DTJ4ZZ' ? 'Resection of Appendix, Percutaneous Endoscopic Approach' : undefined,
	hcpcs: (c) => (c === 'J1885' ? 'Injection, ketorolac tromethamine, per 15 mg' : undefined)
};
const guidelines = {
	'I.A.17': 'Other and Unspecified codes ' + 'x'.repeat(700),
	'I.C.4.a': 'Diabetes'
};

function build(files: Record<string, string>): Item[] {
	const { banks, problems } = validateBanks(bankFiles(files), smallCodeSets());
	expect(problems).toEqual([]);
	return banks.flatMap((b) => b.items);
}

describe('auditItem', () => {
	it('prints the key, every code with its official title and each cited section, clipped', () => {
		const [item] = build({ 'demo-0001': itemText() });
		const text = auditItem(item!, titles, guidelines);
		expect(text.split('\n').slice(0, 8)).toEqual([
			'== demo-0001 (single-best-answer, demo/icd10cm, code-set year 2026)',
			'file: question-banks/demo/demo-0001.md',
			'key: C. E11.9',
			'codes (FY2026 official titles):',
			'  ICD-10-CM  E11      Type 2 diabetes mellitus',
			'  ICD-10-CM  E10.9    Type 1 diabetes mellitus without complications',
			'  ICD-10-CM  E11.9    Type 2 diabetes mellitus without complications',
			'  ICD-10-CM  E13.9    Other specified diabetes mellitus without complications'
		]);
		const cited = text.split('\n').find((l) => l.startsWith('guidelines I.A.17: Other'));
		expect(cited).toHaveLength('guidelines I.A.17: '.length + 600 + 1);
	});

	it('names codes and sections the code set and guidelines do not have', () => {
		// The validator refuses such an item; audit must still say what is wrong if handed one.
		const [valid] = build({ 'demo-0001': itemText() });
		const item = { ...valid!, rationale: 'E11.9 fits; Z99.999 and Section I.C.25 do not exist.' };
		const text = auditItem(item, titles, guidelines);
		expect(text).toContain('  ICD-10-CM  Z99.999  NOT IN THE FY2026 CODE SET');
		expect(text).toContain('guidelines I.C.25: NO SUCH SECTION');
	});

	it('finds codes in a code key, HCPCS and PCS, but not words shaped like codes', () => {
		const [item] = build({
			'demo-0002': itemText({
				front: {
					...codeEntryFront('\n  icd10cm: [J02.9, R50.9]\n  procedures: [99213-25, J1885 x2]'),
					id: 'demo-0002'
				},
				sections: {
					Options: undefined,
					Scenario:
						'A fictional note (A1C 7.2, ABCDEFG, vitamin B12). The appendix was removed as 0DTJ4ZZ.'
				}
			})
		});
		expect(codeMentions(item!, titles).map((c) => `${c.system} ${c.code}`)).toEqual([
			'ICD-10-PCS 0DTJ4ZZ',
			'ICD-10-CM J02.9',
			'ICD-10-CM R50.9',
			'HCPCS J1885',
			'ICD-10-CM E11.9',
			'ICD-10-CM E11'
		]);
	});
});

describe('selectItems', () => {
	it('picks by item id, bank, section or bank/section', () => {
		const items = build({
			'demo-0001': itemText(),
			'demo-0002': itemText({ front: { id: 'demo-0002', section: 'em' } })
		});
		const ids = (...p: string[]) => selectItems(items, p).map((i) => i.id);
		expect(ids('demo-0002')).toEqual(['demo-0002']);
		expect(ids('demo')).toEqual(['demo-0001', 'demo-0002']);
		expect(ids('icd10cm')).toEqual(['demo-0001']);
		expect(ids('demo/em', 'demo-0001')).toEqual(['demo-0001', 'demo-0002']);
		expect(ids('cpc')).toEqual([]);
	});
});
