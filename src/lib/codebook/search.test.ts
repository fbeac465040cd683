import { beforeAll, describe, expect, it } from 'vitest';
import { realCodeBook } from '../../../tests/factories/codebook';
import { prefixDistance, SearchIndex, type SearchFilters } from './search';

let index: SearchIndex;
// The real code book's index: about 2 s alone, several times that beside other work.
beforeAll(() => {
	index = new SearchIndex(realCodeBook());
}, 60_000);

const codes = (q: string, filters?: SearchFilters, n = 10) =>
	index
		.search(q, filters)
		.hits.slice(0, n)
		.map((h) => h.code);

describe('codes', () => {
	it.each(['e119', 'E11.9', 'e11 9', 'E119'])('%s finds E11.9 first', (q) => {
		expect(codes(q)[0]).toBe('E11.9');
	});

	it('a partial code lists the category, then its subcategories', () => {
		expect(codes('E11', { system: 'icd10cm' }, 4)).toEqual(['E11', 'E11.0', 'E11.1', 'E11.2']);
		expect(codes('s72.00', undefined, 1)).toEqual(['S72.00']);
	});

	it('an exact HCPCS or PCS code beats a longer code that starts the same', () => {
		expect(codes('J1100', undefined, 2)).toEqual(['J1100', 'J11.00']);
		expect(codes('0dtj4zz', undefined, 1)).toEqual(['0DTJ4ZZ']);
	});
});

describe('words', () => {
	it('finds type 2 diabetes without complications in the top three, words in any order', () => {
		expect(codes('type 2 diabetes without complications', undefined, 3)).toContain('E11.9');
		expect(codes('complications without diabetes type 2', undefined, 3)).toContain('E11.9');
	});

	it('matches prefixes of every word', () => {
		expect(codes('typ 2 diab witho compl', undefined, 3)).toContain('E11.9');
		expect(codes('ess hypert', undefined, 3)).toContain('I10');
	});

	it('tolerates small typos', () => {
		expect(codes('diabtes mellitus type 2 without complicatons', undefined, 3)).toContain('E11.9');
		expect(codes('pnuemonia unspecified organism')).toContain('J18.9');
		expect(codes('essental hypertension', undefined, 3)).toContain('I10');
	});

	it('finds nothing for words that are not there, rather than something random', () => {
		expect(index.search('zzqxv').hits).toEqual([]);
		expect(index.search('   ').hits).toEqual([]);
	});

	it('reaches codes through the index tables and says which term matched', () => {
		const hit = index.search('acetaminophen accidental').hits[0];
		expect(hit?.code).toBe('T39.1X1');
		expect(hit?.via).toBe(
			'Table of Drugs and Chemicals: Acetaminophen (Poisoning Accidental (unintentional))'
		);
	});

	it('leads a FY2026 index entry whose code FY2027 deleted to the code with its title, marked', () => {
		const hit = index.search('acetal accidental').hits.find((h) => h.via?.includes('Acetal ('));
		expect(hit?.code).toBe('T52.891');
		expect(hit?.via).toBe(
			'Table of Drugs and Chemicals: Acetal (Poisoning Accidental (unintentional)) [FY2026 index: T52.8X1 was deleted in FY2027]'
		);
	});
});

