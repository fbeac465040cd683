import { describe, expect, it } from 'vitest';
import {
	CARD_LIMITS,
	cardsBank,
	deckBankId,
	deckNameProblem,
	parseCards,
	slugify,
	splitRows
} from './import-cards';

describe('splitRows', () => {
	it('splits on the separator and keeps quoted separators, quotes and line breaks', () => {
		const text = 'a\tb\n"x\ty"\t"say ""hi""\nthere"\nlast\trow';
		expect(splitRows(text, '\t')).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x\ty', 'say "hi"\nthere'] },
			{ line: 4, fields: ['last', 'row'] }
		]);
	});

	it('reads an unclosed quote to the end rather than looping', () => {
		expect(splitRows('"open\tb', '\t')).toEqual([{ line: 1, fields: ['open\tb'] }]);
	});
});

describe('parseCards', () => {
	it('reads Quizlet term<TAB>definition lines', () => {
		const r = parseCards(
			'E11.9\tType 2 diabetes without complications\nI10\tEssential hypertension\n'
		);
		expect(r.problem).toBeUndefined();
		expect(r.cards).toEqual([
			{ line: 1, front: 'E11.9', back: 'Type 2 diabetes without complications', tags: [] },
			{ line: 2, front: 'I10', back: 'Essential hypertension', tags: [] }
		]);
		expect(r.skipped).toEqual([]);
	});

	it('reads a semicolon separator when the learner picks it', () => {
		const r = parseCards('front one;back one\r\nfront two;back two', 'semicolon');
		expect(r.cards.map((c) => [c.front, c.back])).toEqual([
			['front one', 'back one'],
			['front two', 'back two']
		]);
	});

	it("follows Anki's header: separator, html, tags and deck columns", () => {
		const text = [
			'#separator:Semicolon',
			'#html:true',
			'#deck column:1',
			'#tags column:4',
			'Coding;<b>CPT</b> 99213;"Office visit; <i>low</i> MDM";em office',
			'Coding;"two\nlines";back;'
		].join('\n');
		const r = parseCards(text, 'tab');
		expect(r.separator).toBe('semicolon');
		expect(r.cards).toEqual([
			{
				line: 5,
				front: '<b>CPT</b> 99213',
				back: 'Office visit; <i>low</i> MDM',
				tags: ['em', 'office']
			},
			{ line: 6, front: 'two\nlines', back: 'back', tags: [] }
		]);
	});

	it('escapes HTML when the header says the fields are plain text', () => {
		const r = parseCards('#html:false\n<b>a</b> & b\tline one\nline two');
		expect(r.cards[0]!.front).toBe('&lt;b&gt;a&lt;/b&gt; &amp; b');
		expect(r.cards[0]!.back).toBe('line one');
		expect(r.skipped).toEqual([{ line: 3, reason: 'only one column: is the separator a tab?' }]);
	});

	it('takes a third column as tags when there is no header', () => {
		expect(parseCards('a\tb\tcardio Week_1 cardio').cards[0]!.tags).toEqual(['cardio', 'week-1']);
	});

	it('skips rows with an empty side, a side too long, or one column, saying why', () => {
		const long = 'x'.repeat(CARD_LIMITS.fieldChars + 1);
		const r = parseCards(`ok\tfine\n\tno front\nno back\t<br>\n${long}\tb\nlonely\n\n`);
		expect(r.cards.map((c) => c.line)).toEqual([1]);
		expect(r.skipped).toEqual([
			{ line: 2, reason: 'the front is empty' },
			{ line: 3, reason: 'the back is empty' },
			{ line: 4, reason: `a side holds 4,001 characters (at most 4,000)` },
			{ line: 5, reason: 'only one column: is the separator a tab?' }
		]);
	});

	it('refuses a whole file that is empty, binary, too big or names an unknown separator', () => {
		expect(parseCards('\n\n').problem).toBe('the file holds no cards');
		expect(parseCards('a\u0000b\tc').problem).toMatch(/binary/);
		expect(parseCards('x'.repeat(CARD_LIMITS.fileChars + 1)).problem).toMatch(/at most 2,000,000/);
		expect(parseCards('#separator:Colon\na:b').problem).toMatch(/"Colon" is not supported/);
	});

	it('refuses more cards than the limit', () => {
		const text = Array.from({ length: CARD_LIMITS.cards + 1 }, (_, n) => `f${n}\tb${n}`).join('\n');
		expect(parseCards(text).problem).toMatch(/more than 5,000 cards/);
	});
});

describe('deck names and the bank', () => {
	it('slugs names into ids under the imported prefix', () => {
		expect(slugify('Cardio: Week 1!')).toBe('cardio-week-1');
		expect(slugify('Éléments')).toBe('elements');
		expect(deckBankId('Cardio: Week 1!')).toBe('my-cardio-week-1');
		expect(deckBankId('!!!')).toBeUndefined();
	});

	it('says what is wrong with a deck name', () => {
		expect(deckNameProblem('  ')).toBe('Give the deck a name.');
		expect(deckNameProblem('***')).toMatch(/letter or digit/);
		expect(deckNameProblem('x'.repeat(81))).toMatch(/at most 80/);
		expect(deckNameProblem('Cardio')).toBeUndefined();
	});

	it('builds a bank of flashcards with numbered ids in file order', () => {
		const { cards } = parseCards('a\tb\tt1\nc\td');
		const bank = cardsBank(cards, ' Cardio deck ', 'cards.txt');
		expect(bank.id).toBe('my-cardio-deck');
		expect(bank.title).toBe('Cardio deck');
		expect(bank.sections).toEqual([{ id: 'cards', title: 'Cards' }]);
		expect(bank.items.map((i) => [i.id, i.type, i.section, i.file])).toEqual([
			['my-cardio-deck-0001', 'flashcard', 'cards', 'cards.txt:1'],
			['my-cardio-deck-0002', 'flashcard', 'cards', 'cards.txt:2']
		]);
		expect(bank.items[0]).toMatchObject({ front: 'a', back: 'b', tags: ['t1'], bankId: bank.id });
		// Drawn by the drill whatever exam the learner targets.
		expect(bank.items[0]!.exams).toEqual(['CPC', 'COC', 'CIC', 'CRC', 'CPB', 'CCA', 'CCS', 'CBCS']);
	});
});
