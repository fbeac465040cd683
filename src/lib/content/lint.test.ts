import { describe, expect, it } from 'vitest';
import { makeItem, smallCodeSets } from '../../../tests/factories/item';
import { citationProblems, cptQuoteProblems, keyOf, lengthCues, nearDuplicates } from './lint';
import { formatProblem, type Item } from './types';

const codes = smallCodeSets();
const file = (text: string) => [{ path: 'b/x.md', text }];

describe('citationProblems', () => {
	it('finds a citation whose number is wrapped onto the next line, and names that line', () => {
		const sections = new Set(['I', 'I.C', 'I.C.4']);
		const text =
			'Intro.\nThe rule (ICD-10-CM Official Guidelines, Section\nI.C.4.z) and Section\nI.C.4.';
		expect(citationProblems(file(text), sections).map(formatProblem)).toEqual([
			'b/x.md:3: cites Section I.C.4.z, which the FY2026 ICD-10-CM Official Guidelines do not have'
		]);
	});

	const sections = new Set(['I', 'I.C', 'I.C.4', 'I.C.4.a', 'I.C.4.a.2', 'IV', 'IV.K']);
	it('names each citation of a missing section with its line', () => {
		const text =
			'Intro.\nSee Section I.C.4.a.2 and Section IV.K.\nSection I.C.25 and Sections IV.Z, I.C.4.a.9.';
		expect(citationProblems(file(text), sections).map(formatProblem)).toEqual([
			'b/x.md:3: cites Section I.C.25, which the FY2026 ICD-10-CM Official Guidelines do not have',
			'b/x.md:3: cites Section IV.Z, which the FY2026 ICD-10-CM Official Guidelines do not have',
			'b/x.md:3: cites Section I.C.4.a.9, which the FY2026 ICD-10-CM Official Guidelines do not have'
		]);
	});
});

describe('cptQuoteProblems', () => {
	const run = (text: string) => cptQuoteProblems(file(text), codes).map((p) => p.line);
	it('flags a quoted phrase of three or more words beside a CPT-shaped code', () => {
		expect(run('Code 82947 is "glucose, quantitative, blood" here.')).toEqual([1]);
		expect(run('0001U is “a long quoted lab name” too.')).toEqual([1]);
		expect(run('x\n“Three word phrase” fits 1234F.')).toEqual([2]);
	});
	it('leaves short quotes, other sentences and other lines alone', () => {
		expect(run('Code 99213 is "level three".')).toEqual([]);
		expect(run('Code 99213 was billed. Then "a quoted phrase here" came.')).toEqual([]);
		expect(run('Code 99213.\n"a quoted phrase here"')).toEqual([]);
		expect(run('E11.9 is "Type 2 diabetes mellitus".')).toEqual([]);
	});
	it('allows the official title of an ICD-10-CM or HCPCS code the item mentions', () => {
		expect(run('With 96372, J1885 is "Ketorolac tromethamine inj".')).toEqual([]);
		expect(run('96372 and E11.9, "Type 2 diabetes mellitus without complications".')).toEqual([]);
		// The same title does not excuse itself when its code is not in the item.
		expect(run('96372 is "Ketorolac tromethamine inj".')).toEqual([1]);
	});
});

function card(id: string, front: string, back: string): Item {
	return { ...makeItem(id, 'icd10cm', 'flashcard'), front, back } as Item;
}
function sba(id: string, scenario: string, keyed: string, answer = 'B'): Item {
	const i = makeItem(id, 'em');
	if (i.type !== 'single-best-answer') throw new Error('factory');
	return {
		...i,
		scenario,
		answer,
		options: i.options.map((o) => (o.letter === answer ? { ...o, text: keyed } : o))
	};
}

