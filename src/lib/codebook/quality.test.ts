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
import type { CodeBookData } from './data';
import { officialRecallAt10, officialTableSet, type OfficialCase } from './official-cases';
import { SearchIndex } from './search';

function recallAt10(index: SearchIndex, set: OfficialCase[]) {
	return officialRecallAt10((query) => index.search(query, {}, 10).hits, set);
}

let data: CodeBookData;
let set: OfficialCase[];
beforeAll(() => {
	data = realCodeBook();
	set = officialTableSet(data);
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
