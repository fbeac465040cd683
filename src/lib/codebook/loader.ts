/**
 * Downloads the code book's files with byte progress and unzips them in the browser
 * (DecompressionStream), so the ~22 MB of text travels as ~2 MB.
 */
import type { CodeBookTexts } from './data';
import type { CodeBookManifest } from './protocol';

export const MANIFEST_URL = '/data/codebook/manifest.json';

export async function fetchManifest(): Promise<CodeBookManifest> {
	const res = await fetch(MANIFEST_URL);
	if (!res.ok)
		throw new Error(`the code book's file list could not be loaded (HTTP ${res.status})`);
	return (await res.json()) as CodeBookManifest;
}

/** Reads a response body to the end, reporting each chunk's size. */
export async function readBytes(
	res: Response,
	onChunk: (bytes: number) => void
): Promise<Uint8Array> {
	if (!res.body) {
		const all = new Uint8Array(await res.arrayBuffer());
		onChunk(all.byteLength);
		return all;
	}
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		size += value.byteLength;
		onChunk(value.byteLength);
	}
	const all = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		all.set(c, at);
		at += c.byteLength;
	}
	return all;
}

async function gunzipText(bytes: Uint8Array): Promise<string> {
	// A server that sent the file with Content-Encoding: gzip has already unzipped it.
	if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Response(stream).text();
}

export async function fetchTexts(
	manifest: CodeBookManifest,
	onProgress: (loaded: number, total: number) => void
): Promise<CodeBookTexts> {
	let loaded = 0;
	const entries = await Promise.all(
		manifest.files.map(async (f) => {
			const res = await fetch(f.url);
			if (!res.ok) throw new Error(`${f.url} could not be loaded (HTTP ${res.status})`);
			const bytes = await readBytes(res, (n) => {
				loaded += n;
				onProgress(Math.min(loaded, manifest.bytes), manifest.bytes);
			});
			return [f.key, await gunzipText(bytes)] as const;
		})
	);
	return Object.fromEntries(entries) as unknown as CodeBookTexts;
}
