/**
 * The learner's reports of problems with items (the `reports` table, version 4). Kept until the
 * learner deletes them; an open report (no `closedAt`) marks its item as disputed.
 */
import { REPORT_KINDS, type CodeDrillDb, type ReportKind, type ReportRecord } from './db';

/** Longest explanation kept: a few sentences for the author, not an essay. */
export const REPORT_TEXT_MAX = 1000;

/** What the learner writes; the repository adds the id and the time. */
export interface NewReport {
	itemId: string;
	bankId: string;
	itemVersion?: string;
	kind: ReportKind;
	text: string;
}

/** Bad input: said in words the learner can act on, and nothing is written. */
export class ReportError extends Error {
	override name = 'ReportError';
}

/** The reason a new report cannot be saved, or undefined when it can. Pure. */
export function reportProblem(r: Pick<NewReport, 'kind' | 'text' | 'itemId'>): string | undefined {
	if (!r.itemId) return 'The report names no item.';
	if (!(REPORT_KINDS as readonly string[]).includes(r.kind))
		return 'Choose what you think is wrong.';
	const text = r.text.trim();
	if (!text) return 'Write a short explanation of what is wrong.';
	if (text.length > REPORT_TEXT_MAX)
		return `The explanation is ${text.length} characters; at most ${REPORT_TEXT_MAX} are kept.`;
	return undefined;
}

export function reportsRepo(
	db: CodeDrillDb,
	/** Random ids, so two laptops' reports merge without clashing; tests pass a counter. */
	newId: () => string = () => crypto.randomUUID()
) {
	return {
		/** Saves a report (its text trimmed); throws `ReportError` on bad input, writing nothing. */
		async add(r: NewReport, now: number): Promise<ReportRecord> {
			const problem = reportProblem(r);
			if (problem) throw new ReportError(problem);
			const record: ReportRecord = {
				id: newId(),
				itemId: r.itemId,
				bankId: r.bankId,
				kind: r.kind,
				text: r.text.trim(),
				at: now
			};
			if (r.itemVersion !== undefined) record.itemVersion = r.itemVersion;
			await db.reports.add(record);
			return record;
		},
		/** Every report, newest first (through the `at` index). */
		all(): Promise<ReportRecord[]> {
			return db.reports.orderBy('at').reverse().toArray();
		},
		/** The item's open reports, newest first, read through the `itemId` index. */
		async openFor(itemId: string): Promise<ReportRecord[]> {
			const mine = await db.reports.where('itemId').equals(itemId).toArray();
			return mine.filter((r) => r.closedAt === undefined).sort((a, b) => b.at - a.at);
		},
		/** Closes the report (fixed, or withdrawn); resolves with it, or undefined if it is gone. */
		close(id: string, now: number): Promise<ReportRecord | undefined> {
			return db.transaction('rw', db.reports, async () => {
				const r = await db.reports.get(id);
				if (!r) return undefined;
				if (r.closedAt === undefined) {
					r.closedAt = now;
					await db.reports.put(r);
				}
				return r;
			});
		},
		reopen(id: string): Promise<ReportRecord | undefined> {
			return db.transaction('rw', db.reports, async () => {
				const r = await db.reports.get(id);
				if (!r) return undefined;
				if (r.closedAt !== undefined) {
					delete r.closedAt;
					await db.reports.put(r);
				}
				return r;
			});
		},
		delete(id: string): Promise<void> {
			return db.reports.delete(id);
		},
		/**
		 * Open reports. The table has no index on `closedAt` (adding one is a schema version), and
		 * a learner writes a handful of reports, not thousands: a filter over it is cheap.
		 */
		countOpen(): Promise<number> {
			return db.reports.filter((r) => r.closedAt === undefined).count();
		}
	};
}

export type ReportsRepo = ReturnType<typeof reportsRepo>;
