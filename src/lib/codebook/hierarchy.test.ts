import { beforeAll, describe, expect, it } from 'vitest';
import { realCodeBook } from '../../../tests/factories/codebook';
import { CodeTree } from './hierarchy';

let tree: CodeTree;
beforeAll(() => {
	tree = new CodeTree(realCodeBook());
});

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('ICD-10-CM hierarchy', () => {
	it('finds a code typed in any form', () => {
		for (const typed of ['e119', 'E11.9', 'e11 9'])
			expect(tree.node(typed)?.id, typed).toBe('E11.9');
		expect(tree.node('E11.99')).toBeUndefined();
	});

	it('goes up from E11.9 to its category, section and chapter', () => {
		const node = tree.node('E11.9')!;
		expect(ids(tree.ancestors(node))).toEqual(['chapter:4', 'section:E08-E13', 'E11']);
		expect(tree.node('chapter:4')?.title).toMatch(/^Endocrine, nutritional and metabolic diseases/);
	});

	it('skips levels that do not exist (W01.0XXA has no W01.0XX or W01.0X)', () => {
		expect(tree.parent(tree.node('T39.1X1A')!)?.id).toBe('T39.1X1');
		expect(tree.parent(tree.node('W01.0XXA')!)?.id).toBe('W01.0');
		expect(tree.parent(tree.node('S72.001A')!)?.id).toBe('S72.001');
	});

	it('uses the Tabular sections, not string ranges (C4A is in C43-C44)', () => {
		expect(tree.parent(tree.node('C4A')!)?.id).toBe('section:C43-C44');
		expect(tree.parent(tree.node('QA0')!)?.kind).toBe('section');
	});

	it('goes down and sideways', () => {
		const e11 = tree.node('E11')!;
		const children = ids(tree.children(e11));
		expect(children).toContain('E11.9');
		expect(children).not.toContain('E11.65'); // a grandchild, under E11.6
		expect(ids(tree.children(tree.node('E11.6')!))).toContain('E11.65');
		expect(ids(tree.siblings(tree.node('E11.9')!))).toContain('E11.8');
		expect(ids(tree.siblings(tree.node('E11.9')!))).not.toContain('E11.9');
		expect(ids(tree.children(tree.node('section:E08-E13')!))).toEqual([
			'E08',
			'E09',
			'E10',
			'E11',
			'E13'
		]);
		expect(tree.roots('icd10cm')).toHaveLength(22);
	});
});

describe('PCS and HCPCS hierarchy', () => {
	it('puts a PCS code under its table and section', () => {
		expect(ids(tree.ancestors(tree.node('0DTJ4ZZ')!))).toEqual(['pcs:0', '0DT']);
		expect(tree.node('pcs:0')?.title).toBe('Medical and Surgical');
	});

	it('keeps the CM category B20 and the PCS table B20 apart', () => {
		const cm = tree.node('B20', 'icd10cm')!;
		const pcs = tree.node('B20', 'icd10pcs')!;
		expect(cm.title).toMatch(/immunodeficiency virus/i);
		expect(pcs.system).toBe('icd10pcs');
		expect(tree.children(pcs).every((n) => n.system === 'icd10pcs')).toBe(true);
		expect(tree.systemsOf('B20')).toEqual(['icd10cm', 'icd10pcs']);
	});

	it('groups HCPCS codes by letter and modifiers apart', () => {
		expect(ids(tree.ancestors(tree.node('J1100')!))).toEqual(['hcpcs:J']);
		expect(ids(tree.ancestors(tree.node('LT')!))).toEqual(['hcpcs:modifiers']);
	});
});

describe('nested Tabular blocks', () => {
	it('lists only a chapter’s top-level blocks (T20-T32 is inside T07-T88)', () => {
		const chapter19 = ids(tree.children(tree.node('chapter:19')!));
		expect(chapter19).toContain('section:T07-T88');
		expect(chapter19).not.toContain('section:T20-T32');
		expect(chapter19).not.toContain('section:T20-T25');
		expect(chapter19.at(-1)).toBe('section:T07-T88');
	});

	it('puts each block under the smallest block that holds it', () => {
		expect(ids(tree.children(tree.node('section:T20-T32')!))).toEqual([
			'section:T20-T25',
			'section:T26-T28',
			'section:T30-T32'
		]);
		expect(ids(tree.ancestors(tree.node('T20')!))).toEqual([
			'chapter:19',
			'section:T07-T88',
			'section:T20-T32',
			'section:T20-T25'
		]);
		expect(ids(tree.siblings(tree.node('section:T20-T25')!))).toEqual([
			'section:T26-T28',
			'section:T30-T32'
		]);
	});

	it('places blocks with a letter in the code by Tabular order, not by spelling', () => {
		// C7A sorts between C76 and C80 as text, but the Tabular lists it after C75, beside C76-C80.
		expect(tree.parent(tree.node('section:C7A')!)?.id).toBe('section:C00-C96');
		expect(tree.parent(tree.node('section:C76-C80')!)?.id).toBe('section:C00-C96');
		expect(tree.parent(tree.node('section:C00-C14')!)?.id).toBe('section:C00-C75');
		// D3A is a block of its own in chapter 2, not part of D37-D48.
		expect(tree.parent(tree.node('section:D3A')!)?.id).toBe('chapter:2');
		expect(tree.parent(tree.node('C4A')!)?.id).toBe('section:C43-C44');
	});

	it('counts a block’s siblings as the list shows them', () => {
		const node = tree.node('section:V00-V09')!;
		const siblings = tree.siblings(node);
		expect(tree.parent(node)?.id).toBe('section:V00-V99');
		expect(siblings).toHaveLength(11);
		expect(siblings.every((s) => s.id.startsWith('section:V'))).toBe(true);
	});
});
