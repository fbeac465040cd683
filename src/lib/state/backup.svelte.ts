/**
 * Settings' "Back up and restore": download a backup, then read a chosen file (validated whole
 * before anything is written), show what it holds beside what this computer holds, and apply it
 * (replace or merge) on the learner's word. A refused file changes nothing.
 */
import { backupFileName, type Backup, type BackupCounts } from '$lib/backup/format';
import { readBackupFile } from '$lib/backup/read';
import type { ApplyMode } from '$lib/db/backup';
import { knownOf } from '$lib/backup/known';
import { catalog } from './catalog.svelte';
import { reports } from './reports.svelte';
import { storage } from './storage.svelte';

export interface Written {
	fileName: string;
	counts: BackupCounts;
	bytes: number;
	ms: number;
}

export interface Preview {
	fileName: string;
	exportedAt: number;
	inFile: BackupCounts;
	here: BackupCounts;
}

export type RestorePhase = 'idle' | 'reading' | 'preview' | 'applying' | 'done';

function saveFile(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	// The download has taken its copy once click() returns; the URL is freed a moment later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class BackupState {
	/** A download being written. */
	downloading = $state(false);
	/** What the last download wrote. */
	written = $state<Written | undefined>(undefined);
	phase = $state<RestorePhase>('idle');
	/** Bytes of the chosen file read so far (uncompressed), and its size on disk. */
	readBytes = $state(0);
	fileBytes = $state(0);
	preview = $state<Preview | undefined>(undefined);
	mode = $state<ApplyMode>('merge');
	/** A plain-words failure; shown as an alert. Nothing was changed. */
	error = $state<string | undefined>(undefined);
	/** What the restore did. */
	result = $state<string | undefined>(undefined);
	/** The validated file: a plain field, not state (a large backup must not be made reactive). */
	#backup: Backup | undefined;

	constructor(private readonly clock: () => number = Date.now) {}

	async download(): Promise<void> {
		const repo = storage.backup;
		if (!repo || this.downloading) return;
		this.downloading = true;
		this.error = undefined;
		const started = performance.now();
		try {
			const now = this.clock();
			const { parts, counts } = await repo.export(now);
			const gz = await new Response(
				new Blob(parts, { type: 'application/json' })
					.stream()
					.pipeThrough(new CompressionStream('gzip'))
			).blob();
			const fileName = backupFileName(now);
			saveFile(new Blob([gz], { type: 'application/gzip' }), fileName);
			await repo.markBackedUp(now);
			this.written = { fileName, counts, bytes: gz.size, ms: performance.now() - started };
		} catch (e) {
			this.error = 'The backup could not be written. Nothing was changed.';
			storage.fail(e);
		} finally {
			this.downloading = false;
		}
	}

	/** Reads and checks a chosen file; on success shows the preview, else the reason. */
	async choose(file: File): Promise<void> {
		const repo = storage.backup;
		if (!repo) return;
		this.reset();
		this.phase = 'reading';
		this.fileBytes = file.size;
		try {
			const [index, imported, here] = await Promise.all([
				catalog.index(),
				repo.importedBanks(),
				repo.counts()
			]);
			const read = await readBackupFile(
				file,
				{ now: this.clock(), ...knownOf(index.entries, imported) },
				{ onProgress: (n) => (this.readBytes = n) }
			);
			if (!read.ok) {
				this.error = read.message;
				this.phase = 'idle';
				return;
			}
			this.#backup = read.backup;
			this.preview = {
				fileName: file.name,
				exportedAt: read.backup.exportedAt,
				inFile: read.counts,
				here
			};
			this.phase = 'preview';
		} catch (e) {
			this.error = `The file could not be checked (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`;
			this.phase = 'idle';
		}
	}

	async apply(): Promise<void> {
		const repo = storage.backup;
		const backup = this.#backup;
		if (!repo || !backup || this.phase !== 'preview') return;
		this.phase = 'applying';
		this.error = undefined;
		try {
			const { typeOf } = knownOf((await catalog.index()).entries, { banks: [], items: [] });
			const done = await repo.apply(backup, this.mode, { typeOf });
			const c = done.counts;
			this.result =
				this.mode === 'replace'
					? `Restored: this computer now holds the backup's ${c.attempts.toLocaleString('en-US')} answers, ${c.cards} drill cards and ${c.exams} exams.`
					: `Merged: ${done.merge?.added.attempts ?? 0} answers, ${done.merge?.added.reviews ?? 0} reviews and ${done.merge?.added.exams ?? 0} exams were new here; ${done.merge?.replayed ?? 0} drill cards were rebuilt from their merged reviews. This computer now holds ${c.attempts.toLocaleString('en-US')} answers.`;
			this.phase = 'done';
			// What other parts of the page read once and keep: the imported banks and the reports
			// may have changed with the restore.
			reports.reset();
			this.#backup = undefined;
			this.preview = undefined;
			await Promise.all([
				reports.loadAll().catch(() => undefined),
				catalog.refreshImported().catch(() => undefined)
			]);
		} catch (e) {
			this.error = 'The backup could not be applied, so nothing was changed.';
			storage.fail(e);
			this.phase = 'preview';
		}
	}

	cancel(): void {
		this.reset();
	}

	reset(): void {
		this.#backup = undefined;
		this.preview = undefined;
		this.error = undefined;
		this.result = undefined;
		this.readBytes = 0;
		this.fileBytes = 0;
		this.phase = 'idle';
	}
}
