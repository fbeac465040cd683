/**
 * Typed codes in an exam: a learner who types K21.9 and closes the tab at once must find K21.9
 * stored, not a prefix. Writes go one after another; keystrokes typed while one is under way must
 * become one write of the latest value, not one write per keystroke queued behind each other.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import type { ExamRecord } from '$lib/db/db';
import { customPreset } from '$lib/exam/presets';

const ITEMS = Array.from({ length: 3 }, (_, i) => makeItem(`dx-${i}`, 'icd10cm', 'code-entry'));

vi.mock('./catalog.svelte', () => ({
	catalog: {
		bank: () => Promise.resolve({ id: 'cpc', title: 'CPC', items: ITEMS }),
		itemsByIds: () => Promise.resolve(new Map(ITEMS.map((i) => [i.id, i])))
	}
}));

/** Each exam write, held at a gate so the test decides when the first one finishes. */
const gate = { open: Promise.resolve(), release: () => {} };
const written: string[] = [];

vi.mock('$lib/db/repositories', async (importOriginal) => {
	const real = await importOriginal<typeof import('$lib/db/repositories')>();
	return {
		...real,
		examsRepo: (db: Parameters<typeof real.examsRepo>[0]) => {
			const repo = real.examsRepo(db);
			return {
				...repo,
				async update(id: string, change: (e: ExamRecord) => void) {
					await gate.open;
					return repo.update(id, (e) => {
						const before = JSON.stringify(e.answers);
						change(e);
						const answer = e.answers['dx-0'];
						if (JSON.stringify(e.answers) !== before && answer && 'codes' in answer)
							written.push(answer.codes[0]?.icd10cm ?? '');
					});
				}
			};
		}
	};
});

const { storage } = await import('./storage.svelte');
const { ExamSession } = await import('./exam.svelte');
const { planExam, startExam } = await import('./exam-engine');

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('exam: typed codes', () => {
	it('writes the latest typing next, not each keystroke queued behind a slow write', async () => {
		expect(await storage.open()).toBe(true);
		const preset = customPreset({
			bankId: 'cpc',
			sections: [{ id: 'icd10cm', title: 'ICD-10-CM' }],
			items: 3,
			minutes: 30
		});
		const plan = { ...planExam(preset, ITEMS, 1, new Set()), itemIds: ITEMS.map((i) => i.id) };
		const exam = await startExam(storage.exams!, plan, 1, Date.now());
		const session = new ExamSession();
		await session.load(exam.id);
		expect(session.phase).toBe('taking');
		expect(session.current?.id).toBe('dx-0');

		// The first keystroke's write is under way (and slow) ...
		gate.open = new Promise((r) => (gate.release = r));
		const type = (text: string) => session.respond({ codes: [{ icd10cm: text }] });
		type('K');
		await tick();
		// ... while the learner types the rest, one key per event-loop turn as a browser does.
		for (const text of ['K2', 'K21', 'K21.', 'K21.9']) {
			type(text);
			await tick();
		}
		// The page is hidden (the tab is closing): typed codes are flushed.
		const flushed = session.hidden();
		gate.release();
		await flushed;

		// A tab closed after two writes keeps what the second wrote: that must be the whole code.
		expect(written.slice(0, 2)).toEqual(['K', 'K21.9']);
		expect(written).toEqual(['K', 'K21.9']);
		expect(session.saving).toBe('saved');
		expect((await storage.exams!.get(exam.id))?.answers['dx-0']).toEqual({
			codes: [{ icd10cm: 'K21.9' }]
		});
	});
});
