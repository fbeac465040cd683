/**
 * Runs in Chromium, driven by bench/run.ts: starts the real code-book worker
 * (src/lib/codebook/search.worker.ts, served with the real gzipped files), times index-ready,
 * then keystroke-to-results for 50 realistic queries typed one character at a time (the time from
 * posting the query to receiving the results on the page). The baseline is plain fuse.js over the
 * same documents, on the same queries, in the same run.
 *
 * Issue 14: each run starts with no stored snapshot (a first visit, "cold"), waits until the
 * worker has stored one, then times fresh workers that restore it ("warm", a later visit), and
 * measures the worker's memory on both paths.
 */
import Fuse from 'fuse.js';
import { INDEX_TABLE_LABELS, parseCodeBook } from '../src/lib/codebook/data.ts';
import { fetchManifest, fetchTexts } from '../src/lib/codebook/loader.ts';
import type { Request, Response } from '../src/lib/codebook/protocol.ts';
import { SNAPSHOT_DB } from '../src/lib/codebook/snapshot-store.ts';

function pct(samples: number[], q: number): number {
	const s = [...samples].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

interface MemoryBreakdown {
	bytes: number;
	attribution: { scope?: string }[];
}

/** Bytes attributed to dedicated workers (needs a cross-origin isolated page). */
async function workerMemory(): Promise<number> {
	const measure = (
		performance as unknown as {
			measureUserAgentSpecificMemory?: () => Promise<{ breakdown: MemoryBreakdown[] }>;
		}
	).measureUserAgentSpecificMemory;
	if (!measure || !crossOriginIsolated) return NaN;
	const { breakdown } = await measure.call(performance);
	return breakdown
		.filter((b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope'))
		.reduce((sum, b) => sum + b.bytes, 0);
}

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Forgets the stored snapshot: the next worker starts as on a first visit. */
function clearSnapshot(): Promise<void> {
	return new Promise((resolve) => {
		const req = indexedDB.deleteDatabase(SNAPSHOT_DB);
		req.onsuccess = req.onerror = () => resolve();
		// A terminated worker's connection is closing: the delete completes first anyway.
		req.onblocked = () => resolve();
	});
}

/** Whether a snapshot for the year is stored (read by count: the record is tens of MB). */
function snapshotStored(): Promise<boolean> {
	return new Promise((resolve) => {
		const req = indexedDB.open(SNAPSHOT_DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore('snapshots');
		req.onerror = () => resolve(false);
		req.onsuccess = () => {
			const db = req.result;
			const count = db.transaction('snapshots').objectStore('snapshots').count();
			count.onsuccess = () => {
				db.close();
				resolve(count.result > 0);
			};
			count.onerror = () => {
				db.close();
				resolve(false);
			};
		};
	});
}

async function waitForSnapshot(): Promise<void> {
	for (let i = 0; i < 600; i++) {
		if (await snapshotStored()) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('the worker never stored its snapshot');
}

/** A fresh worker and a `post` that resolves with the reply to one request. */
function startWorker(workerUrl: string) {
	const worker = new Worker(workerUrl, { type: 'module' });
	let seq = 0;
	const pending = new Map<number, (r: Response) => void>();
	worker.onmessage = (e: MessageEvent<Response>) => {
		if (e.data.type === 'progress' || e.data.type === 'index') return;
		pending.get(e.data.id)?.(e.data);
		pending.delete(e.data.id);
	};
	const post = (body: Body<Request>) =>
		new Promise<Response>((resolve) => {
			const id = ++seq;
			pending.set(id, resolve);
			worker.postMessage({ ...body, id });
		});
	return { worker, post };
}

/**
 * A code page opened directly: a fresh worker loads the book and answers the page's look-up.
 * `eager` builds the search index before answering, as every load did before issue 9.
 */
async function codePage(workerUrl: string, eager: boolean): Promise<number> {
	const t0 = performance.now();
	const { worker, post } = startWorker(workerUrl);
	await post({ type: 'load', index: eager });
	const r = await post({ type: 'node', code: 'E11.9' });
	const ms = performance.now() - t0;
	worker.terminate();
	if (r.type !== 'node' || !r.view) throw new Error(JSON.stringify(r));
	return ms;
}

/** A code page on a direct load, new path against the old (index first), n = 3 each. */
export async function runCodePage(workerUrl: string): Promise<Record<string, number>> {
	// Old and new path alternate, so the machine's load shifts both alike. Both are first
	// visits: no stored snapshot.
	const pageNew: number[] = [];
	const pageOld: number[] = [];
	for (let i = 0; i < 3; i++) {
		await clearSnapshot();
		pageOld.push(await codePage(workerUrl, true));
		await clearSnapshot();
		pageNew.push(await codePage(workerUrl, false));
	}
	return {
		codePageP50: pct(pageNew, 0.5),
		codePageMax: pct(pageNew, 1),
		codePageEagerP50: pct(pageOld, 0.5),
		codePageEagerMax: pct(pageOld, 1)
	};
}

/** A fresh worker until its first search answers (the search page's path). */
async function searchReady(workerUrl: string) {
	const t0 = performance.now();
	const w = startWorker(workerUrl);
	const ready = await w.post({ type: 'load', index: true });
	const first = await w.post({ type: 'search', query: 'diabetes', filters: {}, limit: 50 });
	const ms = performance.now() - t0;
	if (ready.type !== 'ready' || first.type !== 'result') throw new Error(JSON.stringify(ready));
	return { ms, stats: ready.stats, ...w };
}

/** Some searches, so the memory figure is of a worker in use. */
async function typeSome(post: ReturnType<typeof startWorker>['post'], queries: string[]) {
	for (const q of queries.slice(0, 10))
		for (let i = 1; i <= q.length; i++)
			await post({ type: 'search', query: q.slice(0, i), filters: {}, limit: 50 });
}

/**
 * Issue 14: search-ready and memory on a first visit (no snapshot) and on later visits (the
 * snapshot the first one stored), each in a fresh worker; and the code page on a later visit.
 */
export async function runWarm(
	queries: string[],
	workerUrl: string
): Promise<Record<string, number>> {
	await clearSnapshot();
	const cold = await searchReady(workerUrl);
	await typeSome(cold.post, queries);
	await waitForSnapshot();
	// Let the worker swap to the compact book it stored, then measure it in use.
	await typeSome(cold.post, queries);
	const coldMemory = await workerMemory();
	cold.worker.terminate();

	const warm: number[] = [];
	const restore: number[] = [];
	const read: number[] = [];
	let warmMemory = NaN;
	let warmTreeMemory = NaN;
	for (let i = 0; i < 5; i++) {
		const w = await searchReady(workerUrl);
		if (w.stats.restoreMs === undefined) throw new Error('the snapshot was not restored');
		warm.push(w.ms);
		restore.push(w.stats.restoreMs);
		read.push(w.stats.readMs ?? NaN);
		if (i < 4) {
			w.worker.terminate();
			continue;
		}
		await typeSome(w.post, queries);
		warmMemory = await workerMemory();
		await w.post({ type: 'node', code: 'E11.9' });
		warmTreeMemory = await workerMemory();
		w.worker.terminate();
	}
	const page: number[] = [];
	for (let i = 0; i < 3; i++) page.push(await codePage(workerUrl, false));
	return {
		coldReadyMs: cold.ms,
		coldIndexMs: cold.stats.indexMs,
		coldMemory,
		warmP50: pct(warm, 0.5),
		warmMax: pct(warm, 1),
		restoreP50: pct(restore, 0.5),
		readP50: pct(read, 0.5),
		warmMemory,
		warmTreeMemory,
		warmCodePageP50: pct(page, 0.5),
		warmCodePageMax: pct(page, 1)
	};
}

export async function run(queries: string[], workerUrl: string): Promise<Record<string, number>> {
	const page = await runCodePage(workerUrl);
	const warmStart = await runWarm(queries, workerUrl);

	// The keystrokes on a later visit (the snapshot is stored), as a learner mostly types.
	const t0 = performance.now();
	const { worker, post } = startWorker(workerUrl);
	const ready = await post({ type: 'load', index: true });
	const readyMs = performance.now() - t0;
	if (ready.type !== 'ready') throw new Error(JSON.stringify(ready));

	const keystroke: number[] = [];
	const inWorker: number[] = [];
	const full: number[] = [];
	for (let rep = 0; rep < 2; rep++)
		for (const q of queries)
			for (let i = 1; i <= q.length; i++) {
				const s = performance.now();
				const r = await post({ type: 'search', query: q.slice(0, i), filters: {}, limit: 50 });
				const ms = performance.now() - s;
				if (rep === 0) continue; // the first pass warms the JIT, as a learner's first minute would
				keystroke.push(ms);
				if (r.type === 'result') inWorker.push(r.ms);
				if (i === q.length) full.push(ms);
			}
	const memoryBytes = await workerMemory();
	worker.terminate();

	// Baseline: plain fuse.js over the same documents (code titles and index-table terms).
	const texts = await fetchTexts(await fetchManifest(), () => {});
	const data = parseCodeBook(texts);
	const docs = [
		...data.entries.map((e) => ({ text: `${e.code} ${e.title}` })),
		...data.index.map((t) => ({
			text: `${t.path.join(' ')} ${t.column}`,
			via: INDEX_TABLE_LABELS[t.table]
		}))
	];
	const f0 = performance.now();
	const fuse = new Fuse(docs, {
		keys: ['text'],
		includeScore: true,
		useExtendedSearch: true,
		ignoreLocation: true,
		threshold: 0.6
	});
	const fuseIndexMs = performance.now() - f0;
	const baseline: number[] = [];
	for (const q of queries) {
		const s = performance.now();
		fuse.search(q, { limit: 50 });
		baseline.push(performance.now() - s);
	}

	return {
		readyMs,
		fetchMs: ready.stats.fetchMs,
		parseMs: ready.stats.parseMs,
		indexMs: ready.stats.indexMs,
		entries: ready.stats.entries,
		documents: docs.length,
		...page,
		...warmStart,
		memoryBytes,
		keystrokes: keystroke.length,
		keyP50: pct(keystroke, 0.5),
		keyP95: pct(keystroke, 0.95),
		keyMax: pct(keystroke, 1),
		workerP95: pct(inWorker, 0.95),
		fullP50: pct(full, 0.5),
		fullP95: pct(full, 0.95),
		fuseIndexMs,
		fuseP50: pct(baseline, 0.5),
		fuseP95: pct(baseline, 0.95)
	};
}
