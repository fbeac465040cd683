import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CODEBOOK_QUERIES } from '../../../bench/codebook-queries';
import { miniTexts, realCodeBook } from '../../../tests/factories/codebook';
import { dataVersion } from '../server/codebook-data';
import { parseCodeBook, type CodeBookData } from './data';
import { INDEX_FORMAT, SearchIndex, type IndexSnapshot, type SearchFilters } from './search';
import { CodeBookService } from './service';
import { BOOK_FORMAT, packBook, snapshotKey, unpackBook } from './snapshot';

const miniCodeBook = (year: 2026 | 2027 = 2027) => parseCodeBook(miniTexts(), year);

let data: CodeBookData;
let built: SearchIndex;
let restored: SearchIndex;
let snap: IndexSnapshot;

// The real book: a build of its index (several seconds on a loaded machine), then the round
// trip through structured clone, as IndexedDB stores and reads it.
// Packing and restoring the whole book takes seconds beside other work on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

beforeAll(() => {
	data = realCodeBook();
	built = new SearchIndex(data);
	const stored = structuredClone({ book: packBook(data), index: built.snapshot() });
	snap = stored.index;
	const book = unpackBook(stored.book);
	restored = SearchIndex.restore(book, stored.index)!;
}, 120_000);

/** Queries of every kind: the bench's 50, each typed letter by letter, and some with filters. */
const QUERIES: [string, SearchFilters?][] = [
	...CODEBOOK_QUERIES.flatMap((q) =>
		Array.from({ length: q.length }, (_, i) => [q.slice(0, i + 1)] as [string])
	),
	['acetaminophen poisoning'],
	['neoplasm lung malignant'],
	['fracture femur', { system: 'icd10cm', billableOnly: true }],
	['diabetes', { chapter: 4 }],
	['wheelchair', { system: 'hcpcs' }],
	['resection appendix', { system: 'icd10pcs' }],
	['T39.1X1'],
	['']
];

describe('a restored index', () => {
	it('is there', () => {
		expect(restored).toBeInstanceOf(SearchIndex);
		expect(restored.size).toBe(built.size);
	});

	it('answers every query exactly as the freshly built one: same hits, same order, same total', () => {
		expect(QUERIES.length).toBeGreaterThan(800);
		for (const [q, filters] of QUERIES)
			expect(restored.search(q, filters, 50), q).toEqual(built.search(q, filters, 50));
	}, 120_000);

	it('keeps its answers through a service, which builds nothing for a search', () => {
		const book = unpackBook(structuredClone(packBook(data)));
		const service = new CodeBookService(book, SearchIndex.restore(book, snap));
		expect(service.indexed).toBe(true);
		expect(service.treeBuilt).toBe(false);
		expect(service.search('chf', {}, 10)).toEqual(built.search('chf', {}, 10));
		expect(service.node('E11.9').view?.node.title).toBe(
			'Type 2 diabetes mellitus without complications'
		);
	});
});

describe('the packed book', () => {
	it('is searched without making an entry or index-term object per row', () => {
		const book = unpackBook(structuredClone(packBook(data)));
		const entries = vi.spyOn(book, 'entries', 'get');
		const index = vi.spyOn(book, 'index', 'get');
		const search = SearchIndex.restore(book, snap)!;
		for (const [q, filters] of QUERIES.slice(0, 100)) search.search(q, filters, 50);
		expect(search.search('poisoning acetaminophen').hits[0]?.via).toBeDefined();
		expect(entries).not.toHaveBeenCalled();
		expect(index).not.toHaveBeenCalled();
	});

	it('is damaged: refused with a throw, which the worker takes as "no snapshot"', () => {
		const p = structuredClone(packBook(data));
		p.titles.ids[p.titles.ids.length - 1] = 0xff;
		expect(() => unpackBook(p)).toThrow();
		const q = structuredClone(packBook(data));
		q.flags[3] = 3;
		expect(() => unpackBook(q)).toThrow();
		const r = structuredClone(packBook(data));
		r.codes = r.codes.slice(1);
		expect(() => unpackBook(r)).toThrow();
	});

	it('unpacks to the parsed book', () => {
		const back = unpackBook(structuredClone(packBook(data)));
		expect(back.entries).toEqual(data.entries);
		expect(back.index).toEqual(data.index);
		expect(back.chapters).toEqual(data.chapters);
		expect(back.sections).toEqual(data.sections);
		expect(back.categorySection).toEqual(data.categorySection);
		expect(back.deleted).toEqual(data.deleted);
		expect(back.replacedBy).toEqual(data.replacedBy);
		expect(back.year).toBe(data.year);
	});

	it('keeps the FY2026 book (another year) and a tiny book whole', () => {
		for (const book of [miniCodeBook(), miniCodeBook(2026)]) {
			const back = unpackBook(structuredClone(packBook(book)));
			expect(back).toEqual(book);
		}
	});

	it('refuses another format', () => {
		expect(() => unpackBook({ ...packBook(miniCodeBook()), format: BOOK_FORMAT + 1 })).toThrow();
	});
});

