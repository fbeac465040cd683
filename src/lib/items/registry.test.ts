import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { ITEM_TYPES, KINDS, isItemType, kindOf } from './registry';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('the kind registry', () => {
	it('names each kind by its own type, and each has its folder and answer component', () => {
		for (const type of ITEM_TYPES) {
			expect(KINDS[type].type).toBe(type);
			expect(existsSync(`${here}${type}/index.ts`), `${type}/index.ts`).toBe(true);
			expect(existsSync(`${here}${type}/Answer.svelte`), `${type}/Answer.svelte`).toBe(true);
		}
	});

	it('tells a registered type from anything else', () => {
		expect(isItemType('case')).toBe(true);
		expect(isItemType('toString')).toBe(false);
		expect(isItemType(undefined)).toBe(false);
	});

	it('gives every kind a blank response that is not an answer and reads back as itself', () => {
		const items = [
			makeItem('a', 'em'),
			makeItem('b', 'em', 'code-entry'),
			makeItem('c', 'em', 'flashcard')
		];
		for (const item of items) {
			const kind = kindOf(item);
			const blank = kind.empty(item);
			expect(kind.answered(item, blank)).toBe(false);
			expect(kind.read(JSON.parse(JSON.stringify(blank)), item)).toEqual(blank);
			expect(kind.read(42, item)).toBeUndefined();
			expect(kind.grade(item, blank).correct).toBe(false);
		}
	});
});

describe('keyboard maps', () => {
	it('multiple choice: 1-4 and A-D choose, Enter asks to check', () => {
		const item = makeItem('a', 'em');
		const kind = kindOf(item);
		expect(kind.key(item, { choice: '' }, '2')).toEqual({ response: { choice: 'B' } });
		expect(kind.key(item, { choice: '' }, 'd')).toEqual({ response: { choice: 'D' } });
		expect(kind.key(item, { choice: 'B' }, 'Enter')).toEqual({ submit: true });
		expect(kind.key(item, { choice: '' }, 'x')).toBeUndefined();
	});

	it('flashcard: Space shows the back, then 1-4 rate it and grade it', () => {
		const item = makeItem('c', 'em', 'flashcard');
		const kind = kindOf(item);
		const front = { recall: { revealed: false } };
		expect(kind.key(item, front, '1')).toBeUndefined();
		const shown = kind.key(item, front, ' ')?.response;
		expect(shown).toEqual({ recall: { revealed: true } });
		const rated = kind.key(item, shown, '3');
		expect(rated).toEqual({
			response: { recall: { revealed: true, grade: 'Good' } },
			submit: true
		});
		expect(kind.grade(item, rated?.response)).toEqual({ score: 1, correct: true, rating: 3 });
		expect(kind.grade(item, { recall: { revealed: true, grade: 'Again' } })).toEqual({
			score: 0,
			correct: false,
			rating: 1
		});
	});

	it('typed codes have no keys outside their fields', () => {
		const item = makeItem('b', 'em', 'code-entry');
		expect(kindOf(item).key(item, { codes: [{}] }, '1')).toBeUndefined();
	});
});
