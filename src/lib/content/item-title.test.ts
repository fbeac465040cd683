import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { itemTitle, plainText, shorten } from './item-title';

function scenario(text: string) {
	return { ...makeItem('cpc-em-0001', 'em'), scenario: text } as ReturnType<typeof makeItem>;
}

describe('itemTitle', () => {
	it('is the first sentence of the scenario, with the wrapped source lines joined', () => {
		const item = scenario(
			'A 34-year-old man has a tender, fluctuant swelling on the front of his right\nthigh. The surgeon drains it.\n\nWhich code?'
		);
		expect(itemTitle(item)).toBe(
			'A 34-year-old man has a tender, fluctuant swelling on the front of his right thigh.'
		);
	});

	it('cuts a long first sentence at a word boundary and says so with an ellipsis', () => {
		const item = scenario(
			'An anesthesiologist personally provides general anesthesia for a laparoscopic appendectomy in a\n52-year-old man, ASA physical status 3, reported as 00840-P3. The record shows times.'
		);
		const title = itemTitle(item);
		expect(title).toBe(
			'An anesthesiologist personally provides general anesthesia for a laparoscopic appendectomy…'
		);
		expect(title.length).toBeLessThanOrEqual(91);
	});

	it('uses the front of a flashcard and strips its Markdown', () => {
		const card = {
			...makeItem('fnd-terms-0001', 'terms', 'flashcard'),
			front: 'What do the prefixes **retro-**, **para-** and `supra-` mean?'
		};
		expect(itemTitle(card as ReturnType<typeof makeItem>)).toBe(
			'What do the prefixes retro-, para- and supra- mean?'
		);
	});

	it('does not end a sentence at a title such as Dr.', () => {
		expect(itemTitle(scenario('Dr. Lee sees a new patient in the office today. Which code?'))).toBe(
			'Dr. Lee sees a new patient in the office today.'
		);
	});

	it('skips empty lines and headings, and falls back to the id for an empty text', () => {
		expect(itemTitle(scenario('\n\n### Operative note\n\nA patient is seen.'))).toBe(
			'A patient is seen.'
		);
		expect(itemTitle(scenario('   '))).toBe('cpc-em-0001');
	});
});

describe('plainText', () => {
	it('keeps the words of links, emphasis, code, lists, quotes and tables', () => {
		expect(plainText('See [Section I.A.17](https://x.test/a) and _this_ and __that__')).toBe(
			'See Section I.A.17 and this and that'
		);
		expect(plainText('- first\n- second')).toBe('first second');
		expect(plainText('> quoted *text*')).toBe('quoted text');
		expect(plainText('| Code | Units |\n|---|---|\n| J1885 | 2 |')).toBe('Code Units J1885 2');
		expect(plainText('snake_case_word stays <b>bold</b>')).toBe('snake_case_word stays bold');
	});
});

describe('shorten', () => {
	it('leaves short text alone and never cuts inside a word', () => {
		expect(shorten('Short enough.', 20)).toBe('Short enough.');
		expect(shorten('alpha beta gamma delta', 12)).toBe('alpha beta…');
		expect(shorten('alpha, beta, gamma', 13)).toBe('alpha, beta…');
	});

	it('cuts a single overlong word when there is no boundary to cut at', () => {
		expect(shorten('abcdefghijkl', 5)).toBe('abcde…');
	});
});
