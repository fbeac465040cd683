import { json } from '@sveltejs/kit';
import banks from 'virtual:banks';
import { summarize } from '$lib/content/bank';

export const prerender = true;

/** The bank index the app fetches first: titles, sections and counts, no items. */
export function GET() {
	return json(banks.map(summarize));
}
