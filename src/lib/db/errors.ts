/**
 * Turns IndexedDB failures into something a learner can act on: what happened and what to do,
 * in plain words. The library's own message (Dexie's, the browser's) is never the message: it is
 * kept as `detail`, which the banner shows folded away for a bug report.
 */

/**
 * - `full`: the browser's quota for the app is used up; a later write may succeed.
 * - `unavailable`: this window cannot store anything (no IndexedDB, some private windows).
 * - `unopenable`: the stored progress cannot be opened by this version of the app (a version,
 *   schema or upgrade error): no answer was lost, and none can be saved until a reload.
 * - `closed`: this tab let go of the database because another tab runs a newer version.
 * - `other`: one write failed for another reason.
 */
export type StorageProblem = 'unavailable' | 'full' | 'unopenable' | 'closed' | 'other';

export interface StorageError {
	kind: StorageProblem;
	/** A short headline: what happened. */
	title: string;
	/** What it means for the learner and what to do. */
	message: string;
	/** The underlying error's name and message, for a bug report; never the headline. */
	detail?: string;
}

function named(e: unknown, name: string): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const err = e as { name?: string; inner?: unknown };
	// Dexie wraps the cause: a full disk can arrive as an AbortError whose inner is the quota error.
	return err.name === name || (err.inner !== undefined && named(err.inner, name));
}

function namedAny(e: unknown, names: readonly string[]): boolean {
	return names.some((n) => named(e, n));
}

function detailOf(e: unknown): string {
	if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
		const err = e as { name?: string; message?: string };
		return `${err.name ?? 'Error'}: ${err.message ?? ''}`;
	}
	return String(e);
}

/** Errors that mean the database itself cannot be opened, whichever call ran into them. */
const OPEN_ERRORS = ['VersionError', 'UpgradeError', 'SchemaError', 'OpenFailedError'] as const;
const NO_STORAGE = ['MissingAPIError', 'SecurityError', 'InvalidStateError'] as const;

export const FULL_TITLE = 'Storage is full.';
export const UNOPENABLE_TITLE = 'Your progress cannot be opened.';

export function classifyStorageError(e: unknown): StorageError {
	const detail = detailOf(e);
	if (named(e, 'QuotaExceededError')) {
		return {
			kind: 'full',
			title: FULL_TITLE,
			message:
				'Your browser says its storage for this app is full, so your last answer was not saved. ' +
				"Free some disk space or clear other sites' data, then answer again or press Try again.",
			detail
		};
	}
	if (namedAny(e, NO_STORAGE)) {
		return {
			kind: 'unavailable',
			title: 'Your progress cannot be saved.',
			message:
				'This browser window does not let the app store data (as in some private windows), ' +
				'so your answers will not be kept. Open the app in a normal window to keep your progress.',
			detail
		};
	}
	if (namedAny(e, OPEN_ERRORS)) {
		return {
			kind: 'unopenable',
			title: UNOPENABLE_TITLE,
			message:
				'The progress stored in this browser does not match this version of the app, so nothing ' +
				'can be shown or saved yet; nothing has been deleted. Close the other CodeDrill tabs and ' +
				'reload this page to get the current version.',
			detail
		};
	}
	if (named(e, 'DatabaseClosedError')) {
		return {
			kind: 'closed',
			title: 'This tab has stopped saving.',
			message: 'The app was updated in another tab. Reload to continue; nothing saved is lost.',
			detail
		};
	}
	return {
		kind: 'other',
		title: 'Your answer could not be saved.',
		message: 'Try again. If it keeps failing, reload the page.',
		detail
	};
}
