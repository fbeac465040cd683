/**
 * Reads back the response an attempt stored. Practice and the drill store what the learner gave
 * (a letter, the typed codes per part, or a flashcard self-grade); exams store an ItemResponse.
 */
import type { Item } from '../content/types';
import { responseText, type ItemResponse } from './item';

/** The stored response as the graders take it; undefined for a flashcard grade or junk. */
export function asItemResponse(response: unknown): ItemResponse | undefined {
	if (typeof response === 'string') return { choice: response };
	if (Array.isArray(response))
		return { codes: response as Extract<ItemResponse, { codes: unknown }>['codes'] };
	if (response && typeof response === 'object' && ('choice' in response || 'codes' in response))
		return response as ItemResponse;
	return undefined;
}

/** The learner's answer in one line: `B`, `E11.9, 99213`, `rated Good`; an em dash when blank. */
export function storedAnswerText(item: Item, response: unknown): string {
	if (item.type === 'flashcard') return typeof response === 'string' ? `rated ${response}` : '—';
	return responseText(item, asItemResponse(response));
}
