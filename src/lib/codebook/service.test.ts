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
