import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeItem } from '../../../tests/factories/item';
import { summarize } from './bank';
import { buildItemIndex, ITEMS_PREFIX } from './item-index';
import { ItemStore } from './item-store';
import type { Bank, Item } from './types';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function bank(id: string, sections: Record<string, number>): Bank {
	const items = Object.entries(sections).flatMap(([section, n]) =>
		Array.from({ length: n }, (_, k) => ({
			...makeItem(`${id}-${section}-${k + 1}`, section),
			bankId: id
		}))
	);
	return { id, title: id, description: '', order: 1, sections: [], items };
}

const BANKS = [bank('cpc', { em: 40, surgery: 10 }), bank('billing', { claims: 10 })];

/** A network serving one build, counting what it serves; `down` makes every request fail. */
function stubNetwork() {
	const built = buildItemIndex(BANKS, sha);
	const fetched: string[] = [];
	const net = { fetched, down: false };
	vi.stubGlobal('fetch', async (url: string) => {
		if (net.down) throw new TypeError('Failed to fetch');
		fetched.push(url);
		if (url === '/data/items.json') return new Response(JSON.stringify(built.index));
		const body = built.bodies.get(url.slice(ITEMS_PREFIX.length));
		return body ? new Response(body) : new Response('', { status: 404 });
	});
	return net;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

it('fetches the index once and only the files holding the items asked for, each once', async () => {
	const net = stubNetwork();
	const store = new ItemStore();
	const got = await store.itemsByIds(['billing-claims-3', 'cpc-surgery-2']);
	expect([...got.keys()].sort()).toEqual(['billing-claims-3', 'cpc-surgery-2']);
	expect(got.get('cpc-surgery-2')?.section).toBe('surgery');
	expect(net.fetched).toHaveLength(3);
	expect(net.fetched[0]).toBe('/data/items.json');
	expect(net.fetched.slice(1).sort()).toEqual([
		expect.stringMatching(/^\/data\/items\/billing-claims-0-/),
		expect.stringMatching(/^\/data\/items\/cpc-surgery-0-/)
	]);
	// The same file again, and two callers at once: no new request.
	await Promise.all([store.itemsByIds(['cpc-surgery-5']), store.itemsByIds(['cpc-surgery-6'])]);
	expect(net.fetched).toHaveLength(3);
	// An id no build lists is simply absent.
	expect((await store.itemsByIds(['gone-1'])).size).toBe(0);
});

it('puts a whole bank together from its own files only, in bank order', async () => {
	const net = stubNetwork();
	const cpc = await new ItemStore().bank(summarize(BANKS[0]!));
	expect(cpc.items.map((i: Item) => i.id)).toEqual(BANKS[0]!.items.map((i) => i.id));
	expect(cpc.title).toBe('cpc');
	expect(net.fetched.filter((u) => u.includes('billing'))).toEqual([]);
});

it('forgets a failed fetch, so the next try (back online) fetches again', async () => {
	const net = stubNetwork();
	const store = new ItemStore();
	net.down = true;
	await expect(store.itemsByIds(['cpc-em-1'])).rejects.toThrow('Failed to fetch');
	net.down = false;
	expect((await store.itemsByIds(['cpc-em-1'])).has('cpc-em-1')).toBe(true);
});

it('fetches one section of a bank for practice on that section', async () => {
	const net = stubNetwork();
	const surgery = await new ItemStore().bank(summarize(BANKS[0]!), 'surgery');
	expect(surgery.items.map((i: Item) => i.id)).toEqual(
		BANKS[0]!.items.filter((i) => i.section === 'surgery').map((i) => i.id)
	);
	expect(net.fetched.slice(1)).toEqual([expect.stringMatching(/^\/data\/items\/cpc-surgery-/)]);
});

describe('imported banks', () => {
	const mine = { ...bank('my-deck', { cards: 3 }), order: 5000 };

	function storeWithImports() {
		const reads = { count: 0, banks: [mine] as Bank[] };
		const store = new ItemStore('/data/items.json', async () => {
			reads.count++;
			return reads.banks;
		});
		return { store, reads };
	}

	it('joins the index after the shipped items and reads the database once', async () => {
		stubNetwork();
		const { store, reads } = storeWithImports();
		const [a, b] = await Promise.all([store.index(), store.index()]);
		expect(a).toBe(b);
		const ids = a.entries.map((e) => e.id);
		expect(ids.slice(-3)).toEqual(['my-deck-cards-1', 'my-deck-cards-2', 'my-deck-cards-3']);
		expect(ids).toHaveLength(63);
		expect(a.entries.at(-1)).toMatchObject({ bankId: 'my-deck', section: 'cards' });
		expect(a.version).not.toBe((await store.shippedIndex()).version);
		await store.index();
		await store.itemsByIds(['my-deck-cards-1']);
		expect(reads.count).toBe(1);
	});

	it('serves imported items from memory, beside shipped ones', async () => {
		const net = stubNetwork();
		const { store } = storeWithImports();
		const only = await store.itemsByIds(['my-deck-cards-2']);
		expect(only.get('my-deck-cards-2')).toEqual(mine.items[1]);
		expect(net.fetched).toEqual([]);
		const both = await store.itemsByIds(['my-deck-cards-1', 'cpc-em-1']);
		expect([...both.keys()].sort()).toEqual(['cpc-em-1', 'my-deck-cards-1']);
	});

	it('puts an imported bank together without fetching, and reads again after forgetImported', async () => {
		const net = stubNetwork();
		const { store, reads } = storeWithImports();
		expect((await store.bank(summarize(mine))).items).toEqual(mine.items);
		expect(net.fetched).toEqual([]);
		reads.banks = [];
		expect((await store.index()).entries.some((e) => e.bankId === 'my-deck')).toBe(true);
		store.forgetImported();
		expect((await store.index()).entries.some((e) => e.bankId === 'my-deck')).toBe(false);
		expect(reads.count).toBe(2);
	});
});