describe('plain words', () => {
	it('ranks by how much of the query an entry holds when no entry holds every word', () => {
		// No title says "sugar": the entries with "diabetes" still come, rather than nothing.
		const r = index.search('sugar diabetes mellitus');
		expect(r.hits.length).toBeGreaterThan(0);
		expect(r.hits[0]!.title).toMatch(/diabetes mellitus/i);
	});

	it('meets another form of a title word, even when the typed word starts other words', () => {
		// "diabetic" does not start "diabetes", "fractured" does not start "fracture".
		expect(codes('diabetic neuropathy', undefined, 5)).toContain('E11.40');
		expect(codes('fractured femur', undefined, 10).some((c) => c.startsWith('S72'))).toBe(true);
		expect(codes('obese', undefined, 1)).toEqual(['E66.9']);
		expect(codes('anemic', undefined, 3)).toContain('D64.9');
	});

	it('meets a body part through the adjective the title uses', () => {
		expect(codes('liver failure', undefined, 5).some((c) => c.startsWith('K72'))).toBe(true);
	});

	it('joins letters and digits split by a hyphen', () => {
		expect(codes('vitamin b-12 deficiency', undefined, 5).some((c) => c.startsWith('D51'))).toBe(
			true
		);
		expect(codes('covid-19', undefined, 1)).toEqual(['U07.1']);
		expect(codes('covid 19', undefined, 3)).toContain('U07.1');
	});

	it('brings the second condition of a two-condition query up beside the first', () => {
		const top = codes('urinary tract infection due to e coli', undefined, 3);
		expect(top).toContain('N39.0');
		// A code typed in parts is still a code: no partial matches of its parts.
		expect(index.search('e11 9').total).toBe(3);
	});

	it('says there is no close match rather than listing typo noise', () => {
		const r = index.search('xyzzy plugh');
		expect(r.hits).toEqual([]);
		expect(r.noCloseMatch).toBe(true);
		// One unknown word beside a known one: the known one's results, and the unknown named.
		const one = index.search('pneumonia xyzzyq');
		expect(one.hits.length).toBeGreaterThan(0);
		expect(one.unmatched).toEqual(['xyzzyq']);
	});
});

describe('what a coder means', () => {
	it.each([
		['pneumonia', 'J18.9'],
		['asthma', 'J45.909'],
		['gout', 'M10.9'],
		['obesity', 'E66.9'],
		['allergic rhinitis', 'J30.9']
	])('a bare %s puts the default code %s first', (q, code) => {
		expect(codes(q, undefined, 1)).toEqual([code]);
	});

	it('puts accidental first for a poisoning with no intent, and the typed intent when given', () => {
		expect(codes('acetaminophen poisoning', undefined, 1)).toEqual(['T39.1X1']);
		expect(codes('acetaminophen poisoning self harm', undefined, 1)).toEqual(['T39.1X2']);
	});

	it('puts diagnosis codes before quality-measure G-codes unless the query asks for them', () => {
		const top = codes('pneumonia', undefined, 20);
		expect(top.some((c) => /^(G8|G9|M1)\d{3}$/.test(c))).toBe(false);
		expect(codes('documented reason not screening high blood pressure', undefined, 3)).toContain(
			'G9745'
		);
	});

	it('takes diabetes with no type as type 2 and leaves history codes to a query that says so', () => {
		expect(codes('diabetic foot ulcer', undefined, 1)).toEqual(['E11.621']);
		expect(codes('history of diabetic foot ulcer', undefined, 1)).toEqual(['Z86.31']);
	});
});

describe('abbreviations', () => {
	it.each([
		['chf', /^I50/],
		['copd', /^J44/],
		['uti', /^N39\.0$/],
		['gerd', /^K21/],
		['dvt', /^I82\.4/],
		['ckd', /^N18/],
		['mi', /^I21/],
		['htn', /^I10$/]
	])('%s finds %s in the top ten', (q, pattern) => {
		expect(
			codes(q).some((c) => pattern.test(c)),
			codes(q).join(' ')
		).toBe(true);
	});

	it('does not let an abbreviation match the start of other words', () => {
		// "uti" must not rank "utilities" codes as if the learner meant them.
		expect(codes('uti', undefined, 3).some((c) => c.startsWith('Z59'))).toBe(false);
	});

	it('combines with other words', () => {
		expect(codes('copd exacerbation', undefined, 1)).toEqual(['J44.1']);
		expect(codes('dvt leg acute', undefined, 5).every((c) => c.startsWith('I82.4'))).toBe(true);
	});
});

