/**
 * The app's handle on the code-book worker: loads the data on first use (with progress), runs
 * searches and look-ups, and makes the code book available offline on request. One instance,
 * `codebook`, shared by every search box and code page.
 */
import { storage } from '$lib/state/storage.svelte';
import { codeSetYearSetting, defaultCodeSetYear, type CodeSetYear } from './codesets';
import type { CodeSystem } from './data';
import type { TreeNode } from './hierarchy';
import { fetchManifest, readBytes } from './loader';
import { CODEBOOK_CACHE } from './offline';
import type { NodeLookup, ReadyStats, Request, Response } from './protocol';
import type { SearchFilters, SearchResult } from './search';
import type { SourceFile, ValidationResult } from '$lib/content/validate';

/** Today, read once per use (a plain value, never stored in state). */
const now = () => new Date(Date.now());

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void };
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export class CodeBookClient {
	/** idle until first use; loading while the data downloads and the index builds. */
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	/** Bytes downloaded so far, and in all (gzipped). */
	loaded = $state(0);
	total = $state(0);
	error = $state<string | undefined>(undefined);
	stats = $state<ReadyStats | undefined>(undefined);
	/**
	 * The search index, built in the worker on the first search (or `prepareSearch`), never for
	 * a code page alone. Mirrored on <html data-codebook-index> for the e2e tests and the bench.
	 */
	index = $state<'none' | 'building' | 'ready'>('none');
	/**
	 * The ICD-10-CM year the book shows and the answer fields check against: the learner's
	 * choice in Settings (stored as `codeSetYear`), else the year in effect today.
	 */
	year = $state<CodeSetYear>(defaultCodeSetYear(now()));

	#worker: Worker | undefined;
	// Bookkeeping only, never rendered: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Map<number, Pending>();
	#seq = 0;
	#ready: Promise<void> | undefined;
	#prepared = false;
	#yearRead: Promise<void> | undefined;

	/** Reads the stored year once; without a database the date decides. */
	#readYear(): Promise<void> {
		this.#yearRead ??= (async () => {
			try {
				if (await storage.open())
					this.year = codeSetYearSetting(
						await storage.settings?.get('codeSetYear', undefined),
						now()
					);
			} catch {
				// Storage unavailable: keep the year in effect today.
			}
		})();
		return this.#yearRead;
	}

	/** The year as stored (after the first read), for the Settings form. */
	async storedYear(): Promise<CodeSetYear> {
		await this.#readYear();
		return this.year;
	}

	/**
	 * Switches the book (and the answer-field checks) to another ICD-10-CM year and stores the
	 * choice. The worker keeps the downloaded files and parses the other year on next use.
	 */
	async setYear(year: CodeSetYear): Promise<void> {
		await this.#readYear();
		await storage.settings?.set('codeSetYear', year);
		if (year === this.year) return;
		this.year = year;
		if (this.#ready) {
			this.#ready = undefined;
			this.#prepared = false;
			this.#setIndex('none');
			if (this.status === 'ready') this.status = 'idle';
		}
	}

	#post(body: Body<Request>): Promise<Response> {
		if (!this.#worker) {
			// Vite finds and bundles the worker from this exact `new Worker(new URL(...))` form.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			this.#worker = new Worker(new URL('./search.worker.ts', import.meta.url), {
				type: 'module'
			});
			this.#worker.onmessage = (e: MessageEvent<Response>) => this.#receive(e.data);
			this.#worker.onerror = (e) => this.#fail(e.message || 'the code-book worker failed to start');
		}
		const id = ++this.#seq;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			this.#worker!.postMessage({ ...body, id } as Request);
		});
	}

	#receive(msg: Response): void {
		if (msg.type === 'progress') {
			this.loaded = msg.loaded;
			this.total = msg.total;
			return;
		}
		if (msg.type === 'index') {
			this.#setIndex(msg.state);
			return;
		}
		const p = this.#pending.get(msg.id);
		this.#pending.delete(msg.id);
		if (msg.type === 'error') p?.reject(new Error(msg.message));
		else p?.resolve(msg);
	}

	#setIndex(state: 'none' | 'building' | 'ready'): void {
		this.index = state;
		if (typeof document !== 'undefined') document.documentElement.dataset.codebookIndex = state;
	}

	#fail(message: string): void {
		this.status = 'error';
		this.error = message;
		for (const p of this.#pending.values()) p.reject(new Error(message));
		this.#pending.clear();
		this.#worker?.terminate();
		this.#worker = undefined;
		this.#ready = undefined;
		this.#prepared = false;
		this.#setIndex('none');
	}

	/** Starts the download and index build once; later calls wait for the same one. */
	load(): Promise<void> {
		this.#ready ??= (async () => {
			this.status = 'loading';
			this.error = undefined;
			try {
				await this.#readYear();
				const msg = await this.#post({ type: 'load', year: this.year });
				if (msg.type === 'ready') this.stats = msg.stats;
				this.status = 'ready';
			} catch (e) {
				this.#fail(
					`The code book could not be loaded: ${e instanceof Error ? e.message : String(e)}. ` +
						'Check the connection, or make it available offline in Settings while online.'
				);
				throw e;
			}
		})();
		return this.#ready;
	}

	/**
	 * Starts building the search index ahead of the first query (a search box got focus), so
	 * the learner's first keystrokes do not wait for it. Once; errors show through `load`.
	 */
	prepareSearch(): void {
		if (this.#prepared) return;
		this.#prepared = true;
		void this.load()
			.then(() => this.#post({ type: 'search', year: this.year, query: '', filters: {}, limit: 0 }))
			.catch(() => (this.#prepared = false));
	}

	async search(
		query: string,
		filters: SearchFilters = {},
		limit = 50
	): Promise<SearchResult & { ms: number }> {
		await this.load();
		const msg = await this.#post({
			type: 'search',
			year: this.year,
			query,
			filters: { ...filters },
			limit
		});
		if (msg.type !== 'result') throw new Error('unexpected reply from the code-book worker');
		return { ...msg.result, ms: msg.ms };
	}

	async node(code: string, system?: CodeSystem): Promise<NodeLookup> {
		await this.load();
		const msg = await this.#post({ type: 'node', year: this.year, code, system });
		if (msg.type !== 'node') throw new Error('unexpected reply from the code-book worker');
		return {
			view: msg.view,
			deleted: msg.deleted,
			replacedBy: msg.replacedBy,
			indexTerms: msg.indexTerms
		};
	}

	/**
	 * Validates an imported bank's files in the worker, against the official code tables (which
	 * it downloads first if needed, with progress in `loaded`/`total`), so the page stays
	 * responsive. Needs no parsed book: `status` is left alone.
	 */
	async validate(files: SourceFile[]): Promise<ValidationResult> {
		const msg = await this.#post({ type: 'validate', files });
		if (msg.type !== 'validated') throw new Error('unexpected reply from the code-book worker');
		return msg.result;
	}

	/** The top of a system's tree: ICD-10-CM chapters, PCS sections, HCPCS groups. */
	async roots(system: CodeSystem): Promise<TreeNode[]> {
		await this.load();
		const msg = await this.#post({ type: 'roots', year: this.year, system });
		return msg.type === 'roots' ? msg.nodes : [];
	}
}

export const codebook = new CodeBookClient();

/** Resolves when the page is idle (so a background job does not slow the first paint). */
function whenIdle(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function')
			requestIdleCallback(() => resolve(), { timeout: 3_000 });
		else setTimeout(resolve, 2_000);
	});
}

