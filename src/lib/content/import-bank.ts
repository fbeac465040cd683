/**
 * A question bank in our Markdown format, from a folder the learner picked or a .zip: the files
 * turned into `SourceFile[]` for the same `validateBanks` the build runs, and the checks only an
 * import needs (ids that clash with a shipped or an already imported bank). Pure: the caller reads
 * the files and runs the validator (in the code-book worker, which holds the code sets).
 */
import { unzipSync } from 'fflate';
import type { SourceFile, ValidationResult } from './validate.ts';
import type { Bank, Problem } from './types.ts';

/**
 * Limits on what an import may hold: far above a real bank (the largest shipped bank is about
 * 1,000 files and 3 MB) and far below what would stall the page. A zip's sizes are checked from
 * its directory before anything is inflated, so a zip bomb is refused unopened.
 */
export const BANK_LIMITS = { entries: 3_000, totalBytes: 30_000_000, zipBytes: 15_000_000 };

export interface ArchiveEntry {
	/** Path inside the folder or zip, `/`-separated, e.g. `my-bank/items/my-bank-0001.md`. */
	path: string;
	bytes: Uint8Array;
}

/** Files worth passing on: `bank.yaml`, item files, and near misses the validator names. */
function wanted(path: string): boolean {
	const name = path.split('/').pop() ?? '';
	if (name.startsWith('.')) return false; // .DS_Store, editor swap files
	return /\.(md|markdown|mdown|ya?ml)$/i.test(name);
}

/** A path that would climb out of the folder, or is absolute, or is macOS zip clutter. */
function unsafe(path: string): boolean {
	return (
		path.startsWith('/') ||
		/^[a-z]:/i.test(path) ||
		path.split(/[\\/]/).some((p) => p === '..') ||
		path.startsWith('__MACOSX/')
	);
}

export type Read = { entries: ArchiveEntry[] } | { problem: string };

/** The wanted files of a zip, or why it cannot be read. Paths with `..` are ignored. */
export function unzipBank(zip: Uint8Array, limits = BANK_LIMITS): Read {
	if (zip.length > limits.zipBytes)
		return {
			problem: `the zip is ${mb(zip.length)}; a bank zip may be at most ${mb(limits.zipBytes)}`
		};
	let count = 0;
	let total = 0;
	let over: string | undefined;
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(zip, {
			filter: (f) => {
				if (f.name.endsWith('/') || unsafe(f.name) || !wanted(f.name)) return false;
				count++;
				total += f.originalSize;
				if (count > limits.entries)
					over ??= `the zip holds more than ${limits.entries.toLocaleString('en-US')} bank files`;
				if (total > limits.totalBytes)
					over ??= `the zip unpacks to more than ${mb(limits.totalBytes)}`;
				return over === undefined;
			}
		});
	} catch (e) {
		return {
			problem: `the file could not be read as a zip (${e instanceof Error ? e.message : String(e)})`
		};
	}
	if (over) return { problem: over };
	return {
		entries: Object.entries(files)
			.map(([path, bytes]) => ({ path, bytes }))
			.sort((a, b) => a.path.localeCompare(b.path))
	};
}

/** Files picked as a folder (`webkitRelativePath`), checked against the same limits as a zip. */
export function folderEntries(
	files: readonly { path: string; size: number }[],
	limits = BANK_LIMITS
): { keep: number[] } | { problem: string } {
	const keep: number[] = [];
	let total = 0;
	files.forEach((f, n) => {
		if (unsafe(f.path) || !wanted(f.path)) return;
		keep.push(n);
		total += f.size;
	});
	if (keep.length > limits.entries)
		return {
			problem: `the folder holds more than ${limits.entries.toLocaleString('en-US')} bank files`
		};
	if (total > limits.totalBytes)
		return { problem: `the folder's bank files add up to more than ${mb(limits.totalBytes)}` };
	return { keep };
}