describe('nearDuplicates', () => {
	const scenario =
		'An established patient is seen for follow-up of hypertension and diabetes, moderate complexity.';
	it('pairs items with the same keyed text and a similar scenario, not the same letter', () => {
		const pairs = nearDuplicates([
			sba('a', scenario, '99214'),
			sba('b', scenario + ' Fictional.', '99214', 'C'),
			sba('c', scenario, '99213'),
			sba('d', 'A new patient with a sprained ankle, straightforward.', '99214')
		]).map((d) => [d.a.id, d.b.id]);
		expect(pairs).toEqual([['a', 'b']]);
	});
	it('pairs paraphrased flashcards, not cards that only share a topic', () => {
		const pairs = nearDuplicates([
			card(
				'w1',
				'How does ICD-10-CM treat the word "with" in the Alphabetic Index?',
				'"With" means associated with or due to: a causal link is presumed unless the provider says they are unrelated.'
			),
			card(
				'w2',
				'How does ICD-10-CM interpret the word "with" in the Index and code titles?',
				'As associated with or due to: a causal relationship is presumed unless documentation says they are unrelated.'
			),
			card(
				'l1',
				'How is laterality coded when a condition is bilateral?',
				'Use the bilateral code when one exists, else the right and left codes; unrelated to causal links.'
			)
		]).map((d) => [d.a.id, d.b.id]);
		expect(pairs).toEqual([['w1', 'w2']]);
	});
	it('compares code keys in first-listed order for diagnoses and as sets for procedures', () => {
		const ce = (icd: string[], proc: string[]) => {
			const i = makeItem('x', 'em', 'code-entry');
			return keyOf({ ...i, answer: { icd10cm: icd, procedures: proc, icd10pcs: [] } } as Item);
		};
		expect(ce(['E11.9', 'I10'], ['99213', 'J1885'])).toBe(ce(['E11.9', 'I10'], ['J1885', '99213']));
		expect(ce(['E11.9', 'I10'], [])).not.toBe(ce(['I10', 'E11.9'], []));
	});
	it('stays fast on 3,500 items (bucketed by key, indexed by word)', () => {
		const items: Item[] = [];
		for (let n = 0; n < 3500; n++)
			items.push(
				n % 2
					? card(
							`c${n}`,
							`Question ${n} about topic ${n % 97} term${n}`,
							`Answer ${n} words w${n} v${n % 13}`
						)
					: sba(`s${n}`, `${scenario} Visit ${n} note${n}.`, String(99202 + (n % 12)))
			);
		const t = performance.now();
		nearDuplicates(items);
		expect(performance.now() - t).toBeLessThan(5000);
	});
});

describe('lengthCues', () => {
	/** A prose item whose key has `keyLength` characters and whose other options have 50. */
	const prose = (id: string, keyLength: number, section = 'billing'): Item => {
		const base = makeItem(id, section);
		if (base.type !== 'single-best-answer') throw new Error('factory changed');
		return {
			...base,
			answer: 'B',
			options: ['A', 'B', 'C', 'D'].map((letter) => ({
				letter,
				text: 'x'.repeat(letter === 'B' ? keyLength : 50)
			}))
		};
	};

	it('names a section where the key is clearly the longest option too often, with its items', () => {
		const items = [
			...Array.from({ length: 5 }, (_, n) => prose(`long-${n}`, 70)),
			...Array.from({ length: 5 }, (_, n) => prose(`even-${n}`, 55))
		];
		expect(lengthCues(items)).toEqual([
			{
				section: 'cpc/billing',
				items: 10,
				longest: ['long-0', 'long-1', 'long-2', 'long-3', 'long-4']
			}
		]);
	});

	it('leaves alone a section at or under the share, a small one, and code-list options', () => {
		const balanced = [
			...Array.from({ length: 4 }, (_, n) => prose(`long-${n}`, 70)),
			...Array.from({ length: 6 }, (_, n) => prose(`even-${n}`, 55))
		];
		expect(lengthCues(balanced)).toEqual([]);
		expect(lengthCues(Array.from({ length: 7 }, (_, n) => prose(`s-${n}`, 90)))).toEqual([]);
		// The factory's options are short codes: their length says nothing.
		expect(lengthCues(Array.from({ length: 10 }, (_, n) => makeItem(`c-${n}`, 'em')))).toEqual([]);
	});
});
