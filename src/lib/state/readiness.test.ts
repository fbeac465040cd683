import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { IndexEntry, ItemIndex } from '$lib/content/item-index';
import { createDb } from '$lib/db/db';
import type { AttemptRecord } from '$lib/db/db';
import { presetById } from '$lib/exam/presets';
import { MIN_AREA_ANSWERS, WINDOW_DAYS } from '$lib/stats/readiness';
import { ReadinessState } from './readiness.svelte';
import { StorageState } from './storage.svelte';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);

function setup(entries: IndexEntry[]) {
	const indexedDB = new IDBFactory();
	const storage = new StorageState(() => createDb('readiness-test', { indexedDB, IDBKeyRange }));
	const index: ItemIndex = { version: 't', entries, files: [], fileOf: new Map() };
	const state = new ReadinessState({ storage, index: () => Promise.resolve(index) });
	return { storage, state };
}

function entry(id: string, section: string, bankId = 'cpc'): IndexEntry {
	return { id, bankId, section, type: 'single-best-answer', exams: ['CPC', 'CRC'], difficulty: 2 };
}

function attempt(e: IndexEntry, at: number, correct: boolean): Omit<AttemptRecord, 'id'> {
	return {
		itemId: e.id,
		bankId: e.bankId,
		section: e.section,
		itemType: e.type,
		mode: 'practice',
		sessionId: 's',
		response: 'A',
		score: correct ? 1 : 0,
		correct,
		durationMs: 30_000,
		at
	};
}

describe('readiness state', () => {
	it('reads the target exam, the window’s totals and the index, and estimates', async () => {
		const em = Array.from({ length: 10 }, (_, n) => entry(`em-${n}`, 'em'));
		const { storage, state } = setup(em);
		await storage.open();
		// Twenty-five answers to E/M in the window (four in five right), one far outside it.
		for (let n = 0; n < MIN_AREA_ANSWERS + 5; n++)
			await storage.attempts!.add(attempt(em[n % 10]!, NOW - (n % 5) * DAY, n % 5 !== 0));
		await storage.attempts!.add(attempt(em[0]!, NOW - (WINDOW_DAYS + 5) * DAY, false));
		await state.load(NOW);
		expect(state.loaded).toBe(true);
		expect(state.error).toBeUndefined();
		expect(state.preset?.id).toBe('CPC');
		const r = state.result!;
		expect(r.presetId).toBe('CPC');
		const area = r.areas.find((a) => a.id === 'em')!;
		expect(area.answers).toBe(MIN_AREA_ANSWERS + 5);
		expect(area.pool).toBe(10);
		expect(area.seen).toBe(10);
		expect(area.score).toBeDefined();
		// One area of 17 with answers: too little of the exam for an overall number.
		expect(r.overall).toBeUndefined();
		expect(r.areas.find((a) => a.id === 'anatomy')!.score).toBeUndefined();
	});

	it('follows the target exam in the drill settings', async () => {
		const { storage, state } = setup([entry('dx-1', 'icd10cm', 'diagnosis')]);
		await storage.open();
		await storage.settings!.set('srs', { targetExam: 'CRC' });
		await state.load(NOW);
		expect(state.preset).toEqual(presetById('CRC'));
		expect(state.result!.areas.map((a) => a.id)).toEqual(['icd10cm', 'hcc', 'documentation']);
		expect(state.result!.areas[0]!.pool).toBe(1);
	});

	it('says what went wrong when the index cannot be read', async () => {
		const indexedDB = new IDBFactory();
		const storage = new StorageState(() => createDb('readiness-fail', { indexedDB, IDBKeyRange }));
		const state = new ReadinessState({
			storage,
			index: () => Promise.reject(new Error('offline'))
		});
		await state.load(NOW);
		expect(state.loaded).toBe(true);
		expect(state.result).toBeUndefined();
		expect(state.error).toMatch(/offline/);
	});
});
