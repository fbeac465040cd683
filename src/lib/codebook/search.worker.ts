/**
 * The code-book worker: downloads and parses the code sets once, then answers code-page
 * look-ups at once and searches from an index built on the first search (or on request), so
 * neither a code page nor the page's main thread waits on indexing 240,000 documents.
 */
import { validateBanks } from '../content/validate';
import { codeSetsFromBook } from './book-codesets';
import { LATEST_CODE_SET_YEAR, type CodeSetYear, type CodeSets } from './codesets';
import { parseCodeBook, type CodeBookTexts } from './data';
import { fetchManifest, fetchTexts } from './loader';
import type { ReadyStats, Request, Response } from './protocol';
import { CodeBookService } from './service';

const scope = self as unknown as {
	postMessage(message: Response): void;
	onmessage: ((e: MessageEvent<Request>) => void) | null;
};

type Loaded = { book: CodeBookService; stats: Omit<ReadyStats, 'indexMs'> };
let texts: Promise<{ texts: CodeBookTexts; fetchMs: number }> | undefined;
/** One parsed book at a time (each is ~100 MB of objects): the year the learner uses. */
let current: { year: CodeSetYear; ready: Promise<Loaded> } | undefined;

function download(): Promise<{ texts: CodeBookTexts; fetchMs: number }> {
	if (texts) return texts;
	const loading = (async () => {
		const t0 = performance.now();
		const t = await fetchTexts(await fetchManifest(), (loaded, total) =>
			scope.postMessage({ type: 'progress', loaded, total })
		);
		return { texts: t, fetchMs: performance.now() - t0 };
	})();
	texts = loading;
	// A failed download must not stick: the next request (e.g. back online) tries again.
	loading.catch(() => (texts = undefined));
	return loading;
}

function load(year: CodeSetYear = LATEST_CODE_SET_YEAR): Promise<Loaded> {
	if (current?.year === year) return current.ready;
	const loading = (async () => {
		const { texts: t, fetchMs } = await download();
		const t1 = performance.now();
		const book = new CodeBookService(parseCodeBook(t, year));
		const stats = {
			entries: book.data.entries.length,
			fetchMs,
			parseMs: performance.now() - t1
		};
		return { book, stats };
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
		if (msg.type === 'validate') {
			// No parsed book needed: an import must not cost the ~100 MB of the book's objects.
			const result = validateBanks(msg.files, await validatorCodeSets());
			scope.postMessage({ type: 'validated', id: msg.id, result });
			return;
		}
		const { book, stats } = await load(msg.year);
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
