import { error } from '@sveltejs/kit';
import { codeBookFiles } from '$lib/server/codebook-data';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	[...codeBookFiles().bodies.keys()].map((file) => ({ file }));

/** One gzipped code-book file, prerendered; loaded on first use and cached by the service worker. */
export const GET: RequestHandler = ({ params }) => {
	const body = codeBookFiles().bodies.get(params.file);
	if (!body) error(404, `No code-book file "${params.file}"`);
	return new Response(body as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/gzip' }
	});
};
