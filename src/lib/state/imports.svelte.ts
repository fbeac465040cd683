/**
 * Settings' import sections: flashcards from an Anki or Quizlet export, a question bank (folder
 * or zip) in our Markdown format, and the list of imported banks with their removal. Joins the
 * pure parsers and checks ($lib/content/import-*) to the database and the catalog.
 */
import { codebook } from '$lib/codebook/client.svelte';
import {
	checkBankImport,
	folderEntries,
	knownIds,
	unzipBank,
	type ArchiveEntry,
	type KnownIds
} from '$lib/content/import-bank';
import {
	CARD_LIMITS,
	cardsBank,
	deckBankId,
	deckNameProblem,
	parseCards,
	type CardsParse,
	type SeparatorName
} from '$lib/content/import-cards';
import { formatProblem, type Bank } from '$lib/content/types';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What was imported, for the result line and its link. */
export interface Imported {
	banks: { id: string; title: string; items: number }[];
}

async function known(): Promise<KnownIds> {
	const [index, imported] = await Promise.all([
		catalog.shippedIndex(),
		catalog.importedBanks(),
		catalog.loadSummaries()
	]);
	const ids = new Set(imported.map((b) => b.id));
	const shipped = (catalog.summaries ?? []).filter((s) => !ids.has(s.id));
	return knownIds(index, shipped, imported);
}

/** Stores banks and tells the catalog, or says why not (storage unavailable, a clash meanwhile). */
async function store(banks: Bank[]): Promise<void> {
	if (!(await storage.open()) || !storage.importedBanks)
		throw new Error('This browser is not letting the app store anything (a private window?).');
	// Parsed cards and checked banks sit in $state: IndexedDB cannot clone its proxies.
	await storage.importedBanks.add($state.snapshot(banks) as Bank[], Date.now());
	await catalog.refreshImported();
}

function stem(name: string): string {
	return name.replace(/\.[^.]*$/, '');
}

/** A deck of flashcards from an exported text file. */
export class CardImport {
	fileName = $state<string | undefined>(undefined);
	separator = $state<SeparatorName>('tab');
	parsed = $state<CardsParse | undefined>(undefined);
	deckName = $state('');
	busy = $state(false);
	/** Why the file or the import failed: shown with role=alert; nothing was written. */
	error = $state<string | undefined>(undefined);
	done = $state<Imported | undefined>(undefined);
	#text = '';

	async choose(file: File | undefined): Promise<void> {
		this.reset();
		if (!file) return;
		this.fileName = file.name;
		if (file.size > CARD_LIMITS.fileChars * 4) {
			this.error = `${file.name}: the file is too large for a deck of cards.`;
			return;
		}
		try {
			this.#text = await file.text();
		} catch (e) {
			this.error = `${file.name} could not be read (${message(e)}).`;
			return;
		}
		this.deckName = stem(file.name).replace(/[_-]+/g, ' ').trim();
		this.#parse();
	}

	setSeparator(s: SeparatorName): void {
		this.separator = s;
		if (this.fileName) this.#parse();
	}

	#parse(): void {
		const parsed = parseCards(this.#text, this.separator);
		this.parsed = parsed;
		// The file's header may name another separator: show what was used.
		this.separator = parsed.separator;
		this.error = parsed.problem && `${this.fileName}: ${parsed.problem}.`;
	}

	/** Problems with the deck name, shown beside the field once a file is chosen. */
	get nameProblem(): string | undefined {
		return deckNameProblem(this.deckName);
	}

	async import(): Promise<void> {
		const parsed = this.parsed;
		if (!parsed || parsed.problem || !this.fileName) return;
		this.error = undefined;
		this.done = undefined;
		if (parsed.cards.length === 0) {
			this.error = 'Every row was skipped: there is nothing to import.';
			return;
		}
		const nameProblem = this.nameProblem;
		if (nameProblem) {
			this.error = nameProblem;
			return;
		}
		this.busy = true;
		try {
			const id = deckBankId(this.deckName)!;
			const k = await known();
			const here = k.banks.get(id);
			if (here) {
				this.error = here.imported
					? `You already have a deck called "${here.title}": choose another name, or remove that deck first.`
					: `"${here.title}" is the name of a shipped bank: choose another name.`;
				return;
			}
			const bank = cardsBank(parsed.cards, this.deckName, this.fileName);
			const clash = bank.items.find((i) => k.items.has(i.id));
			if (clash) {
				this.error = `The card id "${clash.id}" is already used by another bank: choose another deck name.`;
				return;
			}
			await store([bank]);
			this.done = { banks: [{ id: bank.id, title: bank.title, items: bank.items.length }] };
			this.#text = '';
			this.parsed = undefined;
			this.fileName = undefined;
		} catch (e) {
			this.error = `Nothing was imported: ${message(e)}`;
		} finally {
			this.busy = false;
		}
	}

