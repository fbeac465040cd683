import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb, DB_NAME } from '$lib/db/db';
import { StorageState } from './storage.svelte';

/** A fresh browser profile: its own IndexedDB, so two "tabs" can share it. */
function profile() {
	const indexedDB = new IDBFactory();
	const state = new StorageState(() => createDb(DB_NAME, { indexedDB, IDBKeyRange }));
	return { indexedDB, state };
}

/** Waits until `check` holds, on the event loop (fake IndexedDB fires its events there). */
async function until(check: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 200; i++) {
		if (check()) return;
		await new Promise((r) => setTimeout(r, 5));
	}
	throw new Error(`never: ${what}`);
}

/** Opens the database the raw way, as an older build in another tab would, and keeps it open. */
function holdOpen(indexedDB: IDBFactory, version: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, version);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('open failed'));
	});
}

describe('storage state: other tabs', () => {
	it('says to close the other tabs while an older connection blocks the open, then opens', async () => {
		const { indexedDB, state } = profile();
		// Another tab holds version 1 and ignores the request to close (an old build, a hung tab).
		const other = await holdOpen(indexedDB, 1);
		const opened = state.open();
		await until(() => state.status === 'blocked', 'status blocked');
		expect(state.status).toBe('blocked');
		other.close();
		await expect(opened).resolves.toBe(true);
		expect(state.status).toBe('ready');
		await state.settings!.set('k', 1);
		expect(await state.settings!.get('k', 0)).toBe(1);
	});

	it('closes its connection and asks for a reload when another tab upgrades the database', async () => {
		const { indexedDB, state } = profile();
		expect(await state.open()).toBe(true);
		// A newer build in another tab opens a higher version: this tab must let it through.
		const newer = await holdOpen(indexedDB, 990);
		expect(newer.version).toBe(990);
		expect(state.status).toBe('outdated');
		// A write in this tab now fails plainly, and does not reopen the database behind the
		// newer tab's back (an old schema against a new database).
		await expect(state.settings!.set('k', 1)).rejects.toThrow();
		expect(state.status).toBe('outdated');
		newer.close();
	});
});

describe('storage state: messages', () => {
	it('reports a database it cannot open as progress that cannot be opened, not an answer', async () => {
		const { indexedDB, state } = profile();
		// A database this build's schema cannot be upgraded from: its cards have another primary key.
		await new Promise<void>((resolve) => {
			const req = indexedDB.open(DB_NAME, 5);
			req.onupgradeneeded = () =>
				req.result.createObjectStore('cards', { keyPath: 'id', autoIncrement: true });
			req.onsuccess = () => {
				req.result.close();
				resolve();
			};
		});

		expect(await state.open()).toBe(false);
		expect(state.status).toBe('error');
		const error = state.error!;
		expect(error.title).toBe('Your progress cannot be opened.');
		expect(error.message).not.toMatch(/answer could not be saved/i);
		expect(error.message).toMatch(/reload/i);
		// The library's own words stay out of the message, available as a detail.
		expect(error.message).not.toMatch(/primary key/i);
		expect(error.detail).toMatch(/primary key/i);
	});

	it('clears "storage is full" after the next write that succeeds', async () => {
		const { state } = profile();
		expect(await state.open()).toBe(true);
		const full = Object.assign(new Error('Abort'), {
			name: 'AbortError',
			inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
		});
		state.fail(full);
		expect(state.error?.kind).toBe('full');
		await state.settings!.set('k', 1);
		expect(state.error).toBeUndefined();
	});

	it('"try again" on the full banner clears it once a write succeeds', async () => {
		const { state } = profile();
		expect(await state.open()).toBe(true);
		state.fail(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
		expect(await state.retry()).toBe(true);
		expect(state.error).toBeUndefined();
	});
});

describe('storage state: pending writes', () => {
	it('counts a write from its start until it is committed', async () => {
		const { state } = profile();
		expect(await state.open()).toBe(true);
		expect(state.pending).toBe(0);
		const write = state.settings!.set('k', 1);
		expect(state.pending).toBe(1);
		await write;
		expect(state.pending).toBe(0);
		// Reads are not writes: nothing to lose by leaving during one.
		const read = state.settings!.get('k', 0);
		expect(state.pending).toBe(0);
		await read;
	});

	it('stops counting a write that fails', async () => {
		const { state } = profile();
		expect(await state.open()).toBe(true);
		await expect(state.exams!.update('no-such-exam', () => {})).rejects.toThrow();
		// The transaction's abort event comes a moment after the promise rejects.
		await until(() => state.pending === 0, 'no pending write');
		expect(state.pending).toBe(0);
	});
});
