import { error, json } from '@sveltejs/kit';
import banks from 'virtual:banks';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => banks.map((b) => ({ bank: b.id }));

/** One whole bank, prerendered to static JSON at build time and precached for offline use. */
export const GET: RequestHandler = ({ params }) => {
	const bank = banks.find((b) => b.id === params.bank);
	if (!bank) error(404, `No bank "${params.bank}"`);
	return json(bank);
};
