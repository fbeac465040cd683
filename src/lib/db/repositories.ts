/** Every read and write the app makes, per table. Components use these, never `db` directly. */
import type { AttemptRecord, CodeDrillDb } from './db';

export function attemptsRepo(db: CodeDrillDb) {
	return {
		/** Writes one answer; resolves with its id once it is committed. */
		async add(attempt: Omit<AttemptRecord, 'id'>): Promise<number> {
			const id = await db.attempts.add(attempt as AttemptRecord);
			return id as number;
		},
		all(): Promise<AttemptRecord[]> {
			return db.attempts.orderBy('at').toArray();
		},
		recent(limit: number): Promise<AttemptRecord[]> {
			return db.attempts.orderBy('at').reverse().limit(limit).toArray();
		},
		forSession(sessionId: string): Promise<AttemptRecord[]> {
			return db.attempts.where('sessionId').equals(sessionId).sortBy('at');
		},
		/** Ids of the items of a bank the learner has answered at least once. */
		async answeredIds(bankId: string): Promise<Set<string>> {
			const rows = await db.attempts
				.where('[bankId+section]')
				.between([bankId, ''], [bankId, '\uffff'])
				.toArray();
			return new Set(rows.map((r) => r.itemId));
		},
		count(): Promise<number> {
			return db.attempts.count();
		}
	};
}

export function settingsRepo(db: CodeDrillDb) {
	return {
		async get<T>(key: string, fallback: T): Promise<T> {
			const row = await db.settings.get(key);
			return row === undefined ? fallback : (row.value as T);
		},
		async set(key: string, value: unknown): Promise<void> {
			await db.settings.put({ key, value });
		}
	};
}

export type AttemptsRepo = ReturnType<typeof attemptsRepo>;
export type SettingsRepo = ReturnType<typeof settingsRepo>;
