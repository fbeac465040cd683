/**
 * Look-ups built from the official index tables, with their published codes: each sampled Table
 * of Drugs row and External Cause Index term typed as a coder would (term words plus the column,
 * without the non-essential modifiers in brackets). quality.test.ts holds the search to them and
 * the everyday bench (bench/codebook-eval.ts) prints the same figure beside its own.
 */
import type { CodeBookData, IndexTerm } from './data';

/** The words a coder would add for each drug table column. */
const COLUMN_WORDS: Record<string, string> = {
	'Poisoning Accidental (unintentional)': 'poisoning accidental',
	'Poisoning Intentional self-harm': 'poisoning self-harm',
	'Poisoning Assault': 'poisoning assault',
	'Poisoning Undetermined': 'poisoning undetermined',
	'Adverse effect': 'adverse effect',
	Underdosing: 'underdosing'
};

export interface OfficialCase {
	query: string;
	expected: string;
}

export function officialCases(
	data: CodeBookData,
	table: IndexTerm['table'],
	every: number
): OfficialCase[] {
	const rows = data.index.filter((t) => t.table === table);
	const out: OfficialCase[] = [];
	// Every n-th row: a fixed, spread-out sample across the alphabet (no randomness).
	for (let i = 0; i < rows.length; i += every) {
		const t = rows[i]!;
		const words = t.path.join(' ').replace(/\([^)]*\)/g, ' ');
		const query = `${words} ${COLUMN_WORDS[t.column] ?? ''}`.replace(/\s+/g, ' ').trim();
		out.push({ query, expected: t.code });
	}
	return out;
}

/** The sample the quality test uses: every 100th drug table row, every 30th external cause term. */
export function officialTableSet(data: CodeBookData): OfficialCase[] {
	return [...officialCases(data, 'drug', 100), ...officialCases(data, 'eindex', 30)];
}

/** Share of cases whose code (or a code under it) is in the top ten, and the misses. */
export function officialRecallAt10(
	search: (query: string) => readonly { code: string }[],
	set: readonly OfficialCase[]
): { recall: number; misses: OfficialCase[] } {
	const misses = set.filter(
		({ query, expected }) =>
			!search(query)
				.slice(0, 10)
				.some((h) => h.code === expected || h.code.startsWith(expected))
	);
	return { recall: 1 - misses.length / set.length, misses };
}
