import { describe, expect, it } from 'vitest';
import { packTexts, TextColumn } from './text-column';

const texts = [
	'Type 2 diabetes mellitus without complications',
	'Type 1 diabetes mellitus with ketoacidosis',
	'',
	'  two leading spaces, a double  space and a trailing one ',
	'Résumé “quoted” ±',
	...Array.from({ length: 300 }, (_, i) => `word${i} common common`)
];

describe('packed texts', () => {
	it('give every text back exactly, through structured clone', () => {
		const column = new TextColumn(structuredClone(packTexts(texts)));
		expect(column.length).toBe(texts.length);
		expect(texts.map((_, i) => column.at(i))).toEqual(texts);
	});

	it('number the commonest words first, so they take one byte', () => {
		const p = packTexts(texts);
		expect(p.words.split('\n')[0]).toBe('common');
		expect(p.ids.length).toBeLessThan(texts.join(' ').length / 2);
	});

	it('refuse a text with a line break (the dictionary is split on them)', () => {
		expect(() => packTexts(['a\nb'])).toThrow();
	});

	it('are refused when damaged, not read as "undefined"', () => {
		const p = packTexts(texts);
		const cut = { ...p, ids: p.ids.slice(0, -1) };
		const past = { ...p, words: p.words.split('\n').slice(0, 10).join('\n') };
		const open = { ...p, ids: p.ids.slice() };
		open.ids[p.start[1]! - 1]! |= 0x80;
		const backwards = { ...p, start: p.start.slice().reverse() };
		for (const bad of [cut, past, open, backwards, { ...p, start: new Int32Array() }])
			expect(() => new TextColumn(bad)).toThrow();
	});
});
