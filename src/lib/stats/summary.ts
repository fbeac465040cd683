/** Progress figures from the attempt log. Pure: the log in, numbers out. */

export interface AttemptLike {
	itemId: string;
	bankId: string;
	section: string;
	score: number;
	correct: boolean;
	at: number;
}

export interface SectionStats {
	bankId: string;
	section: string;
	attempts: number;
	correct: number;
	/** Mean score 0..1 (partial credit counts). */
	meanScore: number;
}

export interface Summary {
	attempts: number;
	correct: number;
	itemsSeen: number;
	meanScore: number;
	sections: SectionStats[];
	/** Distinct local days with at least one answer, counting back from `now`'s day. */
	streakDays: number;
}

function dayKey(ms: number, offsetMinutes: number): number {
	return Math.floor((ms - offsetMinutes * 60_000) / 86_400_000);
}

/**
 * `offsetMinutes` is `Date#getTimezoneOffset()` of the learner's zone, passed in so the result
 * does not depend on the machine running the tests.
 */
export function summarize(
	attempts: readonly AttemptLike[],
	now: number,
	offsetMinutes = 0
): Summary {
	const bySection = new Map<string, SectionStats>();
	let correct = 0;
	let scoreSum = 0;
	const days = new Set<number>();
	for (const a of attempts) {
		if (a.correct) correct++;
		scoreSum += a.score;
		days.add(dayKey(a.at, offsetMinutes));
		const k = `${a.bankId}\u0000${a.section}`;
		const s = bySection.get(k) ?? {
			bankId: a.bankId,
			section: a.section,
			attempts: 0,
			correct: 0,
			meanScore: 0
		};
		s.meanScore = (s.meanScore * s.attempts + a.score) / (s.attempts + 1);
		s.attempts++;
		if (a.correct) s.correct++;
		bySection.set(k, s);
	}
	let streakDays = 0;
	for (let d = dayKey(now, offsetMinutes); days.has(d); d--) streakDays++;
	return {
		attempts: attempts.length,
		correct,
		itemsSeen: new Set(attempts.map((a) => a.itemId)).size,
		meanScore: attempts.length ? scoreSum / attempts.length : 0,
		sections: [...bySection.values()].sort(
			(a, b) => a.meanScore - b.meanScore || a.section.localeCompare(b.section)
		),
		streakDays
	};
}
