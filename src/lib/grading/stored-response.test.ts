import { describe, expect, it } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { asItemResponse, storedAnswerText } from './stored-response';

describe('stored responses', () => {
	it('reads a practice letter, practice codes and an exam response alike', () => {
		expect(asItemResponse('B')).toEqual({ choice: 'B' });
		expect(asItemResponse([{ icd10cm: 'E11.9' }])).toEqual({ codes: [{ icd10cm: 'E11.9' }] });
		expect(asItemResponse({ choice: 'C' })).toEqual({ choice: 'C' });
		expect(asItemResponse(42)).toBeUndefined();
		expect(asItemResponse(null)).toBeUndefined();
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
