import { readdirSync, readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, type Backup } from '../backup/format';
import { readBackupFile } from '../backup/read';
import { readBackup } from '../backup/validate';
import { applyBackup, backupRepo, exportBackup } from './backup';
import { createDb, type CodeDrillDb } from './db';
import { drillRepo, flagsRepo } from './repositories';
import { cardKind, makeFsrs, Rating, review } from '../srs/scheduler';
import { DEFAULT_SRS } from '../srs/settings';
import { cardsBank } from '../content/import-cards';
import { validateBanks } from '../content/validate';
import { importedBanksRepo } from './imported-banks';
import { bankFiles, itemText, smallCodeSets } from '../../../tests/factories/item';

const FIXTURES = 'tests/fixtures/backup';
const NOW = Date.UTC(2026, 11, 2, 12);
const DAY = 86_400_000;
const utc = () => 0;
const ctx = {
	now: NOW,
	knownBanks: new Set(['cpc']),
	knownItems: new Set(['cpc-em-0001', 'cpc-em-0002', 'cpc-em-0003'])
};

let dbs = 0;
function freshDb(): CodeDrillDb {
	return createDb(`backup-${++dbs}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every table of the database, totals included, in primary-key order. */
async function snapshot(db: CodeDrillDb): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const t of db.tables) out[t.name] = await t.toArray();
	return out;
}

/** One drill grade through the real repository, as the drill page writes it. */
async function grade(db: CodeDrillDb, itemId: string, correct: boolean, at: number) {
	const meta = { itemId, bankId: 'cpc', section: 'em' };
	await drillRepo(db, utc).grade(itemId, (before) => {
		const r = review(
			makeFsrs(DEFAULT_SRS, cardKind('single-best-answer')),
			before,
			meta,
			correct ? Rating.Good : Rating.Again,
			at,
			Math.floor(at / DAY)
		);
		return {
			attempt: {
				...meta,
				itemType: 'single-best-answer',
				mode: 'drill',
				sessionId: `drill-${Math.floor(at / DAY)}`,
				response: correct ? 'B' : 'C',
				score: correct ? 1 : 0,
				correct,
				durationMs: 9000,
				at
			},
			card: r.card,
			log: r.log,
			session: { day: Math.floor(at / DAY), order: [itemId], pos: 1, learning: [] }
		};
	});
}

async function seeded(): Promise<CodeDrillDb> {
	const db = freshDb();
	const t0 = Date.UTC(2026, 10, 1, 9);
	await grade(db, 'cpc-em-0001', true, t0);
	await grade(db, 'cpc-em-0002', false, t0 + 60_000);
	await grade(db, 'cpc-em-0001', true, t0 + 3 * DAY);
	await flagsRepo(db).toggle({ itemId: 'cpc-em-0003', bankId: 'cpc', section: 'em', at: t0 });
	return db;
}

async function exportedText(db: CodeDrillDb, now = NOW): Promise<string> {
	return (await exportBackup(db, now)).parts.join('');
}

describe('export and replace', () => {
	it('gives back every table, the rebuilt totals included, in an empty database', async () => {
		const db = await seeded();
		const text = await exportedText(db);
		const read = readBackup(text, ctx);
		if (!read.ok) throw new Error(read.message);
		expect(read.counts).toMatchObject({ attempts: 3, reviews: 3, cards: 2, flags: 1 });
		const copy = freshDb();
		await applyBackup(copy, read.backup, 'replace', { offsetOf: utc });
		expect(await snapshot(copy)).toEqual(await snapshot(db));
	});

	it('carries imported banks whole: a deck from an Anki export and a bank the validator passed', async () => {
		const db = await seeded();
		const deck = cardsBank(
			[
				{
					line: 1,
					front: 'E11.9',
					back: 'Type 2 diabetes <b>without</b> complications',
					tags: ['dm']
				}
			],
			'My deck',
			'deck.txt'
		);
		const checked = validateBanks(bankFiles({ 'demo-0001': itemText() }), smallCodeSets());
		expect(checked.problems).toEqual([]);
		const banks = [deck, ...checked.banks];
		await importedBanksRepo(db).add(banks, NOW - DAY);
		const read = readBackup(await exportedText(db), {
			...ctx,
			knownBanks: new Set([...ctx.knownBanks, ...banks.map((b) => b.id)]),
			knownItems: new Set([...ctx.knownItems, ...banks.flatMap((b) => b.items.map((i) => i.id))])
		});
		if (!read.ok) throw new Error(read.message);
		expect(read.counts.banks).toBe(2);
		const copy = freshDb();
		await applyBackup(copy, read.backup, 'replace', { offsetOf: utc });
		expect(await importedBanksRepo(copy).all()).toEqual(await importedBanksRepo(db).all());
	});

	it('exports the derived settings rows not at all, and counts what it wrote', async () => {
		const db = await seeded();
		const { counts, parts } = await exportBackup(db, NOW);
		const file = JSON.parse(parts.join('')) as Backup;
		expect(file.tables.settings.map((s) => s.key)).toEqual(['drill-session']);
		expect(counts).toEqual({
			cards: 2,
			reviews: 3,
			attempts: 3,
			exams: 0,
			settings: 1,
			banks: 0,
			flags: 1,
			reports: 0
		});
		expect(await backupRepo(db).counts()).toEqual(counts);
	});

	it('writes nothing when the transaction fails part-way', async () => {
		const db = await seeded();
		const before = await snapshot(db);
		const read = readBackup(await exportedText(db), ctx);
		if (!read.ok) throw new Error(read.message);
		// Two reviews with one id: the second bulkAdd fails after the cards were already replaced.
		const broken = structuredClone(read.backup);
		broken.tables.reviews.push({ ...broken.tables.reviews[0]! });
		broken.tables.cards = [];
		await expect(applyBackup(db, broken, 'replace', { offsetOf: utc })).rejects.toThrow();
		expect(await snapshot(db)).toEqual(before);
	});
});

describe('reading a backup file', () => {
	it('imports a backup written by the version 3 app (no reports table)', async () => {
		const db = freshDb();
		const file = new Blob([readFileSync(`${FIXTURES}/ok-schema3.json`)]);
		const read = await readBackupFile(file, ctx);
		if (!read.ok) throw new Error(read.message);
		expect(read.backup.schema).toBe(3);
		await applyBackup(db, read.backup, 'replace', { offsetOf: utc });
		expect(await db.attempts.count()).toBe(1);
		expect(await db.reports.count()).toBe(0);
		expect(await db.itemTotals.get('cpc-em-0001')).toMatchObject({ attempts: 1, correct: 1 });
	});

	it('reads a gzipped backup as well as plain JSON', async () => {
		const db = await seeded();
		const { parts } = await exportBackup(db, NOW);
		const gz = await new Response(
			new Blob(parts).stream().pipeThrough(new CompressionStream('gzip'))
		).blob();
		const read = await readBackupFile(gz, ctx);
		expect(read.ok && read.counts.attempts).toBe(3);
	});

	const cases = JSON.parse(readFileSync(`${FIXTURES}/cases.json`, 'utf8')) as Record<
		string,
		string
	>;

	it('has a message for every malformed fixture, and a fixture for every message', () => {
		const files = readdirSync(FIXTURES).filter((f) => f !== 'cases.json' && !f.startsWith('ok-'));
		expect(files.sort()).toEqual(Object.keys(cases).sort());
		expect(files.length).toBeGreaterThanOrEqual(20);
	});

	it.each(Object.entries(cases))(
		'refuses %s with a plain message and changes nothing',
		async (name, fragment) => {
			const db = await seeded();
			const before = await snapshot(db);
			const read = await readBackupFile(new Blob([readFileSync(`${FIXTURES}/${name}`)]), ctx);
			if (read.ok) await applyBackup(db, read.backup, 'replace', { offsetOf: utc });
			expect(read.ok).toBe(false);
			expect(!read.ok && read.message).toContain(fragment);
			expect(await snapshot(db)).toEqual(before);
		}
	);

	it('refuses an oversized file before parsing it, plain or gzipped', async () => {
		const db = await seeded();
		const before = await snapshot(db);
		const big = `{"app":"codedrill","pad":"${'x'.repeat(3 * 1024 * 1024)}"}`;
		const plain = await readBackupFile(new Blob([big]), ctx, { maxBytes: 2 * 1024 * 1024 });
		expect(!plain.ok && plain.message).toContain('too large');
		expect(!plain.ok && plain.message).toContain('2 MB');
		// A small gzip that expands past the limit is stopped while it is being uncompressed.
		const bomb = await new Response(
			new Blob([big]).stream().pipeThrough(new CompressionStream('gzip'))
		).blob();
		expect(bomb.size).toBeLessThan(100_000);
		const read = await readBackupFile(bomb, ctx, { maxBytes: 2 * 1024 * 1024 });
		expect(!read.ok && read.message).toContain('too large');
		expect(await snapshot(db)).toEqual(before);
	});

	it('says which tables it writes', () => {
		expect(BACKUP_TABLES).toHaveLength(8);
	});
});
