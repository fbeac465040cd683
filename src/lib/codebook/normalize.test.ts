import { describe, expect, it } from 'vitest';
import { dotCm, looksLikeCode, normalizeCode, stem, tokens, words } from './normalize';

describe('normalizeCode', () => {
	it.each(['e119', 'E11.9', 'e11 9', ' E11.9 ', 'e11-9'])('%s -> E119', (input) => {
		expect(normalizeCode(input)).toBe('E119');
	});
});

describe('looksLikeCode', () => {
	it('accepts codes and partial codes of every system', () => {
		for (const c of ['E11', 'e11.9', 'S72.001A', 'QA0.0101', '0DTJ4ZZ', 'J1100', 'j11', '0D'])
			expect(looksLikeCode(c), c).toBe(true);
	});
	it('leaves words, abbreviations and sentences alone', () => {
		for (const w of ['COPD', 'gout', 'type 2 diabetes', 'chf', 'fracture of femur 2'])
			expect(looksLikeCode(w), w).toBe(false);
	});
});

describe('tokens', () => {
	it('keeps a dotted code in a sentence as one token', () => {
		expect(words('Code E11.9 here')).toEqual(['code', 'e119', 'here']);
	});
	it('folds plurals on both sides but leaves -us, -is, -ss words', () => {
		expect(tokens('Fractures of veins')).toEqual(['fracture', 'of', 'vein']);
		expect(['mellitus', 'sepsis', 'loss'].map(stem)).toEqual(['mellitus', 'sepsis', 'loss']);
	});
	it('splits on punctuation', () => {
		expect(words("Colles' fracture, (right)")).toEqual(['colles', 'fracture', 'right']);
	});
});

it('dotCm puts the dot after the third character', () => {
	expect(dotCm('e119')).toBe('E11.9');
	expect(dotCm('I10')).toBe('I10');
});
