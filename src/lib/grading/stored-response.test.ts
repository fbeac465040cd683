import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { asItemResponse, storedAnswerText } from './stored-response';

describe('stored responses', () => {
	it('reads a practice letter, practice codes and an exam response alike', () => {
		const sba = makeItem('a', 'em');
		const codes = makeItem('b', 'em', 'code-entry');
		expect(asItemResponse(sba, 'B')).toEqual({ choice: 'B' });
		expect(asItemResponse(codes, [{ icd10cm: 'E11.9' }])).toEqual({
			codes: [{ icd10cm: 'E11.9' }]
		});
		expect(asItemResponse(sba, { choice: 'C' })).toEqual({ choice: 'C' });
		expect(asItemResponse(sba, 42)).toBeUndefined();
		expect(asItemResponse(codes, null)).toBeUndefined();
		// Another kind's shape (the item changed kind since) is not this item's response.
		expect(asItemResponse(codes, { choice: 'C' })).toBeUndefined();
		expect(asItemResponse(makeItem('c', 'em', 'flashcard'), 'Good')).toEqual({
			recall: { revealed: true, grade: 'Good' }
		});
	});

	it('words the answer for each item type', () => {
		expect(storedAnswerText(makeItem('a', 'em'), 'B')).toBe('B');
		expect(storedAnswerText(makeItem('a', 'em'), { choice: 'D' })).toBe('D');
		expect(
			storedAnswerText(makeItem('b', 'em', 'code-entry'), [
				{ icd10cm: 'E11.9, I10', procedures: ' ' }
			])
		).toBe('E11.9, I10');
		expect(storedAnswerText(makeItem('c', 'em', 'flashcard'), 'Good')).toBe('rated Good');
		expect(storedAnswerText(makeItem('b', 'em', 'code-entry'), undefined)).toBe('—');
	});
});
