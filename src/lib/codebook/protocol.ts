/** Messages between the app and the code-book worker, and the shapes they carry. */
import type { SourceFile, ValidationResult } from '../content/validate';
import type { CodeSetYear } from './codesets';
import type { CodeSystem } from './data';
import type { TreeNode } from './hierarchy';
import type { SearchFilters, SearchResult } from './search';

export interface CodeBookManifest {
	/** Hash of all files: changes when any code-set file changes. */
	version: string;
	files: { key: string; url: string; bytes: number; rawBytes: number }[];
	/** Download size (gzipped) of all files. */
	bytes: number;
}

/** A code page's content: the node and its neighbourhood in the tree. */
export interface NodeView {
	node: TreeNode;
	ancestors: TreeNode[];
	children: TreeNode[];
	childCount: number;
	siblings: TreeNode[];
	siblingCount: number;
	/** Other systems that have a code written the same way (B20 is CM and PCS). */
	otherSystems: CodeSystem[];
	/** Index-table terms that point at this code, e.g. "Table of Drugs ...: Acetaminophen". */
	indexTerms: string[];
}

/** A code page's content, or what is known of a code the chosen year deleted. */
export interface NodeLookup {
	view?: NodeView;
	/** The deleted code's old title. */
	deleted?: string;
	/** New codes with the deleted code's title (the likely replacement). */
	replacedBy?: string[];
	/** Index entries (FY2026 tables) that still point at the deleted code. */
	indexTerms?: string[];
}

export interface ReadyStats {
	entries: number;
	fetchMs: number;
	parseMs: number;
	/** 0 unless the search index was built (it is built on the first search). */
	indexMs: number;
	/** Set when the book and index came from the stored snapshot (no download, parse or build). */
	restoreMs?: number;
	/** Of `restoreMs`, reading the snapshot from IndexedDB (while the manifest is fetched). */
	readMs?: number;
}

export type Request =
	/** `index`: also build the search index now (the search page, the bench's old path). */
	| { type: 'load'; id: number; year?: CodeSetYear; index?: boolean }
	| {
			type: 'search';
			id: number;
			year?: CodeSetYear;
			query: string;
			filters: SearchFilters;
			limit: number;
	  }
	| { type: 'node'; id: number; year?: CodeSetYear; code: string; system?: CodeSystem }
	| { type: 'roots'; id: number; year?: CodeSetYear; system: CodeSystem }
	/** Runs the bank validator over an imported bank's files, against every code-set year. */
	| { type: 'validate'; id: number; files: SourceFile[] };

export type Response =
	| { type: 'progress'; loaded: number; total: number }
	/** Sent unasked when the search index starts and finishes building. */
	| { type: 'index'; state: 'building' | 'ready'; ms?: number }
	| { type: 'ready'; id: number; stats: ReadyStats }
	| { type: 'result'; id: number; result: SearchResult; ms: number }
	| ({ type: 'node'; id: number } & NodeLookup)
	| { type: 'roots'; id: number; nodes: TreeNode[] }
	| { type: 'validated'; id: number; result: ValidationResult }
	| { type: 'error'; id: number; message: string };
