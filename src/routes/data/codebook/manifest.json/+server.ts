import { json } from '@sveltejs/kit';
import { codeBookFiles } from '$lib/server/codebook-data';

export const prerender = true;

/** The code book's file list and sizes: small, precached; the files themselves are not. */
export function GET() {
	return json(codeBookFiles().manifest);
}