function mb(bytes: number): string {
	if (bytes < 1_000_000) return `${Math.ceil(bytes / 1000).toLocaleString('en-US')} kB`;
	return `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * The validator's input. A bank is the folder that holds a `bank.yaml` (its name is the bank id
 * the manifest must repeat), with every item file anywhere below it; a `bank.yaml` at the top of
 * a zip or picked folder takes `rootName` (the zip's name without `.zip`, or the folder's name).
 * Item files outside any bank folder are reported, not silently dropped.
 */
export function bankSources(
	entries: readonly ArchiveEntry[],
	rootName: string
): { files: SourceFile[]; problems: Problem[] } {
	const dirOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
	const bankDirs = entries
		.filter((e) => (e.path.split('/').pop() ?? '').toLowerCase() === 'bank.yaml')
		.map((e) => dirOf(e.path));
	const files: SourceFile[] = [];
	const problems: Problem[] = [];
	for (const e of entries) {
		// The nearest folder above the file that holds a bank.yaml.
		const home = bankDirs
			.filter((d) => d === '' || e.path.startsWith(`${d}/`))
			.sort((a, b) => b.length - a.length)[0];
		if (home === undefined) {
			problems.push({
				file: e.path,
				line: 1,
				message: 'this file is in no bank folder: a bank folder holds a bank.yaml'
			});
			continue;
		}
		const bank = home === '' ? rootName : (home.split('/').pop() ?? home);
		// Messages name the file as the learner sees it in the zip or folder.
		files.push({ path: e.path, bank, text: e.bytes });
	}
	if (bankDirs.length === 0)
		problems.push({
			file: rootName,
			line: 1,
			message: 'no bank.yaml found: a bank is a folder with a bank.yaml and one .md file per item'
		});
	return { files, problems };
}

/** What the importer knows of the banks already here. */
export interface KnownIds {
	/** Bank id to its title and whether the learner imported it. */
	banks: ReadonlyMap<string, { title: string; imported: boolean }>;
	/** Item id to the bank that holds it. */
	items: ReadonlyMap<string, string>;
}

/** The line of `id:` in a file's front matter (or 1), so a clash names a line like any problem. */
function idLine(bytes: Uint8Array | string | undefined): number {
	if (bytes === undefined) return 1;
	const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
	const n = text.split('\n').findIndex((l) => /^id\s*:/.test(l));
	return n < 0 ? 1 : n + 1;
}

function owner(known: KnownIds, bankId: string): string {
	const b = known.banks.get(bankId);
	if (!b) return `bank "${bankId}"`;
	return `${b.imported ? 'the imported' : 'the shipped'} bank "${b.title}"`;
}

/**
 * Ids that clash with a bank or item already here: a learner's answers are kept by item id, so
 * two items with one id would share one history. Every clash is named, with the bank that has it.
 */
export function clashes(
	banks: readonly Bank[],
	known: KnownIds,
	sources: readonly SourceFile[]
): Problem[] {
	const textOf = new Map(sources.map((s) => [s.path, s.text]));
	const problems: Problem[] = [];
	for (const bank of banks) {
		const manifest = sources.find((s) => s.bank === bank.id && /(^|\/)bank\.yaml$/.test(s.path));
		const here = known.banks.get(bank.id);
		if (here) {
			const path = manifest?.path ?? `${bank.id}/bank.yaml`;
			problems.push({
				file: path,
				line: idLine(manifest?.text),
				message: here.imported
					? `bank id "${bank.id}" is already used by the imported bank "${here.title}": remove that one first, or change this id`
					: `bank id "${bank.id}" is the id of the shipped bank "${here.title}": choose another id`
			});
		}
		for (const item of bank.items) {
			const other = known.items.get(item.id);
			if (other === undefined) continue;
			problems.push({
				file: item.file,
				line: idLine(textOf.get(item.file)),
				message: `item id "${item.id}" is already used by ${owner(known, other)}`
			});
		}
	}
	return problems;
}

export interface BankImportCheck {
	banks: Bank[];
	/** Any problem means nothing is imported. */
	problems: Problem[];
}

/**
 * The whole check of an imported folder or zip: the validator's problems, then clashes, then a
 * bank without items. `validate` is `validateBanks` with the code sets (in the worker).
 */
export async function checkBankImport(
	entries: readonly ArchiveEntry[],
	rootName: string,
	validate: (files: SourceFile[]) => Promise<ValidationResult>,
	known: KnownIds
): Promise<BankImportCheck> {
	const { files, problems } = bankSources(entries, rootName);
	if (files.length === 0) return { banks: [], problems };
	const result = await validate(files);
	const all = [...problems, ...result.problems];
	if (all.length === 0) {
		all.push(...clashes(result.banks, known, files));
		for (const b of result.banks)
			if (b.items.length === 0)
				all.push({
					file: files.find((f) => f.bank === b.id)?.path ?? b.id,
					line: 1,
					message: `bank "${b.id}" has no items: add one .md file per item beside its bank.yaml`
				});
	}
	return { banks: all.length ? [] : result.banks, problems: all };
}

/** The ids already here: the shipped index's items and banks, and the imported banks. */
export function knownIds(
	shipped: { entries: readonly { id: string; bankId: string }[] },
	shippedBanks: readonly { id: string; title: string }[],
	imported: readonly Bank[]
): KnownIds {
	const banks = new Map<string, { title: string; imported: boolean }>();
	for (const b of shippedBanks) banks.set(b.id, { title: b.title, imported: false });
	for (const b of imported) banks.set(b.id, { title: b.title, imported: true });
	const items = new Map<string, string>();
	for (const e of shipped.entries) items.set(e.id, e.bankId);
	for (const b of imported) for (const i of b.items) items.set(i.id, b.id);
	return { banks, items };
}
