/**
 * The code-book worker: downloads and indexes the code sets once, then answers searches and
 * code-page look-ups, so the page never blocks on 240,000 documents while the learner types.
 */
import { codeKey, INDEX_TABLE_LABELS, parseCodeBook, type CodeBookData } from './data';
import { dotCm } from './normalize';
import { CodeTree } from './hierarchy';
import { fetchManifest, fetchTexts } from './loader';
import type { NodeView, Request, Response } from './protocol';
import { SearchIndex } from './search';

const scope = self as unknown as {
	postMessage(message: Response): void;
	onmessage: ((e: MessageEvent<Request>) => void) | null;
};

/** Lists on a code page are cut here (a PCS table can have thousands of codes). */
const LIST_LIMIT = 300;

let ready:
	Promise<{ index: SearchIndex; tree: CodeTree; terms: Map<string, string[]> }> | undefined;

function load(id: number) {
	ready ??= (async () => {
		const t0 = performance.now();
		const texts = await fetchTexts(await fetchManifest(), (loaded, total) =>
			scope.postMessage({ type: 'progress', loaded, total })
		);
		const t1 = performance.now();
		const data = parseCodeBook(texts);
		const t2 = performance.now();
		const index = new SearchIndex(data);
		const tree = new CodeTree(data);
		const terms = termsByCode(data);
		const t3 = performance.now();
		scope.postMessage({
			type: 'ready',
			id,
			stats: {
				entries: data.entries.length,
				documents: index.size,
				fetchMs: t1 - t0,
				parseMs: t2 - t1,
				indexMs: t3 - t2
			}
		});
		return { index, tree, terms };
	})();
	// A failed download must not stick: the next request (e.g. back online) tries again.
	ready.catch(() => (ready = undefined));
	return ready;
}

function termsByCode(data: CodeBookData): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const t of data.index) {
		const key = codeKey('icd10cm', t.code);
		const label = `${INDEX_TABLE_LABELS[t.table]}: ${t.path.join(', ')}${t.column ? ` (${t.column})` : ''}`;
		const list = out.get(key);
		if (list) list.push(label);
		else out.set(key, [label]);
	}
	return out;
}

scope.onmessage = async ({ data: msg }) => {
	try {
		const wasReady = ready !== undefined;
		const book = await load(msg.id);
		if (msg.type === 'load') {
			// A second load after the first finished still needs an answer.
			if (wasReady) scope.postMessage({ type: 'ready', id: msg.id, stats: statsOf(book.index) });
		} else if (msg.type === 'search') {
			const t0 = performance.now();
			const result = book.index.search(msg.query, msg.filters, msg.limit);
			scope.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t0 });
		} else if (msg.type === 'roots') {
			scope.postMessage({ type: 'roots', id: msg.id, nodes: book.tree.roots(msg.system) });
		} else if (msg.type === 'node') {
			const node = book.tree.node(msg.code, msg.system);
			if (!node) {
				const deleted = book.tree.data.deleted.get(dotCm(msg.code));
				scope.postMessage({ type: 'node', id: msg.id, deleted });
				return;
			}
			const children = book.tree.children(node);
			const siblings = book.tree.siblings(node);
			const view: NodeView = {
				node,
				ancestors: book.tree.ancestors(node),
				children: children.slice(0, LIST_LIMIT),
				childCount: children.length,
				siblings: siblings.slice(0, LIST_LIMIT),
				siblingCount: siblings.length,
				otherSystems:
					node.kind === 'code' ? book.tree.systemsOf(node.id).filter((s) => s !== node.system) : [],
				indexTerms:
					node.kind === 'code' && node.system === 'icd10cm'
						? (book.terms.get(codeKey('icd10cm', node.id)) ?? []).slice(0, 40)
						: []
			};
			scope.postMessage({ type: 'node', id: msg.id, view });
		}
	} catch (e) {
		scope.postMessage({
			type: 'error',
			id: msg.id,
			message: e instanceof Error ? e.message : String(e)
		});
	}
};

function statsOf(index: SearchIndex) {
	return {
		entries: index.entries.length,
		documents: index.size,
		fetchMs: 0,
		parseMs: 0,
		indexMs: 0
	};
}
