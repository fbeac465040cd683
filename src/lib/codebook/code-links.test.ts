import { describe, expect, it } from 'vitest';
import { codeHref, findCodes, linkCodes } from './code-links';

describe('findCodes', () => {
	it('finds dotted ICD-10-CM, HCPCS and PCS codes with their system', () => {
		const text = 'Report E11.9 and S72.001A, QA0.0101, then J1885 x2 and 0DTJ4ZZ.';
		expect(findCodes(text).map((c) => [c.code, c.system])).toEqual([
			['E11.9', 'icd10cm'],
			['S72.001A', 'icd10cm'],
			['QA0.0101', 'icd10cm'],
			['J1885', 'hcpcs'],
			['0DTJ4ZZ', 'icd10pcs']
		]);
	});

	it('never matches CPT numbers, CPT modifiers or ordinary tokens', () => {
		const text =
			'CPT 99213-25, 3074F, 0075T, 0001U, modifier 59, vitamin B12, A1C 9.1, phone 5551234, U.S. law, E11';
		expect(findCodes(text)).toEqual([]);
	});
});

describe('linkCodes', () => {
	it('links codes in text to their code page', () => {
		expect(linkCodes('<p>Use E11.9, not E11.</p>')).toBe(
			'<p>Use <a class="code-link" href="/codes?c=E11.9">E11.9</a>, not E11.</p>'
		);
		expect(linkCodes('<li>J1100</li>')).toBe(
			'<li><a class="code-link" href="/codes?c=J1100&s=hcpcs">J1100</a></li>'
		);
	});

	it('leaves tags, attributes and existing links alone', () => {
		const html = '<a href="/x?E11.9">E11.9</a> <img alt="J1100"> <code>E11.9</code>';
		expect(linkCodes(html)).toBe(
			'<a href="/x?E11.9">E11.9</a> <img alt="J1100"> <code><a class="code-link" href="/codes?c=E11.9">E11.9</a></code>'
		);
	});

	it('builds addresses that name the system only where needed', () => {
		expect(codeHref('E11.9', 'icd10cm')).toBe('/codes?c=E11.9');
		expect(codeHref('0DTJ4ZZ', 'icd10pcs')).toBe('/codes?c=0DTJ4ZZ&s=icd10pcs');
	});
});
