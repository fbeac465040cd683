/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the app shell, the static files, and every prerendered page and bank, so the app
 * opens and works with the network off after one online visit. Cache-first for those; the rest
 * goes to the network.
 *
 * The code book's data files (a few MB) are not precached, so installing stays quick: the page
 * saves them once it is idle after the first visit (CodeBookOffline.background), or on first
 * use, or by Settings' "make available offline", in their own cache that survives app updates
 * (see $lib/codebook/offline).
 */
import { build, files, prerendered, version } from '$service-worker';
import { CODEBOOK_CACHE, isCodeBookFile } from '$lib/codebook/offline';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `codedrill-${version}`;
const ASSETS = [...build, ...files, ...prerendered.filter((p) => !isCodeBookFile(p))];
const CODEBOOK_FILES = new Set(prerendered.filter(isCodeBookFile));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting())
	);
});

/** Drops code-book files that this build no longer serves (an older release of the data). */
async function pruneCodeBook(): Promise<void> {
	const cache = await caches.open(CODEBOOK_CACHE);
	for (const request of await cache.keys())
		if (!CODEBOOK_FILES.has(new URL(request.url).pathname)) await cache.delete(request);
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys.filter((k) => k !== CACHE && k !== CODEBOOK_CACHE).map((k) => caches.delete(k))
				)
			)
			.then(pruneCodeBook)
			.then(() => sw.clients.claim())
	);
});

/** Cache-first for a code-book file; a network copy is kept for next time (and offline). */
async function codeBookFile(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(CODEBOOK_CACHE);
	const hit = await cache.match(path);
	if (hit) return hit;
	const res = await fetch(request);
	if (res.ok) await cache.put(path, res.clone());
	return res;
}

sw.addEventListener('fetch', (event) => {
	if (event.request.method !== 'GET') return;
	const url = new URL(event.request.url);
	if (url.origin !== sw.location.origin) return;
	// Pages are cached by path; query strings (?bank=cpc) only matter to the client.
	const key = url.pathname;
	if (CODEBOOK_FILES.has(key)) {
		event.respondWith(codeBookFile(event.request, key));
		return;
	}
	if (!ASSETS.includes(key)) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const hit = await cache.match(key);
			return hit ?? fetch(event.request);
		})()
	);
});
