/**
 * The code book's own cache, shared by the service worker (which fills it on first use) and the
 * Settings button (which fills it on request). It is not versioned with the app: its files carry
 * a content hash, and the service worker drops the ones a new build no longer lists.
 */
export const CODEBOOK_CACHE = 'codedrill-codebook';

export const CODEBOOK_PREFIX = '/data/codebook/';

/** The gzipped data files (not the small manifest, which is precached with the app). */
export function isCodeBookFile(path: string): boolean {
	return path.startsWith(CODEBOOK_PREFIX) && path.endsWith('.gz');
}
