/**
 * Search quality against the official index tables: each sampled Table of Drugs row and External
 * Cause Index term is typed as a coder would (term words plus the column, without the
 * non-essential modifiers in brackets) and must bring its published code into the top ten.
 * The tables are themselves searchable documents in the shipped search, so this measures ranking
 * among ~240,000 documents, not understanding: it also prints recall@10 for a search over the
 * code titles alone (without the tables), which shows how much the tables add, and for queries
 * typed as 4-letter prefixes.
 */
import { beforeAll, expect, it } from 'vitest';
import { realCodeBook } from '../../../tests/factories/codebook';
import type { CodeBookData, IndexTerm } from './data';
import { SearchIndex } from './search';

/** The words a coder would add for each drug table column. */
const COLUMN_WORDS: Record<string, string> = {
	'Poisoning Accidental (unintentional)': 'poisoning accidental',
	'Poisoning Intentional self-harm': 'poisoning self-harm',
	'Poisoning Assault': 'poisoning assault',
	'Poisoning Undetermined': 'poisoning undetermined',
	'Adverse effect': 'adverse effect',
	Underdosing: 'underdosing'
};

interface Case {
	query: string;
	expected: string;
}

function cases(data: CodeBookData, table: IndexTerm['table'], every: number): Case[] {
	const rows = data.index.filter((t) => t.table === table);
	const out: Case[] = [];
	// Every n-th row: a fixed, spread-out sample across the alphabet (no randomness).
	for (let i = 0; i < rows.length; i += every) {
		const t = rows[i]!;
		const words = t.path.join(' ').replace(/\([^)]*\)/g, ' ');
		const query = `${words} ${COLUMN_WORDS[t.column] ?? ''}`.replace(/\s+/g, ' ').trim();
		out.push({ query, expected: t.code });
	}
	return out;
}

function recallAt10(index: SearchIndex, set: Case[]): { recall: number; misses: Case[] } {
	const misses = set.filter(
		({ query, expected }) =>
			!index
				.search(query, {}, 10)
				.hits.some((h) => h.code === expected || h.code.startsWith(expected))
	);
	return { recall: 1 - misses.length / set.length, misses };
}

let data: CodeBookData;
let set: Case[];
beforeAll(() => {
	data = realCodeBook();
	set = [...cases(data, 'drug', 100), ...cases(data, 'eindex', 30)];
});

it('recall@10 on the drug table and external cause index is at least 0.85', () => {
	const index = new SearchIndex(data);
	const shipped = recallAt10(index, set);
	const titlesOnly = recallAt10(new SearchIndex({ ...data, index: [] }), set);
	// As typed in a hurry: every word cut to its first four letters.
	const hurried = recallAt10(
		index,
		set.map((c) => ({ ...c, query: c.query.replace(/([a-z]{4})[a-z]+/gi, '$1') }))
	);
	console.log(
		`recall@10 over ${set.length} index terms: ${shipped.recall.toFixed(3)} (titles only: ${titlesOnly.recall.toFixed(3)}; ` +
			`every word cut to 4 letters: ${hurried.recall.toFixed(3)})\n` +
			`first misses: ${shipped.misses
				.slice(0, 8)
				.map((m) => `"${m.query}" -> ${m.expected}`)
				.join('; ')}`
	);
	expect(set.length).toBeGreaterThan(500);
	expect(shipped.recall).toBeGreaterThanOrEqual(0.85);
	expect(hurried.recall).toBeGreaterThanOrEqual(0.85);
}, 60_000);
