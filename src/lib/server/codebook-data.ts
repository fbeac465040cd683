/**
 * Build-time only (prerendering): the code book's files from `codesets/`, gzipped, under names
 * that carry a hash of their content, so the service worker's code-book cache can keep a file
 * across app updates until the data itself changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CODEBOOK_FILES, type CodeBookTexts } from '../codebook/data';
import type { CodeBookManifest } from '../codebook/protocol';

interface Built {
	manifest: CodeBookManifest;
	bodies: Map<string, Uint8Array>;
}

let built: Built | undefined;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The data's version: a hash of every file's hash, in order. It keys the worker's stored index
 * snapshot too (snapshot.ts), so changed data is never searched through an old index.
 */
export function dataVersion(raw: Uint8Array[]): string {
	const all = createHash('sha256');
	for (const r of raw) all.update(sha256(r));
	return all.digest('hex').slice(0, 12);
}

export function codeBookFiles(): Built {
	if (built) return built;
	const bodies = new Map<string, Uint8Array>();
	const files: CodeBookManifest['files'] = [];
	const raws: Uint8Array[] = [];
	for (const [key, file] of Object.entries(CODEBOOK_FILES) as [keyof CodeBookTexts, string][]) {
		const raw = readFileSync(resolve('codesets', file));
		const hash = sha256(raw);
		raws.push(raw);
		const name = `${file.replace(/\.\w+$/, '')}-${hash.slice(0, 10)}.gz`;
		const gz = gzipSync(raw, { level: 9 });
		bodies.set(name, gz);
		files.push({
			key,
			url: `/data/codebook/${name}`,
			bytes: gz.byteLength,
			rawBytes: raw.byteLength
		});
	}
	built = {
		manifest: {
			version: dataVersion(raws),
			files,
			bytes: files.reduce((s, f) => s + f.bytes, 0)
		},
		bodies
	};
	return built;
}
