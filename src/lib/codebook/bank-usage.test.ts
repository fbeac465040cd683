import { expect, it } from 'vitest';
import type { Bank, Item } from '$lib/content/types';
import { itemsUsingCode } from './bank-usage';

const base = {
	bankId: 'demo',
	exams: [],
	section: 'icd10cm',
	systems: [],
	codeSetYear: 2026,
	difficulty: 1 as const,
	tags: [],
	rationale: '',
	file: 'x.md'
};

const items: Item[] = [
	{
		...base,
		id: 'key',
		type: 'code-entry',
		scenario: 'A note.',
		answer: { icd10cm: ['E11.9'], procedures: ['J1885 x2', '99213-25'], icd10pcs: [] }
	},
	{
		...base,
		id: 'text',
		type: 'single-best-answer',
		scenario: 'Which code?',
		options: [{ letter: 'A', text: 'E11.9' }],
		answer: 'A',
		rationale: 'E11.9 is right.'
	},
	{ ...base, id: 'card', type: 'flashcard', front: 'J1885?', back: 'Ketorolac', rationale: '' }
];
const bank: Bank = { id: 'demo', title: 'Demo', description: '', order: 1, sections: [], items };

it('finds items using a code in the answer key or the text, in any written form', () => {
	expect(itemsUsingCode([bank], 'e119').map((u) => [u.itemId, u.inAnswer])).toEqual([
		['key', true],
		['text', false]
	]);
	expect(itemsUsingCode([bank], 'J1885').map((u) => u.itemId)).toEqual(['key', 'card']);
	expect(itemsUsingCode([bank], 'E11.8')).toEqual([]);
});

it('names each item by its opening words, not its id', () => {
	expect(itemsUsingCode([bank], 'J1885').map((u) => u.title)).toEqual(['A note.', 'J1885?']);
});
