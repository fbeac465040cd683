import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { cachePlan } from './bank-cache';
import {
	bankItems,
	buildItemIndex,
	filesForSection,
	filesHolding,
	readItemIndex,
	ITEMS_PREFIX
} from './item-index';
import type { Bank, Item } from './types';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function bank(id: string, items: Item[]): Bank {
	return {
		id,
		title: id,
		description: '',
		order: 1,
		sections: [],
		items: items.map((i) => ({ ...i, bankId: id }))
	};
}

/** `n` items per section, ids `<bank>-<section>-0001`… */
function items(bankId: string, sections: Record<string, number>): Item[] {
	return Object.entries(sections).flatMap(([section, n]) =>
		Array.from({ length: n }, (_, k) =>
			makeItem(`${bankId}-${section}-${String(k + 1).padStart(4, '0')}`, section)
		)
	);
}

const banks = () => [
	bank('cpc', items('cpc', { em: 70, surgery: 5 })),
	bank('billing', items('billing', { claims: 12 }))
];

describe('buildItemIndex', () => {
	it('lists every item once, in bank order, with its bank, section, type, exams and difficulty only', () => {
		const built = buildItemIndex(banks(), sha);
		const index = readItemIndex(JSON.parse(JSON.stringify(built.index)));
		expect(index.entries.map((e) => e.id)).toEqual(
			banks().flatMap((b) => b.items.map((i) => i.id))
		);
		expect(index.entries[0]).toEqual({
			id: 'cpc-em-0001',
			bankId: 'cpc',
			section: 'em',
			type: 'single-best-answer',
			exams: ['CPC'],
			difficulty: 2
		});
		// No text in the index: the rationale and scenario stay in the body files.
		expect(JSON.stringify(built.index)).not.toContain('Why.');
	});

	it('puts each item in one body file of its own bank and section, under a content-hashed name', () => {
		const built = buildItemIndex(banks(), sha);
		const index = readItemIndex(built.index);
		const seen = new Set<string>();
		for (const file of index.files) {
			expect(file.url).toMatch(
				new RegExp(`^${ITEMS_PREFIX}${file.bankId}-${file.section}-\\d+-[0-9a-f]{10}\\.json$`)
			);
			const body = built.bodies.get(file.url.slice(ITEMS_PREFIX.length))!;
			expect(file.url).toContain(sha(body).slice(0, 10));
			expect(file.bytes).toBe(Buffer.byteLength(body));
			for (const item of JSON.parse(body) as Item[]) {
				expect([item.bankId, item.section]).toEqual([file.bankId, file.section]);
				expect(index.files[index.fileOf.get(item.id)!]).toBe(file);
				seen.add(item.id);
			}
		}
		expect(seen.size).toBe(87);
		// 70 items of a section go to four files (32 a file, rounded up to a power of two).
		expect(index.files.filter((f) => f.section === 'em')).toHaveLength(4);
		expect(index.files.filter((f) => f.section === 'surgery')).toHaveLength(1);
	});

	it('a release with one item edited renames that item’s file only, so only it is downloaded', () => {
		const before = buildItemIndex(banks(), sha).index.files.map((f) => f.url);
		const edited = banks();
		edited[1]!.items[3] = { ...edited[1]!.items[3]!, rationale: 'Why, better said.' };
		const after = buildItemIndex(edited, sha).index.files.map((f) => f.url);
		const plan = cachePlan(before, after);
		expect(plan.fetch).toHaveLength(1);
		expect(plan.fetch[0]).toMatch(/^\/data\/items\/billing-claims-/);
		expect(plan.drop).toHaveLength(1);
		expect(plan.drop[0]).toMatch(/^\/data\/items\/billing-claims-/);
	});

	it('a new item changes one file of its section (until the section doubles)', () => {
		const before = buildItemIndex(banks(), sha).index.files.map((f) => f.url);
		const grown = banks();
		grown[0]!.items.push({ ...makeItem('cpc-em-0999', 'em'), bankId: 'cpc' });
		const plan = cachePlan(
			before,
			buildItemIndex(grown, sha).index.files.map((f) => f.url)
		);
		expect(plan.fetch).toHaveLength(1);
		expect(plan.fetch[0]).toMatch(/^\/data\/items\/cpc-em-/);
	});
});

describe('filesForSection', () => {
	it('is a power of two that keeps files at about 32 items', () => {
		expect([1, 32, 33, 64, 65, 200, 1000].map((n) => filesForSection(n))).toEqual([
			1, 1, 2, 2, 4, 8, 32
		]);
	});
});

describe('reading the index', () => {
	const built = buildItemIndex(banks(), sha);
	const index = readItemIndex(built.index);

	it('names the files that hold the wanted items, each once, and skips ids it does not know', () => {
		const files = filesHolding(index, ['billing-claims-0001', 'billing-claims-0002', 'gone-0001']);
		expect(files.map((f) => f.bankId)).toEqual(['billing']);
	});

	it('puts a bank back together in index order, leaving out items without a body', () => {
		const bodies = new Map<string, Item>();
		for (const body of built.bodies.values())
			for (const item of JSON.parse(body) as Item[]) bodies.set(item.id, item);
		bodies.delete('cpc-em-0002');
		const cpc = bankItems(index, 'cpc', bodies).map((i) => i.id);
		expect(cpc).toHaveLength(74);
		expect(cpc.slice(0, 2)).toEqual(['cpc-em-0001', 'cpc-em-0003']);
		expect(cpc.at(-1)).toBe('cpc-surgery-0005');
	});
});