/** The browser's Data Saver (Chromium's `navigator.connection.saveData`). */
function savingData(): boolean {
	const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
	return connection?.saveData === true;
}

/**
 * Saving the code book for offline use: in the background after the first visit, or with the
 * Settings button. One instance, `codeBookOffline`, so Settings and the home page show the
 * background download's progress.
 */
export class CodeBookOffline {
	/** 'unknown' until checked; 'saved' when every file is in the cache. */
	state = $state<'unknown' | 'absent' | 'saving' | 'saved' | 'error' | 'unsupported'>('unknown');
	loaded = $state(0);
	total = $state(0);
	message = $state<string | undefined>(undefined);
	/** The browser asks to save data: no background download (the button still works). */
	dataSaver = $state(false);

	#saving: Promise<void> | undefined;
	#started = false;

	async check(): Promise<void> {
		if (typeof caches === 'undefined') {
			this.state = 'unsupported';
			return;
		}
		if (this.#saving) return;
		try {
			const manifest = await fetchManifest();
			this.total = manifest.bytes;
			const cache = await caches.open(CODEBOOK_CACHE);
			const hits = await Promise.all(manifest.files.map((f) => cache.match(f.url)));
			// A save may have started while this looked.
			if (!this.#saving) this.state = hits.every(Boolean) ? 'saved' : 'absent';
		} catch {
			if (!this.#saving) this.state = 'absent';
		}
	}

	/**
	 * Makes the code book work offline after one visit, without the learner pressing anything:
	 * once the page is idle and the service worker is active, downloads whatever files the cache
	 * lacks. Runs once per app start; the cache itself is the record of what is done, so a
	 * download cut short (a closed tab, a lost connection) resumes from the missing files on the
	 * next visit, and a finished one costs only a look at the cache.
	 */
	background(): void {
		if (this.#started || typeof navigator === 'undefined') return;
		this.#started = true;
		this.dataSaver = savingData();
		void (async () => {
			await whenIdle();
			await this.check();
			if (this.state !== 'absent' || this.dataSaver || !('serviceWorker' in navigator)) return;
			// Installed first: the service worker serves the saved files when the network is off.
			await navigator.serviceWorker.ready;
			await this.save();
		})();
	}

	/** Downloads every file not yet cached into the code-book cache, with byte progress. */
	save(): Promise<void> {
		this.#saving ??= this.#save().finally(() => (this.#saving = undefined));
		return this.#saving;
	}

	async #save(): Promise<void> {
		if (typeof caches === 'undefined') {
			this.state = 'unsupported';
			return;
		}
		this.state = 'saving';
		this.message = undefined;
		this.loaded = 0;
		try {
			const manifest = await fetchManifest();
			this.total = manifest.bytes;
			const cache = await caches.open(CODEBOOK_CACHE);
			for (const f of manifest.files) {
				if (await cache.match(f.url)) {
					this.loaded += f.bytes;
					continue;
				}
				const res = await fetch(f.url, { cache: 'no-store' });
				if (!res.ok) throw new Error(`${f.url}: HTTP ${res.status}`);
				const bytes = await readBytes(res, (n) => (this.loaded += n));
				await cache.put(
					f.url,
					new Response(bytes as Uint8Array<ArrayBuffer>, {
						headers: { 'content-type': 'application/gzip' }
					})
				);
			}
			this.loaded = this.total;
			this.state = 'saved';
			this.message = 'The code book is saved on this computer: search works with the network off.';
		} catch (e) {
			this.state = 'error';
			this.message = `The code book could not be saved (${e instanceof Error ? e.message : String(e)}). Try again when online.`;
		}
	}
}

export const codeBookOffline = new CodeBookOffline();
