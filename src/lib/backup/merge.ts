/**
 * Merges a backup into the local data (or any two backups), for a learner who uses two laptops.
 * Pure: tables in, tables out.
 *
 * Attempts and review logs are append-only, but their numeric ids are per database (`++id`), so
 * the same answer has different ids on two laptops. An attempt is therefore known by what it is
 * (session, item, time, mode) and a review by (item, time, rating); the union keeps each once,
 * the incoming ones renumbered after the local ids and each review's `attemptId` remapped.
 * A card whose review log gained reviews is rebuilt by replaying its whole merged log, in time
 * order, through ts-fsrs, and each review's `before` snapshot is recomputed on the way, so undo
 * puts back a card that belongs to the merged history.
 */
import type {
	AttemptRecord,
	CardRecord,
	ExamRecord,
	ReportRecord,
	ReviewRecord,
	SettingRecord
} from '../db/db';
import type { ItemType } from '../content/types';
import {
	cardKind,
	makeFsrs,
	review,
	type CardKind,
	type CardMeta,
	type Grade
} from '../srs/scheduler';
import type { SrsSettings } from '../srs/settings';
import { dayStartsAt } from '../srs/day';
import { DERIVED_SETTINGS, type BackupTables } from './format';

export interface MergeResult {
	tables: BackupTables;
	/** What the incoming side added: records new to the local side. */
	added: {
		attempts: number;
		reviews: number;
		exams: number;
		flags: number;
		reports: number;
		banks: number;
		settings: number;
	};
	/** Cards rebuilt from their merged review log. */
	replayed: number;
}

export interface MergeOptions {
	/** The item's type where the shipped index knows it; otherwise its attempts tell. */
	typeOf?: (itemId: string) => ItemType | undefined;
	/** The learner's zone offset at an instant, for the day a miss's card comes back. */
	offsetOf?: (at: number) => number;
}

export const attemptKey = (a: AttemptRecord): string =>
	`${a.sessionId}\u0000${a.itemId}\u0000${a.at}\u0000${a.mode}`;
export const reviewKey = (r: ReviewRecord): string =>
	`${r.itemId}\u0000${r.reviewedAt}\u0000${r.rating}`;

const byId = (a: { id?: number }, b: { id?: number }) => (a.id ?? 0) - (b.id ?? 0);
const byTime = (a: ReviewRecord, b: ReviewRecord) => a.reviewedAt - b.reviewedAt || byId(a, b);

/** Further along: closed over open; then more exam time used; then more answers. */
function furtherAlong(local: ExamRecord, incoming: ExamRecord): ExamRecord {
	const closed = (e: ExamRecord) =>
		e.submittedAt !== undefined || e.abandonedAt !== undefined ? 1 : 0;
	const rank = (e: ExamRecord) => [closed(e), e.usedMs ?? 0, Object.keys(e.answers).length];
	const [l, i] = [rank(local), rank(incoming)];
	for (let n = 0; n < l.length; n++) if (i[n]! !== l[n]!) return i[n]! > l[n]! ? incoming : local;
	return local;
}

const reportStamp = (r: ReportRecord) => Math.max(r.at, r.closedAt ?? 0);

/**
 * Replays one item's review log (sorted by time) from a new card: returns the card and the log
 * with each review's FSRS fields and `before` recomputed (ids, days, sources, attempts kept).
 */
export function replay(
	log: readonly ReviewRecord[],
	meta: CardMeta,
	srs: SrsSettings,
	kind: CardKind,
	offsetOf: (at: number) => number,
	/** Replay from review `from` (in time order) on, the card before it being `card`. */
	start: { from: number; card: CardRecord | null } = { from: 0, card: null }
): { card: CardRecord | null; log: ReviewRecord[] } {
	const f = makeFsrs(srs, kind);
	let card = start.card;
	const sorted = [...log].sort(byTime);
	const out = sorted.slice(0, start.from);
	for (const r of sorted.slice(start.from)) {
		const next = review(f, card, meta, r.rating as Grade, r.reviewedAt, r.day);
		out.push({
			...r,
			state: next.log.state,
			elapsedDays: next.log.elapsedDays,
			scheduledDays: next.log.scheduledDays,
			before: card
		});
		card = next.card;
		// A miss in practice or an exam comes back on the next learner day at the latest, as
		// relearnMiss (srs/misses.ts) wrote it.
		const tomorrow = dayStartsAt(r.day + 1, srs.dayStartHour, offsetOf(r.reviewedAt));
		if (r.source !== undefined && card.due > tomorrow) {
			card.due = tomorrow;
			card.scheduledDays = 1;
		}
	}
	return { card, log: out };
}

