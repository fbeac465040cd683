/**
 * A chosen file to text: gzip is recognized by its magic bytes (so a plain `.json` imports too)
 * and decompressed with the platform's DecompressionStream; the size is counted while reading,
 * so an oversized file (or a small gzip that expands enormously) is refused before it is all in
 * memory, let alone parsed.
 */
import { MAX_BACKUP_BYTES } from './format';
import { readBackup, type ReadContext, type ReadResult } from './validate';

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

function mb(bytes: number): string {
	return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** True when the bytes start like a gzip stream (1f 8b). */
export function isGzip(head: Uint8Array): boolean {
	return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Reads `file` as UTF-8 text, at most `maxBytes` of it once decompressed. `onProgress` hears the
 * bytes read so far (uncompressed).
 */
export async function readBackupText(
	file: Blob,
	maxBytes = MAX_BACKUP_BYTES,
	onProgress?: (bytes: number) => void
): Promise<TextResult> {
	const tooBig: TextResult = {
		ok: false,
		message: `This file is too large to be a CodeDrill backup: the limit is ${mb(maxBytes)} once uncompressed.`
	};
	const gzip = isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
	if (!gzip && file.size > maxBytes) return tooBig;
	const stream = gzip ? file.stream().pipeThrough(new DecompressionStream('gzip')) : file.stream();
	const reader = stream.getReader();
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const parts: string[] = [];
	let total = 0;
	const notText: TextResult = {
		ok: false,
		message: 'This file is not a CodeDrill backup: it is not text.'
	};
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch {
			return {
				ok: false,
				message: gzip
					? 'This file is compressed (gzip) but damaged: it could not be uncompressed.'
					: 'This file could not be read.'
			};
		}
		if (chunk.done) break;
		total += chunk.value.byteLength;
		if (total > maxBytes) {
			await reader.cancel().catch(() => undefined);
			return tooBig;
		}
		try {
			parts.push(decoder.decode(chunk.value, { stream: true }));
		} catch {
			await reader.cancel().catch(() => undefined);
			return notText;
		}
		onProgress?.(total);
	}
	try {
		parts.push(decoder.decode());
	} catch {
		return notText;
	}
	return { ok: true, text: parts.join('') };
}

/** The whole import check of a chosen file: size, gzip, UTF-8, JSON, schema, cross-checks. */
export async function readBackupFile(
	file: Blob,
	ctx: ReadContext,
	options: { maxBytes?: number; onProgress?: (bytes: number) => void } = {}
): Promise<ReadResult> {
	const text = await readBackupText(file, options.maxBytes, options.onProgress);
	if (!text.ok) return text;
	return readBackup(text.text, ctx);
}
