/**
 * The code-book worker: downloads and parses the code sets once, then answers code-page
 * look-ups at once and searches from an index built on the first search (or on request), so
 * neither a code page nor the page's main thread waits on indexing 240,000 documents.
 */
import { parseCodeBook } from './data';
import { fetchManifest, fetchTexts } from './loader';
import type { ReadyStats, Request, Response } from './protocol';
import { CodeBookService } from './service';

const scope = self as unknown as {
	postMessage(message: Response): void;
	onmessage: ((e: MessageEvent<Request>) => void) | null;
};

type Loaded = { book: CodeBookService; stats: Omit<ReadyStats, 'indexMs'> };
let ready: Promise<Loaded> | undefined;

function load(): Promise<Loaded> {
	if (ready) return ready;
	const loading = (async () => {
		const t0 = performance.now();
		const texts = await fetchTexts(await fetchManifest(), (loaded, total) =>
			scope.postMessage({ type: 'progress', loaded, total })
		);
		const t1 = performance.now();
		const book = new CodeBookService(parseCodeBook(texts));
		const t2 = performance.now();
		const stats = {
			entries: book.data.entries.length,
			fetchMs: t1 - t0,
			parseMs: t2 - t1
		};
		return { book, stats };
	})();
	ready = loading;
	// A failed download must not stick: the next request (e.g. back online) tries again.
	loading.catch(() => (ready = undefined));
	return loading;
}

/** Builds the search index if needed, telling the page while it does (it takes seconds). */
function indexOf(book: CodeBookService) {
	if (!book.indexed) {
		scope.postMessage({ type: 'index', state: 'building' });
		book.index();
		scope.postMessage({ type: 'index', state: 'ready', ms: book.indexMs });
	}
	return book;
}

scope.onmessage = async ({ data: msg }) => {
	try {
		const { book, stats } = await load();
		if (msg.type === 'load') {
			if (msg.index) indexOf(book);
			scope.postMessage({ type: 'ready', id: msg.id, stats: { ...stats, indexMs: book.indexMs } });
		} else if (msg.type === 'search') {
			// Building the index blocks this worker for seconds: first let the look-ups already
			// queued behind this search (the search page's Browse lists, a code page) answer.
			if (!book.indexed) await new Promise((r) => setTimeout(r, 0));
			const t0 = performance.now();
			const result = indexOf(book).search(msg.query, msg.filters, msg.limit);
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
