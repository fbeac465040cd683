import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { itemText, smallCodeSets } from '../../../tests/factories/item';
import {
	bankSources,
	checkBankImport,
	folderEntries,
	knownIds,
	unzipBank,
	type ArchiveEntry,
	type KnownIds
} from './import-bank';
import { formatProblem } from './types';
import { validateBanks, type SourceFile } from './validate';

const MANIFEST = `id: my-bank
title: My bank
description: Mine.
sections:
  - { id: icd10cm, title: ICD-10-CM }
`;

const item = (id: string, extra: Record<string, string> = {}) =>
	itemText({ front: { id, section: 'icd10cm', ...extra } });

function entries(files: Record<string, string>): ArchiveEntry[] {
	return Object.entries(files).map(([path, text]) => ({ path, bytes: strToU8(text) }));
}

const codes = smallCodeSets();
const validate = async (files: SourceFile[]) => validateBanks(files, codes);

const NONE: KnownIds = { banks: new Map(), items: new Map() };
const KNOWN: KnownIds = {
	banks: new Map([
		['cpc', { title: 'CPC', imported: false }],
		['my-old', { title: 'Old deck', imported: true }]
	]),
	items: new Map([
		['cpc-em-0001', 'cpc'],
		['my-old-0001', 'my-old']
	])
};

describe('unzipBank', () => {
	it('reads bank.yaml and .md files only, ignoring paths with ..', () => {
		const zip = zipSync({
			'my-bank/bank.yaml': strToU8(MANIFEST),
			'my-bank/my-bank-0001.md': strToU8('x'),
			'my-bank/notes.txt': strToU8('ignored'),
			'my-bank/.DS_Store': strToU8('ignored'),
			'../evil.md': strToU8('ignored'),
			'my-bank/../../evil2.md': strToU8('ignored'),
			'__MACOSX/my-bank/._x.md': strToU8('ignored')
		});
		const r = unzipBank(zip);
		expect('entries' in r && r.entries.map((e) => e.path)).toEqual([
			'my-bank/bank.yaml',
			'my-bank/my-bank-0001.md'
		]);
	});

	it('refuses too many entries, too many bytes unpacked, or a big zip, before inflating', () => {
		const zip = zipSync({
			'b/bank.yaml': strToU8('a'),
			'b/a.md': strToU8('x'.repeat(5000)),
			'b/c.md': strToU8('y')
		});
		const limits = { entries: 2, totalBytes: 1e9, zipBytes: 1e9 };
		expect(unzipBank(zip, limits)).toEqual({ problem: 'the zip holds more than 2 bank files' });
		expect(unzipBank(zip, { ...limits, entries: 10, totalBytes: 4000 })).toEqual({
			problem: 'the zip unpacks to more than 4 kB'
		});
		expect(unzipBank(zip, { ...limits, zipBytes: 10 })).toMatchObject({
			problem: expect.stringMatching(/^the zip is .* at most/)
		});
	});

	it('says a file that is not a zip cannot be read', () => {
		expect(unzipBank(strToU8('not a zip at all'))).toMatchObject({
			problem: expect.stringMatching(/could not be read as a zip/)
		});
	});
});

describe('folderEntries', () => {
	it('keeps bank files and applies the limits', () => {
		const files = [
			{ path: 'pick/bank.yaml', size: 10 },
			{ path: 'pick/a.md', size: 10 },
			{ path: 'pick/photo.png', size: 10_000 }
		];
		expect(folderEntries(files)).toEqual({ keep: [0, 1] });
		expect(folderEntries(files, { entries: 1, totalBytes: 100, zipBytes: 0 })).toMatchObject({
			problem: expect.stringMatching(/more than 1 bank files/)
		});
	});
});

