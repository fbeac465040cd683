/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the app shell, the static files and every prerendered page, so the app opens and
 * works with the network off after one online visit. Cache-first for those; the rest goes to
 * the network.
 *
 * The item body files (the banks' text, most of the download as the banks grow) go to their own
 * cache at install, which survives app updates: their names carry a hash of their content, so
 * a release downloads only the files whose items changed, and activation drops the files the new
 * build no longer lists (see $lib/content/bank-cache).
 *
 * The code book's data files (a few MB) are not precached, so installing stays quick: the page
 * saves them once it is idle after the first visit (CodeBookOffline.background), or on first
 * use, or by Settings' "make available offline", in their own cache that survives app updates
 * (see $lib/codebook/offline).
 */
import { build, files, prerendered, version } from '$service-worker';
import { ITEMS_CACHE, cachePlan, isItemFile } from '$lib/content/bank-cache';
import { CODEBOOK_CACHE, isCodeBookFile } from '$lib/codebook/offline';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `codedrill-${version}`;
const ASSETS = [
	...build,
	...files,
	...prerendered.filter((p) => !isCodeBookFile(p) && !isItemFile(p))
];
const CODEBOOK_FILES = new Set(prerendered.filter(isCodeBookFile));
const ITEM_FILES = new Set(prerendered.filter(isItemFile));

/** The paths a cache holds (its keys are full URLs). */
async function cachedPaths(cache: Cache): Promise<string[]> {
	return (await cache.keys()).map((r) => new URL(r.url).pathname);
}

/** Fetches the body files this build lists and the bank cache lacks (all of them, the first time). */
async function saveItemFiles(): Promise<void> {
	const cache = await caches.open(ITEMS_CACHE);
	const { fetch } = cachePlan(await cachedPaths(cache), ITEM_FILES);
	await cache.addAll(fetch);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		Promise.all([caches.open(CACHE).then((cache) => cache.addAll(ASSETS)), saveItemFiles()]).then(
			() => sw.skipWaiting()
		)
	);
});

/** Drops the files of a content cache that this build no longer serves (older releases of them). */
async function prune(name: string, keep: ReadonlySet<string>): Promise<void> {
	const cache = await caches.open(name);
	const { drop } = cachePlan(await cachedPaths(cache), keep);
	await Promise.all(drop.map((path) => cache.delete(path)));
}

sw.addEventListener('activate', (event) => {
	const kept = new Set([CACHE, CODEBOOK_CACHE, ITEMS_CACHE]);
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => !kept.has(k)).map((k) => caches.delete(k))))
			.then(() =>
				Promise.all([prune(CODEBOOK_CACHE, CODEBOOK_FILES), prune(ITEMS_CACHE, ITEM_FILES)])
			)
			.then(() => sw.clients.claim())
	);
});

/** Cache-first for a content-hashed file; a network copy is kept for next time (and offline). */
async function hashedFile(name: string, request: Request, path: string): Promise<Response> {
	const cache = await caches.open(name);
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
		event.respondWith(hashedFile(CODEBOOK_CACHE, event.request, key));
		return;
	}
	if (ITEM_FILES.has(key)) {
		event.respondWith(hashedFile(ITEMS_CACHE, event.request, key));
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
