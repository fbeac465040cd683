import { error } from '@sveltejs/kit';
import { bankFiles } from '$lib/server/bank-files';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	[...bankFiles().bodies.keys()].map((file) => ({ file }));

/**
 * One body file (a JSON array of items), prerendered under a name that carries a hash of its
 * content; the service worker keeps it in the bank cache until a build no longer lists it.
 */
export const GET: RequestHandler = ({ params }) => {
	const body = bankFiles().bodies.get(params.file);
	if (!body) error(404, `No item file "${params.file}"`);
	return new Response(body, { headers: { 'content-type': 'application/json' } });
};