describe('bankSources', () => {
	it('names each file by its path and its bank by the folder with the bank.yaml', () => {
		const { files, problems } = bankSources(
			entries({
				'pick/my-bank/bank.yaml': MANIFEST,
				'pick/my-bank/items/my-bank-0001.md': 'x',
				'pick/stray.md': 'y'
			}),
			'pick'
		);
		expect(files.map((f) => [f.path, f.bank])).toEqual([
			['pick/my-bank/bank.yaml', 'my-bank'],
			['pick/my-bank/items/my-bank-0001.md', 'my-bank']
		]);
		expect(problems.map(formatProblem)).toEqual([
			'pick/stray.md:1: this file is in no bank folder: a bank folder holds a bank.yaml'
		]);
	});

	it('takes the root name for a bank.yaml at the top, and says when there is none', () => {
		expect(bankSources(entries({ 'bank.yaml': MANIFEST }), 'my-bank').files[0]!.bank).toBe(
			'my-bank'
		);
		expect(bankSources(entries({ 'a.md': 'x' }), 'stuff').problems.map(formatProblem)).toContain(
			'stuff:1: no bank.yaml found: a bank is a folder with a bank.yaml and one .md file per item'
		);
	});
});

describe('checkBankImport', () => {
	it('returns the validated bank when all is well', async () => {
		const r = await checkBankImport(
			entries({ 'my-bank/bank.yaml': MANIFEST, 'my-bank/my-bank-0001.md': item('my-bank-0001') }),
			'x',
			validate,
			KNOWN
		);
		expect(r.problems).toEqual([]);
		expect(r.banks.map((b) => [b.id, b.items.map((i) => i.id)])).toEqual([
			['my-bank', ['my-bank-0001']]
		]);
	});

	it("reports the validator's problems as file:line and imports nothing", async () => {
		const r = await checkBankImport(
			entries({
				'my-bank/bank.yaml': MANIFEST,
				'my-bank/my-bank-0001.md': item('my-bank-0001'),
				'my-bank/my-bank-0002.md': item('my-bank-0002', { answer: 'E' })
			}),
			'x',
			validate,
			NONE
		);
		expect(r.banks).toEqual([]);
		expect(r.problems.map(formatProblem)).toEqual([
			'my-bank/my-bank-0002.md:10: answer "E" is not one of the options A-D'
		]);
	});

	it('names the shipped or imported bank an id clashes with, at the id line', async () => {
		const cpc = MANIFEST.replace('id: my-bank', 'id: cpc');
		const r = await checkBankImport(
			entries({
				'cpc/bank.yaml': cpc,
				'cpc/cpc-em-0001.md': item('cpc-em-0001'),
				'cpc/my-old-0001.md': item('my-old-0001'),
				'cpc/fresh-0001.md': item('fresh-0001')
			}),
			'x',
			validate,
			KNOWN
		);
		expect(r.banks).toEqual([]);
		expect(r.problems.map(formatProblem)).toEqual([
			'cpc/bank.yaml:1: bank id "cpc" is the id of the shipped bank "CPC": choose another id',
			'cpc/cpc-em-0001.md:2: item id "cpc-em-0001" is already used by the shipped bank "CPC"',
			'cpc/my-old-0001.md:2: item id "my-old-0001" is already used by the imported bank "Old deck"'
		]);
	});

	it('refuses a bank without items', async () => {
		const r = await checkBankImport(
			entries({ 'my-bank/bank.yaml': MANIFEST }),
			'x',
			validate,
			NONE
		);
		expect(r.problems.map(formatProblem)).toEqual([
			'my-bank/bank.yaml:1: bank "my-bank" has no items: add one .md file per item beside its bank.yaml'
		]);
	});
});

describe('knownIds', () => {
	it('lists shipped and imported banks and items, marking which were imported', () => {
		const deck = {
			id: 'my-deck',
			title: 'Deck',
			description: '',
			order: 5000,
			sections: [],
			items: [{ id: 'my-deck-0001' }]
		} as unknown as import('./types').Bank;
		const k = knownIds(
			{ entries: [{ id: 'cpc-em-0001', bankId: 'cpc' }] },
			[{ id: 'cpc', title: 'CPC' }],
			[deck]
		);
		expect([...k.banks]).toEqual([
			['cpc', { title: 'CPC', imported: false }],
			['my-deck', { title: 'Deck', imported: true }]
		]);
		expect([...k.items]).toEqual([
			['cpc-em-0001', 'cpc'],
			['my-deck-0001', 'my-deck']
		]);
	});
});
