import { json } from '@sveltejs/kit';
import { bankFiles } from '$lib/server/bank-files';

export const prerender = true;

/**
 * The item index: per item its id, bank, section, type, exams and difficulty, and which body
 * file holds it. Small, and precached with the app (it changes with every bank edit).
 */
export function GET() {
	return json(bankFiles().index);
}
