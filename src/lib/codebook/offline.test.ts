import { afterEach, expect, it, vi } from 'vitest';
import { CodeBookOffline } from './client.svelte';
import { CODEBOOK_CACHE } from './offline';
import type { CodeBookManifest } from './protocol';

const manifest: CodeBookManifest = {
	version: 'test',
	bytes: 6,
	files: [
		{ key: 'icd10cm', url: '/data/codebook/a.gz', bytes: 3, rawBytes: 3 },
		{ key: 'chapters', url: '/data/codebook/b.gz', bytes: 3, rawBytes: 3 }
	]
};

/** A Cache Storage with one cache, and a network that counts what it serves. */
function stubBrowser(cached: string[] = []) {
	const store = new Map<string, Response>(cached.map((u) => [u, new Response('old')]));
	const fetched: string[] = [];
	let ready!: () => void;
	const sw = new Promise<void>((r) => (ready = r));
	vi.stubGlobal('caches', {
		open: async (name: string) => {
			expect(name).toBe(CODEBOOK_CACHE);
			return {
				match: async (url: string) => store.get(url),
				put: async (url: string, res: Response) => void store.set(url, res)
			};
		}
	});
	vi.stubGlobal('fetch', async (url: string) => {
		fetched.push(url);
		return url.endsWith('manifest.json')
			? new Response(JSON.stringify(manifest))
			: new Response(new Uint8Array([1, 2, 3]));
	});
	vi.stubGlobal('navigator', { serviceWorker: { ready: sw } });
	vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 0));
	return { store, fetched, activate: () => ready() };
}

afterEach(() => {
	vi.unstubAllGlobals();
});

it('downloads in the background once the service worker is active, then says saved', async () => {
	const net = stubBrowser();
	const offline = new CodeBookOffline();
	offline.background();
	offline.background(); // a second mount changes nothing
	await vi.waitFor(() => expect(offline.state).toBe('absent'));
	expect(net.fetched.filter((u) => u.endsWith('.gz'))).toEqual([]);
	net.activate();
	await vi.waitFor(() => expect(offline.state).toBe('saved'));
	expect(net.fetched.filter((u) => u.endsWith('.gz'))).toEqual([
		'/data/codebook/a.gz',
		'/data/codebook/b.gz'
	]);
	expect([...net.store.keys()].sort()).toEqual(['/data/codebook/a.gz', '/data/codebook/b.gz']);
	expect(offline.loaded).toBe(offline.total);
});

it('resumes a download cut short: only the missing files are fetched', async () => {
	const net = stubBrowser(['/data/codebook/a.gz']);
	net.activate();
	const offline = new CodeBookOffline();
	offline.background();
	await vi.waitFor(() => expect(offline.state).toBe('saved'));
	expect(net.fetched.filter((u) => u.endsWith('.gz'))).toEqual(['/data/codebook/b.gz']);
});

it('with everything cached, only looks', async () => {
	const net = stubBrowser(['/data/codebook/a.gz', '/data/codebook/b.gz']);
	net.activate();
	const offline = new CodeBookOffline();
	offline.background();
	await vi.waitFor(() => expect(offline.state).toBe('saved'));
	expect(net.fetched).toEqual(['/data/codebook/manifest.json']);
});

it('leaves the download to the learner when the browser asks to save data', async () => {
	const net = stubBrowser();
	vi.stubGlobal('navigator', {
		serviceWorker: { ready: Promise.resolve() },
		connection: { saveData: true }
	});
	const offline = new CodeBookOffline();
	offline.background();
	await vi.waitFor(() => expect(offline.state).toBe('absent'));
	// Give a download that should not start the chance to start.
	await new Promise((r) => setTimeout(r, 20));
	expect(offline.state).toBe('absent');
	expect(offline.dataSaver).toBe(true);
	expect(net.fetched.filter((u) => u.endsWith('.gz'))).toEqual([]);
});
