import { beforeAll, expect, it } from 'vitest';
import { realCodeBook } from '../../../tests/factories/codebook';
import { CodeBookService } from './service';

let book: CodeBookService;
beforeAll(() => {
	book = new CodeBookService(realCodeBook());
});

it('shows a code page without building the search index', () => {
	const { view } = book.node('E11.9');
	expect(view?.node.title).toBe('Type 2 diabetes mellitus without complications');
	expect(view?.ancestors.map((a) => a.id)).toEqual(['chapter:4', 'section:E08-E13', 'E11']);
	expect(book.roots('icd10cm')).toHaveLength(22);
	expect(book.node('E11.99')).toEqual({ deleted: undefined });
	expect(book.indexed).toBe(false);
	expect(book.indexMs).toBe(0);
});

// Building the index takes seconds, more on a loaded 2-core machine.
it('builds the index on the first search, once', { timeout: 60_000 }, () => {
	expect(book.search('e119', {}, 5).hits[0]?.code).toBe('E11.9');
	expect(book.indexed).toBe(true);
	const first = book.index();
	book.search('chf', {}, 5);
	expect(book.index()).toBe(first);
});

it('answers a code FY2027 deleted with its old title, successor and the index entries still naming it', () => {
	const found = book.node('T52.8X1A');
	expect(found.view).toBeUndefined();
	expect(found.deleted).toBe(
		'Toxic effect of other organic solvents, accidental (unintentional), initial encounter'
	);
	expect(found.replacedBy).toEqual(['T52.891A']);
	// The drug table names T52.8X1 (the coder adds the 7th character).
	const terms = found.indexTerms ?? [];
	expect(terms).toContain(
		'Table of Drugs and Chemicals: Acetal (Poisoning Accidental (unintentional))'
	);
});

it('shows a billable code FY2027 turned into a header, with its new codes below it', () => {
	const { view } = book.node('D69.1');
	expect(view?.node.entry).toMatchObject({
		billable: false,
		change: 'now-header',
		oldTitle: 'Qualitative platelet defects'
	});
	expect(view?.children.map((c) => c.id)).toEqual(['D69.11', 'D69.19']);
	expect(book.node('D69.11').view?.node.entry?.change).toBe('new');
	expect(book.node('Z29.14').view?.node.entry).toMatchObject({
		change: 'retitled',
		title: 'Encounter for prophylactic rabies immune globulin',
		oldTitle: 'Encounter for prophylactic rabies immune globin'
	});
});
