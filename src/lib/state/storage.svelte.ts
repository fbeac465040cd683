/**
 * The learner's database as the UI sees it: opened once, with a plain-language error when the
 * browser cannot store anything (some private windows), storage is full, or the stored progress
 * cannot be opened; what other tabs do to the connection; and how many writes are under way.
 */
import { createDb, watchOtherTabs, watchWrites, type CodeDrillDb } from '$lib/db/db';
import { classifyStorageError, type StorageError } from '$lib/db/errors';
import { backupRepo, type BackupRepo } from '$lib/db/backup';
import { importedBanksRepo, type ImportedBanksRepo } from '$lib/db/imported-banks';
import {
	attemptsRepo,
	drillRepo,
	examsRepo,
	flagsRepo,
	statsRepo,
	practiceRepo,
	settingsRepo,
	type AttemptsRepo,
	type DrillRepo,
	type ExamsRepo,
	type FlagsRepo,
	type StatsRepo,
	type PracticeRepo,
	type SettingsRepo
} from '$lib/db/repositories';
import { reportsRepo, type ReportsRepo } from '$lib/db/reports';
import { resetRepo, type ResetRepo } from '$lib/db/reset';

export class StorageState {
	/**
	 * 'idle' until `open()` is called in the browser; 'blocked' while another tab's older
	 * connection holds the open up; 'outdated' once another tab opened a newer version and this
	 * tab let go of the database (only a reload helps).
	 */
	status = $state<'idle' | 'opening' | 'blocked' | 'ready' | 'outdated' | 'error'>('idle');
	/**
	 * The last failure, shown in the app-wide banner; cleared by `dismiss()`, and by the next
	 * write that succeeds when it was a failed write (storage full, or another one-off).
	 */
	error = $state<StorageError | undefined>(undefined);
	/** Writes started and not yet committed or failed: leaving the page now would lose them. */
	pending = $state(0);
	#db: CodeDrillDb | undefined;
	#opening: Promise<boolean> | undefined;

	/** Tests pass their own database (a fresh fake IndexedDB); the app uses the real one. */
	constructor(private readonly makeDb: () => CodeDrillDb = () => createDb()) {}

	/** Opens the database once; later calls share the first attempt. */
	open(): Promise<boolean> {
		this.#opening ??= this.#open();
		return this.#opening;
	}

	async #open(): Promise<boolean> {
		this.status = 'opening';
		try {
			if (typeof indexedDB === 'undefined')
				throw Object.assign(new Error('no indexedDB'), { name: 'MissingAPIError' });
			const db = this.makeDb();
			watchWrites(db, {
				started: () => {
					this.pending++;
					const errorBefore = this.error;
					return (committed) => {
						this.pending--;
						// Only a write begun after the failure proves it is over: the failed write's
						// own transaction can still complete (empty) after its error was reported.
						const failedMeanwhile = this.error !== errorBefore;
						if (
							committed &&
							!failedMeanwhile &&
							(this.error?.kind === 'full' || this.error?.kind === 'other')
						)
							this.error = undefined;
					};
				}
			});
			watchOtherTabs(db, {
				blocked: () => {
					if (this.status === 'opening') this.status = 'blocked';
				},
				replaced: () => (this.status = 'outdated')
			});
			await db.open();
			this.#db = db;
			this.status = 'ready';
			return true;
		} catch (e) {
			this.fail(e);
			this.status = 'error';
			return false;
		}
	}

	get attempts(): AttemptsRepo | undefined {
		return this.#db && attemptsRepo(this.#db);
	}

	get drill(): DrillRepo | undefined {
		return this.#db && drillRepo(this.#db);
	}

	get exams(): ExamsRepo | undefined {
		return this.#db && examsRepo(this.#db);
	}

	get stats(): StatsRepo | undefined {
		return this.#db && statsRepo(this.#db);
	}

	get flags(): FlagsRepo | undefined {
		return this.#db && flagsRepo(this.#db);
	}

	get practice(): PracticeRepo | undefined {
		return this.#db && practiceRepo(this.#db);
	}

	get backup(): BackupRepo | undefined {
		return this.#db && backupRepo(this.#db);
	}

	get settings(): SettingsRepo | undefined {
		return this.#db && settingsRepo(this.#db);
	}

	get reports(): ReportsRepo | undefined {
		return this.#db && reportsRepo(this.#db);
	}

	get reset(): ResetRepo | undefined {
		return this.#db && resetRepo(this.#db);
	}

	get importedBanks(): ImportedBanksRepo | undefined {
		return this.#db && importedBanksRepo(this.#db);
	}

	#askedPersistence = false;

	/**
	 * Asks the browser, once per visit and only after the learner has saved something, not to
	 * evict this app's data. Chromium decides silently; Firefox may ask the learner, which is why
	 * this waits for the first answer instead of running at start-up.
	 */
	async keep(): Promise<void> {
		if (this.#askedPersistence || typeof navigator === 'undefined' || !navigator.storage?.persist)
			return;
		this.#askedPersistence = true;
		try {
			if (!(await navigator.storage.persisted())) await navigator.storage.persist();
		} catch {
			// Persistence is a nicety; failing to get it changes nothing else.
		}
	}

	fail(e: unknown): void {
		this.error = classifyStorageError(e);
		// The library's words stay out of the banner; they are here for a bug report.
		console.error(e);
	}

	/**
	 * "Try again" on a failed write: writes a few bytes. Success clears the banner (as any
	 * successful write does) and tells the learner to answer again; failure keeps it.
	 */
	async retry(): Promise<boolean> {
		const settings = this.settings;
		if (!settings) return false;
		try {
			await settings.set('storage-check', Date.now());
			return true;
		} catch (e) {
			this.fail(e);
			return false;
		}
	}

	dismiss(): void {
		this.error = undefined;
	}
}

export const storage = new StorageState();
