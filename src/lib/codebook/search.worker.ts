/**
 * The code-book worker: downloads and parses the code sets once, then answers code-page
 * look-ups at once and searches from an index built on the first search (or on request), so
 * neither a code page nor the page's main thread waits on indexing 240,000 documents. Once built,
 * the parsed book and the index are stored as one compact snapshot (snapshot.ts) in IndexedDB:
 * later visits read it back in a fraction of a second instead of downloading, parsing and
 * indexing again.
 */
import { validateBanks } from '../content/validate';
import { codeSetsFromBook } from './book-codesets';
import { LATEST_CODE_SET_YEAR, type CodeSetYear, type CodeSets } from './codesets';
import { parseCodeBook, type CodeBookTexts } from './data';
import { fetchManifest, fetchTexts } from './loader';
import type { CodeBookManifest, ReadyStats, Request, Response } from './protocol';
import { SearchIndex } from './search';
import { CodeBookService } from './service';
import { packBook, snapshotKey, unpackBook, type Snapshot } from './snapshot';
import { bookView } from './book-view';
import { keyed, readSlot, writeSnapshot } from './snapshot-store';

const scope = self as unknown as {
	postMessage(message: Response): void;
	onmessage: ((e: MessageEvent<Request>) => void) | null;
};

type Loaded = {
	book: CodeBookService;
	stats: Omit<ReadyStats, 'indexMs'>;
	/** The snapshot record's key; the book came from it when `stats.restoreMs` is set. */
	key: string;
};
/** One book at a time (a parsed one is tens of MB): the year the learner uses. */
let current: { year: CodeSetYear; ready: Promise<Loaded> } | undefined;

/** The small file list, read once per worker (its version keys the snapshot). */
let manifest: Promise<CodeBookManifest> | undefined;
function manifestOnce(): Promise<CodeBookManifest> {
	const loading = (manifest ??= fetchManifest());
	loading.catch(() => {
		if (manifest === loading) manifest = undefined;
	});
	return loading;
}

/**
 * The code-set files, downloaded (from the service worker's cache once saved). Shared only while
 * in flight: the ~20 MB of text is not kept once parsed, and a year switch or an import that
 * needs it again reads it again from the cache.
 */
let texts: Promise<{ texts: CodeBookTexts; fetchMs: number }> | undefined;
function download(): Promise<{ texts: CodeBookTexts; fetchMs: number }> {
	if (texts) return texts;
	const loading = (async () => {
		const t0 = performance.now();
		const t = await fetchTexts(await manifestOnce(), (loaded, total) =>
			scope.postMessage({ type: 'progress', loaded, total })
		);
		return { texts: t, fetchMs: performance.now() - t0 };
	})();
	texts = loading;
	// Settled, failed or not, it is dropped: a failed download must not stick either.
	void loading.then(
		() => (texts = undefined),
		() => (texts = undefined)
	);
	return loading;
}

/**
 * The book and index from a stored snapshot, or undefined (none, stale, damaged, no IndexedDB).
 * `stored` is the year's record, read since `t0` while the manifest was fetched.
 */
async function restore(
	key: string,
	stored: Promise<unknown>,
	t0: number
): Promise<Loaded | undefined> {
	try {
		const snap = keyed(await stored, key) as Partial<Snapshot> | undefined;
		if (!snap?.book || !snap.index) return undefined;
		const readMs = performance.now() - t0;
		const book = restored(snap.book, snap.index);
		if (!book) return undefined;
		const restoreMs = performance.now() - t0;
		return {
			book,
			key,
			stats: { entries: bookView(book.data).size, fetchMs: 0, parseMs: 0, readMs, restoreMs }
		};
	} catch {
		return undefined;
	}
}

function restored(book: Snapshot['book'], index: unknown): CodeBookService | undefined {
	const data = unpackBook(book);
	const search = SearchIndex.restore(data, index);
	return search && new CodeBookService(data, search);
}

