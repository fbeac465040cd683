import { gzipSync } from 'node:zlib';
import { afterEach, expect, it, vi } from 'vitest';
import { fetchTexts } from './loader';
import type { CodeBookManifest } from './protocol';

afterEach(() => {
	vi.unstubAllGlobals();
});

it('downloads gzipped and already-unzipped files alike, reporting byte progress', async () => {
	const zipped = gzipSync(Buffer.from('code\tbillable\ttitle\nE11.9\t1\tType 2 diabetes'));
	// A server that sets Content-Encoding: gzip hands the page the text itself.
	const plain = Buffer.from('chapter\ttitle\n4\tEndocrine');
	const bodies: Record<string, Uint8Array<ArrayBuffer>> = {
		'/a.gz': new Uint8Array(zipped),
		'/b.gz': new Uint8Array(plain)
	};
	vi.stubGlobal('fetch', async (url: string) => new Response(bodies[url]));
	const manifest: CodeBookManifest = {
		version: 'test',
		bytes: zipped.byteLength + plain.byteLength,
		files: [
			{ key: 'icd10cm', url: '/a.gz', bytes: zipped.byteLength, rawBytes: 0 },
			{ key: 'chapters', url: '/b.gz', bytes: plain.byteLength, rawBytes: 0 }
		]
	};
	const progress: number[] = [];
	const texts = await fetchTexts(manifest, (loaded) => progress.push(loaded));
	expect(texts.icd10cm).toBe('code\tbillable\ttitle\nE11.9\t1\tType 2 diabetes');
	expect(texts.chapters).toBe('chapter\ttitle\n4\tEndocrine');
	expect(progress.at(-1)).toBe(manifest.bytes);
});

it('names the file and the HTTP status when a download fails', async () => {
	vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
	const manifest: CodeBookManifest = {
		version: 'test',
		bytes: 1,
		files: [{ key: 'icd10cm', url: '/data/codebook/x.gz', bytes: 1, rawBytes: 1 }]
	};
	await expect(fetchTexts(manifest, () => {})).rejects.toThrow(
		'/data/codebook/x.gz could not be loaded (HTTP 404)'
	);
});
