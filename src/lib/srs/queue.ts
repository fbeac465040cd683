/**
 * What the daily drill shows, in what order. Pure: cards, items and settings in; item ids out.
 *
 * 1. Due reviews, lowest retrievability first (the ones closest to being forgotten).
 * 2. New items up to the daily limit, sampled with weights toward the learner's weak sections for
 *    the exam they target. Sampling uses a per-item key from (seed, itemId), so the pick is stable
 *    within a day and a rebuilt queue continues where the last one stopped.
 * 3. Interleaved across sections: no section runs more than three in a row unless nothing else
 *    is left.
 */
import type { FSRS } from 'ts-fsrs';
import type { ExamPreset, ItemType } from '../content/types.ts';
import { hashUnit } from '../random.ts';
import { retrievability, State } from './scheduler.ts';
import type { CardRecord } from './types.ts';

export interface DrillItem {
	itemId: string;
	bankId: string;
	section: string;
	/** Flashcards keep short learning steps; scenario items do not (see `cardKind`). */
	type: ItemType;
	exams: readonly ExamPreset[];
}

export interface QueueInput {
	/** Every item that can be drilled. */
	items: readonly DrillItem[];
	/** Cards that may be due: at least every card whose due date is before `dayEnd`. */
	candidates: readonly CardRecord[];
	/** Ids of every item that already has a card (so it is not new). */
	known: ReadonlySet<string>;
	now: number;
	/** When the learner's day rolls over. */
	dayEnd: number;
	/** New items already introduced this learner day. */
	newToday: number;
	newPerDay: number;
	targetExam: ExamPreset;
	/** Section -> 0..1, 1 being the weakest; sections missing count as 0.5. */
	weakness: ReadonlyMap<string, number>;
	seed: number;
	fsrs: FSRS;
}

export const MAX_RUN = 3;

/** True if the card should be reviewed in a drill at `now`. */
export function isDue(c: CardRecord, now: number, dayEnd: number): boolean {
	if (c.state === State.New) return false;
	// Learning steps are minutes apart: wait for them. Reviews are due for the whole day.
	if (c.state === State.Review) return c.due < dayEnd;
	return c.due <= now;
}

export interface BuiltQueue {
	order: string[];
	/** Cards in learning steps due later today: they join the session when their step ends. */
	learning: { id: string; due: number }[];
	/** The items of `order` that are new, for the new and review counts. */
	fresh: string[];
}

export function buildQueue(q: QueueInput): BuiltQueue {
	const section = new Map(q.items.map((i) => [i.itemId, i.section]));
	const reviews = q.candidates
		.filter((c) => section.has(c.itemId) && isDue(c, q.now, q.dayEnd))
		.map((c) => ({ id: c.itemId, r: retrievability(q.fsrs, c, q.now) }))
		.sort((a, b) => a.r - b.r || a.id.localeCompare(b.id))
		.map((x) => x.id);

	const learning = q.candidates
		.filter((c) => section.has(c.itemId) && c.state !== State.New && c.state !== State.Review)
		.filter((c) => c.due > q.now && c.due < q.dayEnd)
		.map((c) => ({ id: c.itemId, due: c.due }));

	const room = Math.max(0, q.newPerDay - q.newToday);
	const fresh = room === 0 ? [] : pickNew(q, room);
	return {
		order: interleave([...reviews, ...fresh], (id) => section.get(id) ?? ''),
		learning,
		fresh
	};
}

/** Weighted sampling without replacement (Efraimidis-Spirakis keys u^(1/w)). */
function pickNew(q: QueueInput, count: number): string[] {
	return q.items
		.filter((i) => !q.known.has(i.itemId))
		.map((i) => {
			const targeted = i.exams.includes(q.targetExam);
			const weak = q.weakness.get(i.section) ?? 0.5;
			const weight = targeted ? 1 + 2 * weak : 0.25;
			return { id: i.itemId, key: Math.pow(hashUnit(q.seed, i.itemId), 1 / weight) };
		})
		.sort((a, b) => b.key - a.key || a.id.localeCompare(b.id))
		.slice(0, count)
		.map((x) => x.id);
}

/**
 * Keeps priority order but never lets one section run past MAX_RUN while another section still
 * has items. O(n x sections): each step looks only at the head of each section's list.
 */
export function interleave(ids: readonly string[], sectionOf: (id: string) => string): string[] {
	const bySection = new Map<string, { id: string; rank: number }[]>();
	ids.forEach((id, rank) => {
		const s = sectionOf(id);
		const list = bySection.get(s) ?? [];
		list.push({ id, rank });
		bySection.set(s, list);
	});
	const heads = new Map([...bySection.keys()].map((s) => [s, 0]));
	const out: string[] = [];
	let runSection = '';
	let run = 0;
	while (out.length < ids.length) {
		let best: { s: string; rank: number } | undefined;
		let fallback: { s: string; rank: number } | undefined;
		for (const [s, list] of bySection) {
			const head = list[heads.get(s) ?? 0];
			if (!head) continue;
			if (!fallback || head.rank < fallback.rank) fallback = { s, rank: head.rank };
			if (s === runSection && run >= MAX_RUN) continue;
			if (!best || head.rank < best.rank) best = { s, rank: head.rank };
		}
		const pick = best ?? fallback;
		if (!pick) break;
		const i = heads.get(pick.s) ?? 0;
		out.push(bySection.get(pick.s)![i]!.id);
		heads.set(pick.s, i + 1);
		run = pick.s === runSection ? run + 1 : 1;
		runSection = pick.s;
	}
	return out;
}

/**
 * How weak each section is for the target exam, from scored answers: 1 minus a smoothed mean
 * score (one imaginary right and one wrong answer), so an unseen section counts as 0.5.
 */
export function sectionWeakness(
	answers: readonly { section: string; score: number }[]
): Map<string, number> {
	const sums = new Map<string, { n: number; score: number }>();
	for (const a of answers) {
		const s = sums.get(a.section) ?? { n: 0, score: 0 };
		s.n++;
		s.score += a.score;
		sums.set(a.section, s);
	}
	return new Map([...sums].map(([section, s]) => [section, 1 - (s.score + 1) / (s.n + 2)]));
}
