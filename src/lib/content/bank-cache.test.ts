import { expect, it } from 'vitest';
import { cachePlan, isItemFile } from './bank-cache';

it('keeps the body files in the bank cache, not the index', () => {
	expect(isItemFile('/data/items/cpc-em-0-0123456789.json')).toBe(true);
	expect(isItemFile('/data/items.json')).toBe(false);
	expect(isItemFile('/data/banks.json')).toBe(false);
});

it('fetches what the cache lacks and drops what the build no longer lists', () => {
	const plan = cachePlan(
		['/data/items/a-1.json', '/data/items/b-1.json'],
		['/data/items/a-1.json', '/data/items/b-2.json']
	);
	expect(plan).toEqual({ fetch: ['/data/items/b-2.json'], drop: ['/data/items/b-1.json'] });
	expect(cachePlan([], ['/x'])).toEqual({ fetch: ['/x'], drop: [] });
});
