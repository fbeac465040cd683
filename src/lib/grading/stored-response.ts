/**
 * Reads back the response an attempt stored. Every mode now stores an ItemResponse; practice and
 * the drill once stored a bare letter, an array of typed codes or a flashcard's rating, and each
 * kind's `read` still understands those.
 */
import type { Item } from '../content/types';
import { readResponse, responseText, type ItemResponse } from './item';

/** The stored response as the graders take it; undefined for junk or another kind's shape. */
export function asItemResponse(item: Item, response: unknown): ItemResponse | undefined {
	return readResponse(item, response);
}

/** The learner's answer in one line: `B`, `E11.9, 99213`, `rated Good`; an em dash when blank. */
export function storedAnswerText(item: Item, response: unknown): string {
	return responseText(item, response);
}
