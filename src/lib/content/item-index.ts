/**
 * The compact item index and the files of item bodies it points to.
 *
 * The drill and the exam picker choose items by id, bank, section, type, exams and difficulty;
 * only the items they show need their text. So the build writes one small index of those fields
 * and the bodies in files of a few dozen items each (one bank section, split by a hash of the id),
 * named after a hash of their content. A release then changes the names of the files whose items
 * changed and no others, and the service worker keeps the rest (see $lib/content/bank-cache).
 */
import type { Bank, ExamPreset, Item, ItemType } from './types';

/** What choosing an item needs to know about it, without its text. */
export interface IndexEntry {
	id: string;
	bankId: string;
	section: string;
	type: ItemType;
	exams: ExamPreset[];
	difficulty: 1 | 2 | 3;
}

/** One file of item bodies (a JSON array of items): part of one section of one bank. */
export interface BodyFile {
	url: string;
	bankId: string;
	section: string;
	/** Size of the JSON, for download progress and the benchmarks. */
	bytes: number;
}

/**
 * `/data/items.json` as written: one row per item, in bank order and each bank's item order,
 * `[id, file, type, exams, difficulty]`, where `file` indexes `files` (which carries the bank and
 * section, so a row does not repeat them).
 */
export interface ItemIndexFile {
	/** Changes whenever any body file does. */
	version: string;
	files: BodyFile[];
	items: [string, number, ItemType, ExamPreset[], 1 | 2 | 3][];
}

/** The index as the app uses it. */
export interface ItemIndex {
	version: string;
	/** Every shipped item, in bank order (the order of `catalog.bank(id).items`). */
	entries: IndexEntry[];
	files: BodyFile[];
	/** Item id to its body file's place in `files`. */
	fileOf: ReadonlyMap<string, number>;
}

/** Where the body files are served; the service worker keeps what is under it in its own cache. */
export const ITEMS_PREFIX = '/data/items/';

/** Items per body file, roughly: small enough that showing one item fetches little else. */
export const ITEMS_PER_FILE = 32;

/** FNV-1a, 32 bits: a stable spread of ids over a section's files (not for content). */
function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * How many files a section of `count` items is split into: a power of two, so that a section
 * that grows past a boundary regroups its items once per doubling, not on every new item.
 */
export function filesForSection(count: number, perFile = ITEMS_PER_FILE): number {
	let n = 1;
	while (n * perFile < count) n *= 2;
	return n;
}

/**
 * Builds the index and the body files from validated banks. `hash` names a file after its
 * content (the build passes SHA-256; only its first ten characters are used). An item's file
 * depends on its bank, section and id only, so editing one item renames one file.
 */
export function buildItemIndex(
	banks: readonly Bank[],
	hash: (text: string) => string,
	perFile = ITEMS_PER_FILE
): { index: ItemIndexFile; bodies: Map<string, string> } {
	const files: BodyFile[] = [];
	const bodies = new Map<string, string>();
	const fileOf = new Map<string, number>();
	for (const bank of banks) {
		const bySection = new Map<string, Item[]>();
		for (const item of bank.items) {
			const list = bySection.get(item.section) ?? [];
			list.push(item);
			bySection.set(item.section, list);
		}
		for (const [section, items] of bySection) {
			const n = filesForSection(items.length, perFile);
			const groups: Item[][] = Array.from({ length: n }, () => []);
			for (const item of items) groups[fnv1a(item.id) % n]!.push(item);
			groups.forEach((group, part) => {
				if (!group.length) return;
				const body = JSON.stringify(group);
				const name = `${bank.id}-${section}-${part}-${hash(body).slice(0, 10)}.json`;
				const url = `${ITEMS_PREFIX}${name}`;
				for (const item of group) fileOf.set(item.id, files.length);
				files.push({ url, bankId: bank.id, section, bytes: new TextEncoder().encode(body).length });
				bodies.set(name, body);
			});
		}
	}
	const items: ItemIndexFile['items'] = banks.flatMap((b) =>
		b.items.map((i) => [i.id, fileOf.get(i.id)!, i.type, i.exams, i.difficulty] as const)
	) as ItemIndexFile['items'];
	return {
		index: { version: hash(files.map((f) => f.url).join('\n')).slice(0, 12), files, items },
		bodies
	};
}

/** The written index, opened up for the app. */
export function readItemIndex(file: ItemIndexFile): ItemIndex {
	const fileOf = new Map<string, number>();
	const entries = file.items.map(([id, f, type, exams, difficulty]): IndexEntry => {
		fileOf.set(id, f);
		const { bankId, section } = file.files[f]!;
		return { id, bankId, section, type, exams, difficulty };
	});
	return { version: file.version, entries, files: file.files, fileOf };
}

/** The body files that hold `ids`, each once, in first-needed order; unknown ids are skipped. */
export function filesHolding(index: ItemIndex, ids: Iterable<string>): BodyFile[] {
	const seen = new Set<number>();
	const out: BodyFile[] = [];
	for (const id of ids) {
		const f = index.fileOf.get(id);
		if (f === undefined || seen.has(f)) continue;
		seen.add(f);
		out.push(index.files[f]!);
	}
	return out;
}

/** A bank's items in index order, from the bodies at hand (an id without a body is left out). */
export function bankItems(
	index: ItemIndex,
	bankId: string,
	bodies: ReadonlyMap<string, Item>
): Item[] {
	const out: Item[] = [];
	for (const e of index.entries) {
		if (e.bankId !== bankId) continue;
		const item = bodies.get(e.id);
		if (item) out.push(item);
	}
	return out;
}