describe('a stale or damaged snapshot', () => {
	const copy = () => structuredClone(snap);
	const cases: [string, () => unknown][] = [
		['nothing', () => undefined],
		['not an object', () => 'index'],
		['another format', () => ({ ...copy(), format: INDEX_FORMAT + 1 })],
		['another book (other entry count)', () => ({ ...copy(), entries: snap.entries - 1 })],
		['a missing array', () => ({ ...copy(), postings: undefined })],
		['an array of the wrong type', () => ({ ...copy(), postings: Array.from(snap.postings) })],
		['truncated postings', () => ({ ...copy(), postings: snap.postings.slice(0, -5) })],
		[
			'a posting past the last document',
			() => {
				// Fewer documents than the postings name (the last everyday-term ones gone).
				const s = copy();
				return {
					...s,
					docKind: s.docKind.slice(0, -5),
					docRef: s.docRef.slice(0, -5),
					docEntry: s.docEntry.slice(0, -5)
				};
			}
		],
		[
			'postings cut in the middle of a number',
			() => {
				const s = copy();
				s.postings[s.postings.length - 1]! |= 0x80;
				return s;
			}
		],
		[
			'postings that do not rise within a word',
			() => {
				const s = copy();
				// The second posting of the first word with two or more: a gap of 0.
				let w = 0;
				while (s.postStart[w + 1]! - s.postStart[w]! < 2) w++;
				const bytes: number[] = [];
				let at = 0;
				for (let p = 0; p <= s.postStart[w]! + 1; p++) {
					while (s.postings[at]! & 0x80) at++;
					at++;
					if (p === s.postStart[w]!) bytes.push(at);
				}
				const second = bytes[0]!;
				const out = new Uint8Array(s.postings.length + 1);
				out.set(s.postings.subarray(0, second));
				out[second] = 0;
				out.set(s.postings.subarray(second), second + 1);
				return { ...s, postings: out };
			}
		],
		[
			'an index term past the last one',
			() => {
				const s = copy();
				s.docRef[s.docRef.length - 1] = snap.terms;
				return s;
			}
		],
		[
			'an unknown kind of document',
			() => {
				const s = copy();
				s.docKind[0] = 9;
				return s;
			}
		],
		['other index terms', () => ({ ...copy(), terms: snap.terms + 1 })],
		['a shorter vocabulary', () => ({ ...copy(), vocab: snap.vocab.slice(0, 1000) })],
		['a shorter code list', () => ({ ...copy(), codeNorm: snap.codeNorm.slice(0, 1000) })]
	];

	it.each(cases)('is refused (%s), never a throw', (_, make) => {
		expect(SearchIndex.restore(data, make())).toBeUndefined();
	});

	it('is refused for a book of other data: the caller builds afresh and answers rightly', () => {
		const mini = miniCodeBook();
		expect(SearchIndex.restore(mini, snap)).toBeUndefined();
		const index = SearchIndex.restore(mini, snap) ?? new SearchIndex(mini);
		expect(index.search('diabetes').hits.map((h) => h.code)).toContain('E11.9');
	});
});

describe('snapshotKey', () => {
	it('changes with the data version and the year, and holds both formats', () => {
		const key = snapshotKey('abc123def456', 2027);
		expect(snapshotKey('abc123def457', 2027)).not.toBe(key);
		expect(snapshotKey('abc123def456', 2026)).not.toBe(key);
		expect(key).toContain(`book${BOOK_FORMAT}`);
		expect(key).toContain(`index${INDEX_FORMAT}`);
	});

	it("takes a version that changes when any code-set file's content changes", () => {
		const files = [new TextEncoder().encode('E11.9\t1\tType 2'), new TextEncoder().encode('J1100')];
		const v = dataVersion(files);
		expect(dataVersion(files)).toBe(v);
		expect(dataVersion([files[0]!, new TextEncoder().encode('J1101')])).not.toBe(v);
		expect(dataVersion([files[1]!, files[0]!])).not.toBe(v);
	});
});
