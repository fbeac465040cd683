/** Turns IndexedDB failures into something a learner can act on. */

export type StorageProblem = 'unavailable' | 'full' | 'other';

export interface StorageError {
	kind: StorageProblem;
	message: string;
}

function named(e: unknown, name: string): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const err = e as { name?: string; inner?: unknown };
	// Dexie wraps the cause: a full disk can arrive as an AbortError whose inner is the quota error.
	return err.name === name || (err.inner !== undefined && named(err.inner, name));
}

export function classifyStorageError(e: unknown): StorageError {
	if (named(e, 'QuotaExceededError')) {
		return {
			kind: 'full',
			message:
				'Your browser says its storage for this app is full, so your last answer could not be saved. ' +
				'Free some disk space or clear other site data, then try again.'
		};
	}
	if (
		named(e, 'MissingAPIError') ||
		named(e, 'InvalidStateError') ||
		named(e, 'SecurityError') ||
		named(e, 'OpenFailedError') ||
		named(e, 'UnknownError')
	) {
		return {
			kind: 'unavailable',
			message:
				'This browser window cannot store data (IndexedDB is unavailable, as in some private windows), ' +
				'so your answers will not be kept. Open the app in a normal window to keep your progress.'
		};
	}
	const detail = e instanceof Error ? e.message : String(e);
	return { kind: 'other', message: `Your answer could not be saved: ${detail}` };
}
