/**
 * Runs in Chromium (real IndexedDB), driven by bench/run.ts: fills a database with 20,000 cards
 * and 200,000 review logs, then times the drill's next-item selection and grade-to-next-card.
 */
import { createDb } from '../src/lib/db/db.ts';
import { attemptsRepo, drillRepo } from '../src/lib/db/repositories.ts';
import type { CardRecord, ReviewRecord } from '../src/lib/srs/types.ts';
import { DEFAULT_SRS } from '../src/lib/srs/settings.ts';
import { Rating } from '../src/lib/srs/scheduler.ts';
import { DrillEngine } from '../src/lib/state/drill-engine.ts';
import type { DrillItem } from '../src/lib/srs/queue.ts';

const CARDS = 20_000;
const LOGS = 200_000;
const DAY = 86_400_000;
const SECTIONS = [
	'em',
	'surgery',
	'radiology',
	'pathology-lab',
	'medicine',
	'anesthesia',
	'icd10cm',
	'hcpcs',
	'modifiers'
];

function pct(samples: number[], q: number): number {
	const s = [...samples].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

export async function run(): Promise<Record<string, number>> {
	const now = Date.now();
	const name = `bench-${now}`;
	const db = createDb(name, undefined, 'relaxed');
	const items: DrillItem[] = [];
	const cards: CardRecord[] = [];
	for (let i = 0; i < CARDS; i++) {
		const itemId = `item-${i}`;
		const section = SECTIONS[i % SECTIONS.length]!;
		items.push({ itemId, bankId: 'bench', section, type: 'flashcard', exams: ['CPC'] });
		// Spread due dates over the past week and the next year: about 2% are due today.
		const due = now - 7 * DAY + ((i * 7919) % 372) * DAY;
		cards.push({
			itemId,
			bankId: 'bench',
			section,
			due,
			stability: 10 + (i % 50),
			difficulty: 5,
			elapsedDays: 10,
			scheduledDays: 20,
			learningSteps: 0,
			reps: 5,
			lapses: i % 3,
			state: 2,
			lastReview: due - 20 * DAY
		});
	}
	// 2,000 never-drilled items as well, for the new-item pick.
	for (let i = CARDS; i < CARDS + 2000; i++)
		items.push({
			itemId: `item-${i}`,
			bankId: 'bench',
			section: SECTIONS[i % SECTIONS.length]!,
			type: 'flashcard',
			exams: ['CPC']
		});

	const t0 = performance.now();
	await db.cards.bulkAdd(cards);
	const cardsMs = performance.now() - t0;
	const chunk = 20_000;
	for (let start = 0; start < LOGS; start += chunk) {
		const logs: ReviewRecord[] = [];
		for (let i = start; i < start + chunk; i++) {
			const at = now - 400 * DAY + (i % 400) * DAY;
			logs.push({
				itemId: `item-${i % CARDS}`,
				rating: 3,
				state: 2,
				reviewedAt: at,
				day: Math.floor(at / DAY),
				elapsedDays: 10,
				scheduledDays: 20,
				before: null
			});
		}
		await db.reviews.bulkAdd(logs);
	}
	const fillMs = performance.now() - t0;

	const engine = new DrillEngine({
		drill: drillRepo(db),
		attempts: attemptsRepo(db),
		items,
		settings: { ...DEFAULT_SRS, fuzz: true },
		clock: () => Date.now(),
		offset: (t) => new Date(t).getTimezoneOffset()
	});
	const o0 = performance.now();
	await engine.open();
	const openMs = performance.now() - o0;
	const queueLength = engine.remaining;

	const select: number[] = [];
	const gradeToNext: number[] = [];
	const repo = drillRepo(db);
	for (let i = 0; i < 200; i++) {
		const s0 = performance.now();
		const id = engine.current();
		if (id === undefined) break;
		await repo.card(id);
		select.push(performance.now() - s0);

		const g0 = performance.now();
		await engine.grade(id, i % 5 === 0 ? Rating.Again : Rating.Good, {
			itemType: 'flashcard',
			response: 'Good',
			score: 1,
			correct: true,
			durationMs: 4000
		});
		engine.current();
		gradeToNext.push(performance.now() - g0);
	}
	db.close();
	await indexedDB.deleteDatabase(name);
	return {
		fillMs,
		cardsMs,
		openMs,
		queueLength,
		samples: select.length,
		selectP50: pct(select, 0.5),
		selectP95: pct(select, 0.95),
		gradeP50: pct(gradeToNext, 0.5),
		gradeP95: pct(gradeToNext, 0.95)
	};
}
