import { describe, expect, it } from 'vitest';
import { dotCm, joinedWords, looksLikeCode, normalizeCode, stem, tokens, words } from './normalize';

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
	it('stems both sides so that word forms meet', () => {
		expect(tokens('Fractures of veins')).toEqual(tokens('fractured of vein'));
		for (const [a, b] of [
			['diabetic', 'diabetes'],
			['infected', 'infection'],
			['obese', 'obesity'],
			['ulcerative', 'ulcer']
		])
			expect(stem(a!), `${a} ${b}`).toBe(stem(b!));
		// A stem that is a prefix of the other form: prefix matching joins them.
		expect(stem('anemia').startsWith(stem('anemic'))).toBe(true);
	});
	it('never stems to fewer than three letters, and leaves words with digits alone', () => {
		expect(stem('lying')).toBe('lying');
		expect(stem('b12')).toBe('b12');
	});
	it('joins letters and digits split by a hyphen, keeping the parts too', () => {
		expect(joinedWords('COVID-19 and vitamin B-12, 5-HT')).toEqual(['covid19', 'b12', '5ht']);
		expect(tokens('COVID-19')).toEqual(['covid', '19', 'covid19']);
		expect(joinedWords('non-ST elevation')).toEqual([]);
	});
	it('splits on punctuation', () => {
		expect(words("Colles' fracture, (right)")).toEqual(['colles', 'fracture', 'right']);
	});
});

it('dotCm puts the dot after the third character', () => {
	expect(dotCm('e119')).toBe('E11.9');
	expect(dotCm('I10')).toBe('I10');
});

describe('words: chart shorthands with a slash or an ampersand', () => {
	it.each([
		['s/p CABG', ['sp', 'cabg']],
		['N/V/D', ['nvd']],
		['n/v x2 days', ['nv', 'x2', 'days']],
		['DM2 w/o complications', ['dm2', 'without', 'complications']],
		['Wheelchair w/ footrest', ['wheelchair', 'with', 'footrest']],
		['T2DM w/hyperglycemia', ['t2dm', 'with', 'hyperglycemia']],
		['c/o chest pain', ['chest', 'pain']],
		['T&A', ['tonsillectomy', 'adenoidectomy']],
		['D&C', ['dilation', 'curettage']]
	])('%s -> %j', (text, expected) => {
		expect(words(text)).toEqual(expected);
	});

	it('leaves slashes inside longer words alone', () => {
		expect(words('and/or')).toEqual(['and', 'or']);
		expect(words('gas/pain')).toEqual(['gas', 'pain']);
	});
});