export function mergeTables(
	local: BackupTables,
	incoming: BackupTables,
	srs: SrsSettings,
	options: MergeOptions = {}
): MergeResult {
	const typeOf = options.typeOf ?? (() => undefined);
	const offsetOf = options.offsetOf ?? ((at: number) => new Date(at).getTimezoneOffset());
	// Attempts: union by natural identity; incoming ones renumbered after the local ids.
	const attempts = [...local.attempts].sort(byId);
	const localAttempt = new Map(attempts.map((a) => [attemptKey(a), a.id!]));
	let nextAttempt = attempts.reduce((m, a) => Math.max(m, a.id ?? 0), 0);
	const attemptIdOf = new Map<number, number>();
	let addedAttempts = 0;
	for (const a of [...incoming.attempts].sort(byId)) {
		const key = attemptKey(a);
		let id = localAttempt.get(key);
		if (id === undefined) {
			id = ++nextAttempt;
			localAttempt.set(key, id);
			attempts.push({ ...a, id });
			addedAttempts++;
		}
		attemptIdOf.set(a.id!, id);
	}

	// Reviews: the same, with each incoming review's attempt id remapped.
	const reviews = [...local.reviews].sort(byId);
	const localReview = new Set(reviews.map(reviewKey));
	let nextReview = reviews.reduce((m, r) => Math.max(m, r.id ?? 0), 0);
	// Local reviews keep their ids; every added one is numbered above this.
	const localMax = nextReview;
	const gained = new Set<string>();
	for (const r of [...incoming.reviews].sort(byId)) {
		const key = reviewKey(r);
		if (localReview.has(key)) continue;
		localReview.add(key);
		const added: ReviewRecord = { ...r, id: ++nextReview };
		if (r.attemptId !== undefined) {
			const to = attemptIdOf.get(r.attemptId);
			if (to === undefined) delete added.attemptId;
			else added.attemptId = to;
		}
		reviews.push(added);
		gained.add(r.itemId);
	}

	// Cards: rebuilt where the log gained reviews; otherwise the local card (or the incoming one).
	const cards = new Map(incoming.cards.map((c) => [c.itemId, c]));
	for (const c of local.cards) cards.set(c.itemId, c);
	const typeFromAttempts = new Map<string, ItemType>();
	const metaFromAttempts = new Map<string, CardMeta>();
	for (const a of attempts) {
		typeFromAttempts.set(a.itemId, a.itemType);
		metaFromAttempts.set(a.itemId, { itemId: a.itemId, bankId: a.bankId, section: a.section });
	}
	const localCards = new Map(local.cards.map((c) => [c.itemId, c]));
	const logOf = new Map<string, ReviewRecord[]>();
	for (const r of reviews) {
		if (!gained.has(r.itemId)) continue;
		const log = logOf.get(r.itemId);
		if (log) log.push(r);
		else logOf.set(r.itemId, [r]);
	}
	const rebuilt = new Map<number, ReviewRecord>();
	for (const [itemId, log] of logOf) {
		const had = cards.get(itemId);
		const meta: CardMeta = had
			? { itemId, bankId: had.bankId, section: had.section }
			: (metaFromAttempts.get(itemId) ?? { itemId, bankId: 'unknown', section: 'unknown' });
		const type = typeOf(itemId) ?? typeFromAttempts.get(itemId) ?? 'single-best-answer';
		// The part of the log before the first added review is the local log unchanged, so it is
		// not replayed: the card before that review is the local one's `before` (or the local
		// card, when every added review comes after the local ones). Two years of reviews on an
		// item are not replayed for yesterday's answer from the other laptop.
		const sorted = log.sort(byTime);
		const ours = sorted.filter((r) => r.id! <= localMax);
		const from = sorted.findIndex((r) => r.id! > localMax);
		const localCard = localCards.get(itemId);
		const start =
			from > 0 && from < ours.length
				? { from, card: ours[from]!.before }
				: from > 0 && from === ours.length && localCard
					? { from, card: localCard }
					: { from: 0, card: null };
		let out: ReturnType<typeof replay>;
		try {
			out = replay(sorted, meta, srs, cardKind(type), offsetOf, start);
		} catch {
			// A local snapshot the scheduler refuses (written by an older build): replay it all.
			out = replay(sorted, meta, srs, cardKind(type), offsetOf);
		}
		if (out.card) cards.set(itemId, out.card);
		for (const r of out.log) rebuilt.set(r.id!, r);
	}
	const mergedReviews = reviews.map((r) => rebuilt.get(r.id!) ?? r);

	// Exams by id, the one further along; flags and banks by id, local first; reports, newer.
	const exams = new Map(local.exams.map((e) => [e.id, e]));
	let addedExams = 0;
	for (const e of incoming.exams) {
		const had = exams.get(e.id);
		if (!had) addedExams++;
		exams.set(e.id, had ? furtherAlong(had, e) : e);
	}
	const flags = new Map(local.flags.map((f) => [f.itemId, f]));
	const flagsBefore = flags.size;
	for (const f of incoming.flags) if (!flags.has(f.itemId)) flags.set(f.itemId, f);
	const reports = new Map(local.reports.map((r) => [r.id, r]));
	let addedReports = 0;
	for (const r of incoming.reports) {
		const had = reports.get(r.id);
		if (!had) addedReports++;
		if (!had || reportStamp(r) > reportStamp(had)) reports.set(r.id, r);
	}
	const banks = new Map(local.banks.map((b) => [b.id, b]));
	const banksBefore = banks.size;
	for (const b of incoming.banks) if (!banks.has(b.id)) banks.set(b.id, b);
	const settings = new Map<string, SettingRecord>();
	for (const s of local.settings) if (!DERIVED_SETTINGS.includes(s.key)) settings.set(s.key, s);
	const settingsBefore = settings.size;
	for (const s of incoming.settings)
		if (!DERIVED_SETTINGS.includes(s.key) && !settings.has(s.key)) settings.set(s.key, s);

	return {
		tables: {
			cards: [...cards.values()],
			reviews: mergedReviews,
			attempts,
			exams: [...exams.values()],
			settings: [...settings.values()],
			banks: [...banks.values()],
			flags: [...flags.values()],
			reports: [...reports.values()]
		},
		added: {
			attempts: addedAttempts,
			reviews: reviews.length - local.reviews.length,
			exams: addedExams,
			flags: flags.size - flagsBefore,
			reports: addedReports,
			banks: banks.size - banksBefore,
			settings: settings.size - settingsBefore
		},
		replayed: logOf.size
	};
}