describe('filters', () => {
	it('by code system', () => {
		const hits = index.search('dexamethasone', { system: 'hcpcs' }).hits;
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.every((h) => h.system === 'hcpcs')).toBe(true);
		expect(hits.map((h) => h.code)).toContain('J1100');
	});

	it('billable only drops headers', () => {
		const all = index.search('type 2 diabetes mellitus').hits;
		const billable = index.search('type 2 diabetes mellitus', { billableOnly: true }).hits;
		expect(all.some((h) => !h.billable)).toBe(true);
		expect(billable.length).toBeGreaterThan(0);
		expect(billable.every((h) => h.billable)).toBe(true);
	});

	it('by chapter', () => {
		const hits = index.search('infection', { chapter: 14 }).hits;
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.every((h) => h.chapter === 14 && h.system === 'icd10cm')).toBe(true);
		expect(codes('infection', { chapter: 14 })).toContain('N39.0');
	});

	it('apply to code look-up too', () => {
		expect(codes('E1190', { system: 'icd10cm' })).toEqual([]);
		expect(codes('E1190', { system: 'hcpcs' })).toEqual(['E1190']);
	});
});

describe('prefixDistance', () => {
	it('measures against the closest prefix, with transpositions', () => {
		expect(prefixDistance('diabtes', 'diabetes', 2)).toBe(1);
		expect(prefixDistance('pnuemo', 'pneumonia', 2)).toBe(1);
		expect(prefixDistance('diab', 'diabetes', 1)).toBe(0);
		expect(prefixDistance('xyzab', 'diabetes', 1)).toBe(2);
	});
});

describe('counts', () => {
	it.each(['E11.9', 'e119', 'I10', 'acetaminophen', 'chf', 'T20.0'])(
		'%s: the total counts each code once, however many ways it matched',
		(q) => {
			const all = index.search(q, {}, 100_000);
			expect(all.total).toBe(all.hits.length);
			expect(new Set(all.hits.map((h) => `${h.system}:${h.code}`)).size).toBe(all.hits.length);
		}
	);

	it('says how many codes match beyond the ones shown', () => {
		// E11.6 and the codes under it, and the HCPCS wheelchair codes E1160-E1161.
		const underE116 = realCodeBook().entries.filter((e) =>
			e.code.replace('.', '').startsWith('E116')
		).length;
		const few = index.search('E11.6', {}, 3);
		expect(few.hits).toHaveLength(3);
		expect(few.total).toBe(underE116);
	});
});

describe('chart shorthands', () => {
	it.each([
		['s/p appendectomy', /^Z90\.49$/],
		['n/v', /^R11\.2$/],
		['hx colon polyps', /^Z86\.010/],
		['fhx breast cancer', /^Z80\.3$/],
		['etoh abuse', /^F10\.1/],
		['low k', /^E87\.6$/],
		['low na', /^E87\.1$/],
		['lle cellulitis', /^L03\.116$/],
		['bka', /^Z89\.51/],
		['tka', /^Z96\.65/],
		['ppd', /^Z11\.1$/],
		['nsvd', /^O80$/],
		['hfref', /^I50\.2/],
		['gsw', /^(W3[234]|X9[345]|Y2[234])/]
	])('%s finds %s in the top ten', (q, pattern) => {
		expect(
			codes(q).some((c) => pattern.test(c)),
			codes(q).join(' ')
		).toBe(true);
	});

	it('keeps ordinary searches that share letters with a shorthand', () => {
		// "k" is potassium, but "vitamin k" is still vitamin K.
		expect(codes('vitamin k deficiency', undefined, 1)).toEqual(['E56.1']);
		// "w/o" is "without", as the titles write it.
		expect(codes('zoster w/o complications', undefined, 1)).toEqual(['B02.9']);
		// "c/o" adds nothing: "c/o chest pain" is chest pain.
		expect(codes('c/o chest pain', undefined, 3)).toContain('R07.9');
	});
});