function load(year: CodeSetYear = LATEST_CODE_SET_YEAR): Promise<Loaded> {
	if (current?.year === year) return current.ready;
	const loading = (async () => {
		// The record is read while the manifest (whose version keys it) is fetched.
		const t0 = performance.now();
		let stored: Promise<unknown> | undefined = readSlot(year).catch(() => undefined);
		const key = snapshotKey((await manifestOnce()).version, year);
		const warm = await restore(key, stored, t0);
		// Not kept through a download and parse when it was another version's record.
		stored = undefined;
		if (warm) return warm;
		const { texts: t, fetchMs } = await download();
		const t1 = performance.now();
		const book = new CodeBookService(parseCodeBook(t, year));
		const stats = {
			entries: bookView(book.data).size,
			fetchMs,
			parseMs: performance.now() - t1
		};
		return { book, stats, key };
	})();
	current = { year, ready: loading };
	loading.catch(() => {
		if (current?.ready === loading) current = undefined;
	});
	return loading;
}

/**
 * The validator's code sets for imported banks, built once from the downloaded files: lookup
 * tables only, far smaller than a parsed book, and for every year (an item names its own).
 */
let codeSets: Promise<CodeSets> | undefined;
function validatorCodeSets(): Promise<CodeSets> {
	const building = (codeSets ??= download().then(({ texts: t }) => codeSetsFromBook(t)));
	building.catch(() => {
		if (codeSets === building) codeSets = undefined;
	});
	return building;
}

/** Books whose index-ready the page has been told (a restored one never sent "building"). */
const announced = new WeakSet<CodeBookService>();

/**
 * Stores a freshly built book and index for the next visit, then, unless a code page already
 * built the tree, swaps the live book for the compact one just stored: the parsed book's titles
 * are slices of the downloaded text and would keep all of it in memory.
 */
async function save(loaded: Loaded, year: CodeSetYear): Promise<void> {
	try {
		const snapshot: Snapshot = {
			key: loaded.key,
			book: packBook(loaded.book.data),
			index: loaded.book.index().snapshot()
		};
		if (!loaded.book.treeBuilt && current?.year === year) {
			const book = restored(snapshot.book, snapshot.index);
			const ready = current.ready;
			if (book) {
				// It is the same index: the page already knows it is ready.
				announced.add(book);
				current = {
					year,
					ready: ready.then((l) => (l.book === loaded.book ? { ...l, book } : l))
				};
			}
		}
		await writeSnapshot(snapshot);
	} catch {
		// No IndexedDB (private mode) or no room: the next visit builds the index again.
	}
}

/** Builds the search index if needed, telling the page while it does (it takes seconds). */
function indexOf(loaded: Loaded, year: CodeSetYear): CodeBookService {
	const { book } = loaded;
	if (!book.indexed) {
		scope.postMessage({ type: 'index', state: 'building' });
		book.index();
		// After this message's reply: the queued keystrokes first.
		setTimeout(() => void save(loaded, year), 0);
	}
	if (!announced.has(book)) {
		announced.add(book);
		scope.postMessage({ type: 'index', state: 'ready', ms: book.indexMs });
	}
	return book;
}

scope.onmessage = async ({ data: msg }) => {
	try {
		if (msg.type === 'validate') {
			// No parsed book needed: an import must not cost the ~100 MB of the book's objects.
			const result = validateBanks(msg.files, await validatorCodeSets());
			scope.postMessage({ type: 'validated', id: msg.id, result });
			return;
		}
		const year = msg.year ?? LATEST_CODE_SET_YEAR;
		const loaded = await load(year);
		const { book, stats } = loaded;
		if (msg.type === 'load') {
			if (msg.index) indexOf(loaded, year);
			scope.postMessage({ type: 'ready', id: msg.id, stats: { ...stats, indexMs: book.indexMs } });
		} else if (msg.type === 'search') {
			// Building the index blocks this worker for seconds: first let the look-ups already
			// queued behind this search (the search page's Browse lists, a code page) answer.
			if (!book.indexed) await new Promise((r) => setTimeout(r, 0));
			const t0 = performance.now();
			const result = indexOf(loaded, year).search(msg.query, msg.filters, msg.limit);
			scope.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t0 });
		} else if (msg.type === 'roots') {
			scope.postMessage({ type: 'roots', id: msg.id, nodes: book.roots(msg.system) });
		} else if (msg.type === 'node') {
			scope.postMessage({ type: 'node', id: msg.id, ...book.node(msg.code, msg.system) });
		}
	} catch (e) {
		scope.postMessage({
			type: 'error',
			id: msg.id,
			message: e instanceof Error ? e.message : String(e)
		});
	}
};