	reset(): void {
		this.fileName = undefined;
		this.parsed = undefined;
		this.error = undefined;
		this.done = undefined;
		this.deckName = '';
		this.#text = '';
	}
}

/** A question bank (or several) in our Markdown format, from a folder or a zip. */
export class BankImport {
	source = $state<string | undefined>(undefined);
	status = $state<'idle' | 'reading' | 'checking' | 'checked' | 'importing'>('idle');
	/** `file:line: message`, every problem the validator and the clash check found. */
	problems = $state<string[]>([]);
	/** Why the files could not be read at all (not a zip, too big, ...). */
	error = $state<string | undefined>(undefined);
	banks = $state<Bank[]>([]);
	done = $state<Imported | undefined>(undefined);

	/** A picked folder: every file, named by its path below the folder's parent. */
	async chooseFolder(files: FileList | File[] | null): Promise<void> {
		const list = [...(files ?? [])];
		this.#start(list[0]?.webkitRelativePath.split('/')[0] ?? 'folder');
		if (list.length === 0) return this.#fail('The folder holds no files.');
		const picked = folderEntries(
			list.map((f) => ({ path: f.webkitRelativePath || f.name, size: f.size }))
		);
		if ('problem' in picked) return this.#fail(`${this.source}: ${picked.problem}.`);
		try {
			const entries = await Promise.all(
				picked.keep.map(async (n): Promise<ArchiveEntry> => {
					const f = list[n]!;
					return {
						path: f.webkitRelativePath || f.name,
						bytes: new Uint8Array(await f.arrayBuffer())
					};
				})
			);
			// The folder itself is the top: paths in messages start below the picked folder's parent.
			await this.#check(entries, this.source ?? 'folder');
		} catch (e) {
			this.#fail(`${this.source} could not be read (${message(e)}).`);
		}
	}

	async chooseZip(file: File | undefined): Promise<void> {
		if (!file) return;
		this.#start(file.name);
		try {
			const read = unzipBank(new Uint8Array(await file.arrayBuffer()));
			if ('problem' in read) return this.#fail(`${file.name}: ${read.problem}.`);
			await this.#check(read.entries, stem(file.name));
		} catch (e) {
			this.#fail(`${file.name} could not be read (${message(e)}).`);
		}
	}

	#start(source: string): void {
		this.source = source;
		this.status = 'reading';
		this.problems = [];
		this.error = undefined;
		this.banks = [];
		this.done = undefined;
	}

	#fail(text: string): void {
		this.error = text;
		this.status = 'idle';
	}

	async #check(entries: ArchiveEntry[], rootName: string): Promise<void> {
		this.status = 'checking';
		let check;
		try {
			check = await checkBankImport(
				entries,
				rootName,
				(files) => codebook.validate(files),
				await known()
			);
		} catch (e) {
			// Most likely offline before the code tables were ever saved: the codes cannot be checked.
			return this.#fail(
				`${this.source} could not be checked: the code tables did not load (${message(e)}). Connect to the network, or save the code book for offline use in the section above, and try again.`
			);
		}
		this.problems = check.problems.map(formatProblem);
		this.banks = check.banks;
		this.status = 'checked';
	}

	/** Any problem means nothing is imported: the button is only offered for a clean check. */
	async import(): Promise<void> {
		if (this.status !== 'checked' || this.problems.length || this.banks.length === 0) return;
		this.status = 'importing';
		this.error = undefined;
		try {
			// Another tab may have imported a clashing bank since the check.
			const k = await known();
			const clash = this.banks.find((b) => k.banks.has(b.id));
			if (clash) throw new Error(`a bank with the id "${clash.id}" is already here`);
			const banks = this.banks;
			await store(banks);
			this.done = {
				banks: banks.map((b) => ({ id: b.id, title: b.title, items: b.items.length }))
			};
			this.banks = [];
			this.status = 'idle';
		} catch (e) {
			this.error = `Nothing was imported: ${message(e)}.`;
			this.status = 'checked';
		}
	}
}

/** The imported banks, for the list with its Remove buttons. */
export class ImportedList {
	error = $state<string | undefined>(undefined);
	removed = $state<string | undefined>(undefined);

	get banks() {
		return (catalog.summaries ?? []).filter((s) => catalog.isImported(s.id));
	}

	async load(): Promise<void> {
		await catalog.loadSummaries();
	}

	async remove(id: string, title: string): Promise<void> {
		this.error = undefined;
		this.removed = undefined;
		try {
			if (!(await storage.open()) || !storage.importedBanks)
				throw new Error('the database is not available');
			await storage.importedBanks.remove(id);
			await catalog.refreshImported();
			this.removed = `Removed "${title}". Your answers to its items stay in your history.`;
		} catch (e) {
			this.error = `"${title}" could not be removed (${message(e)}).`;
		}
	}
}
