/**
 * What the code-book worker knows once the data is parsed: the tree for code pages, the
 * index-table terms by code, and the search index, which is built only when a search needs it.
 * A code page opened directly (`/codes?c=E11.9`) needs the tree alone, and building the index
 * for 240,000 documents took seconds on a laptop before the page could show one code.
 * Pure: the worker (search.worker.ts) owns one instance; the tests make their own.
 */
import { codeKey, indexTermLabel, type CodeBookData, type CodeSystem } from './data';
import { CodeTree, type TreeNode } from './hierarchy';
import { dotCm } from './normalize';
import type { NodeLookup } from './protocol';
import { SearchIndex, type SearchFilters, type SearchResult } from './search';

/** Lists on a code page are cut here (a PCS table can have thousands of codes). */
export const LIST_LIMIT = 300;

export class CodeBookService {
	#tree: CodeTree | undefined;
	#termsByCode: Map<string, string[]> | undefined;
	#index: SearchIndex | undefined;
	/** How long the search index took to build (0 until built, or when restored). */
	indexMs = 0;

	/**
	 * `index`: one restored from a snapshot. The tree and the index-term map are built on the
	 * first look-up that needs them, so a visit that only searches never pays for them (about a
	 * second and half the worker's memory).
	 */
	constructor(
		readonly data: CodeBookData,
		index?: SearchIndex
	) {
		this.#index = index;
	}

	/** Whether a look-up has built the tree yet. */
	get treeBuilt(): boolean {
		return this.#tree !== undefined;
	}

	get tree(): CodeTree {
		return (this.#tree ??= new CodeTree(this.data));
	}

	get #terms(): Map<string, string[]> {
		return (this.#termsByCode ??= termsByCode(this.data));
	}

	/** Whether the search index has been built (a code page never needs it). */
	get indexed(): boolean {
		return this.#index !== undefined;
	}

	/** The search index, built on first use. */
	index(): SearchIndex {
		if (!this.#index) {
			const t0 = performance.now();
			this.#index = new SearchIndex(this.data);
			this.indexMs = performance.now() - t0;
		}
		return this.#index;
	}

	search(query: string, filters: SearchFilters, limit: number): SearchResult {
		return this.index().search(query, filters, limit);
	}

	roots(system: CodeSystem): TreeNode[] {
		return this.tree.roots(system);
	}

	/**
	 * Index entries for a deleted code and its deleted parents: the drug table names T52.8X1
	 * (the 7th character is the coder's), so T52.8X1A's page lists those.
	 */
	#deletedTerms(dotted: string): string[] {
		return (
			undottedPrefixes(dotted)
				.filter((p) => this.data.deleted.has(dotCm(p)))
				.flatMap((p) => this.#terms.get(codeKey('icd10cm', p)) ?? [])
				.slice(0, 40)
				// The page's heading already says these entries name a deleted code.
				.map((t) => t.replace(/ \[FY2026 index: .*\]$/, ''))
		);
	}

	/**
	 * A code page's content, or for a code deleted this year its old title, the new codes with
	 * that title and the (older) index entries that still point at it.
	 */
	node(code: string, system?: CodeSystem): NodeLookup {
		const tree = this.tree;
		const node = tree.node(code, system);
		if (!node) {
			const dotted = dotCm(code);
			const deleted = this.data.deleted.get(dotted);
			if (deleted === undefined) return {};
			return {
				deleted,
				replacedBy: this.data.replacedBy.get(dotted) ?? [],
				indexTerms: this.#deletedTerms(dotted)
			};
		}
		const children = tree.children(node);
		const siblings = tree.siblings(node);
		return {
			view: {
				node,
				ancestors: tree.ancestors(node),
				children: children.slice(0, LIST_LIMIT),
				childCount: children.length,
				siblings: siblings.slice(0, LIST_LIMIT),
				siblingCount: siblings.length,
				otherSystems:
					node.kind === 'code' ? tree.systemsOf(node.id).filter((s) => s !== node.system) : [],
				indexTerms:
					node.kind === 'code' && node.system === 'icd10cm'
						? (this.#terms.get(codeKey('icd10cm', node.id)) ?? []).slice(0, 40)
						: []
			}
		};
	}
}

function undottedPrefixes(code: string): string[] {
	const n = code.replace('.', '');
	return Array.from({ length: n.length - 2 }, (_, i) => n.slice(0, n.length - i));
}

function termsByCode(data: CodeBookData): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const t of data.index) {
		const key = codeKey('icd10cm', t.code);
		const label = indexTermLabel(t, data.year);
		const list = out.get(key);
		if (list) list.push(label);
		else out.set(key, [label]);
	}
	return out;
}
