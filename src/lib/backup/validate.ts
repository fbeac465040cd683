/**
 * Reads a backup's text: JSON with no prototype-named keys, the header (app, format, schema),
 * the valibot schema, then the cross-checks a schema cannot express (duplicate ids, references
 * between tables, unknown banks and items). Nothing is written anywhere: the caller applies the
 * backup only when this says ok.
 */
import * as v from 'valibot';
import { DB_VERSION } from '../db/db';
import {
	BACKUP_APP,
	BACKUP_FORMAT,
	BACKUP_TABLES,
	countsOf,
	DERIVED_SETTINGS,
	type Backup,
	type BackupCounts,
	type BackupTable
} from './format';
import { backupSchema, issueText } from './schema';

export interface ReadContext {
	now: number;
	/** Ids of the shipped banks, and of the banks already imported on this computer. */
	knownBanks: ReadonlySet<string>;
	/** Ids of every item those banks hold. */
	knownItems: ReadonlySet<string>;
}

export type ReadResult =
	{ ok: true; backup: Backup; counts: BackupCounts } | { ok: false; message: string };

/** How many problems a message lists: enough to see a pattern, short enough to read. */
const SHOWN = 5;
const NEWER = 'made by a newer version of CodeDrill; update the app first';
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

class HostileKey extends Error {}

/** JSON.parse that refuses keys which could reach an object's prototype, anywhere in the file. */
export function parseJson(text: string): unknown {
	return JSON.parse(text, (key, value: unknown) => {
		if (FORBIDDEN.has(key)) throw new HostileKey(key);
		return value;
	});
}

function fail(message: string): ReadResult {
	return { ok: false, message };
}

function list(problems: string[]): string {
	const more = problems.length > SHOWN ? ` (and ${problems.length - SHOWN} more)` : '';
	return `This is not a usable backup: ${problems.slice(0, SHOWN).join('; ')}${more}.`;
}

export function readBackup(text: string, ctx: ReadContext): ReadResult {
	let raw: unknown;
	try {
		raw = parseJson(text);
	} catch (e) {
		if (e instanceof HostileKey)
			return fail(
				`This file is not a CodeDrill backup: it holds a key named "${e.message}", which a backup never has.`
			);
		const cut = text.trimEnd().length > 0 && /^\s*[{[]/.test(text);
		return fail(
			cut
				? 'This file is not a complete backup: its JSON is cut short or damaged.'
				: 'This file is not a CodeDrill backup: it is not JSON.'
		);
	}
	const header = checkHeader(raw);
	if (header) return fail(header);

	const parsed = v.safeParse(backupSchema(ctx.now), raw);
	if (!parsed.success) return fail(list(parsed.issues.map((i) => issueText(i))));
	const file = parsed.output;
	if (file.schema >= 4 && file.tables.reports === undefined)
		return fail(list(['reports: is missing']));
	const backup: Backup = {
		...file,
		app: BACKUP_APP,
		tables: {
			...file.tables,
			// Derived rows are rebuilt from the log after the import; a file's copy is ignored.
			settings: file.tables.settings.filter((s) => !DERIVED_SETTINGS.includes(s.key)),
			reports: file.tables.reports ?? []
		}
	} as Backup;
	const problems = crossCheck(backup, ctx);
	if (problems.length) return fail(list(problems));
	return { ok: true, backup, counts: countsOf(backup.tables) };
}

/** Wrong app or a newer version: said before any field is checked, as nothing else would help. */
function checkHeader(raw: unknown): string | undefined {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		return 'This file is not a CodeDrill backup: it holds no backup header.';
	const h = raw as Record<string, unknown>;
	if (h.app !== BACKUP_APP)
		return `This file is not a CodeDrill backup: its "app" is ${JSON.stringify(h.app ?? null).slice(0, 40)}, not "codedrill".`;
	if (typeof h.format === 'number' && h.format > BACKUP_FORMAT)
		return `This backup was ${NEWER} (file format ${h.format}; this app reads up to ${BACKUP_FORMAT}).`;
	if (typeof h.schema === 'number' && h.schema > DB_VERSION)
		return `This backup was ${NEWER} (data version ${h.schema}; this app has ${DB_VERSION}).`;
	return undefined;
}

/** Each table's identity: the key that must not repeat within the file. */
const KEY_OF: Record<BackupTable, (r: never) => unknown> = {
	cards: (r: { itemId: string }) => r.itemId,
	reviews: (r: { id: number }) => r.id,
	attempts: (r: { id: number }) => r.id,
	exams: (r: { id: string }) => r.id,
	settings: (r: { key: string }) => r.key,
	banks: (r: { id: string }) => r.id,
	flags: (r: { itemId: string }) => r.itemId,
	reports: (r: { id: string }) => r.id
};

function crossCheck(b: Backup, ctx: ReadContext): string[] {
	const problems: string[] = [];
	const t = b.tables;
	for (const table of BACKUP_TABLES) {
		const seen = new Set<unknown>();
		const keyOf = KEY_OF[table] as (r: unknown) => unknown;
		(t[table] as unknown[]).forEach((r, n) => {
			const k = keyOf(r);
			if (seen.has(k)) problems.push(`${table}[${n}]: the id ${JSON.stringify(k)} appears twice`);
			seen.add(k);
		});
	}
	const banks = new Set(ctx.knownBanks);
	const items = new Set(ctx.knownItems);
	t.banks.forEach((bank, n) => {
		const data = bank.data as { id: string; items: { id: string }[] };
		if (data.id !== bank.id)
			problems.push(`banks[${n}].data.id: "${data.id}" is not the bank's id "${bank.id}"`);
		banks.add(bank.id);
		for (const item of data.items) items.add(item.id);
	});
	const attemptIds = new Set(t.attempts.map((a) => a.id));
	t.reviews.forEach((r, n) => {
		if (r.attemptId !== undefined && !attemptIds.has(r.attemptId))
			problems.push(`reviews[${n}].attemptId: there is no attempt ${r.attemptId} in the file`);
	});
	const bankOf = (table: string, rows: { bankId: string }[]) =>
		rows.forEach((r, n) => {
			if (!banks.has(r.bankId))
				problems.push(`${table}[${n}].bankId: the bank "${r.bankId}" is unknown`);
		});
	bankOf('attempts', t.attempts);
	bankOf('cards', t.cards);
	bankOf('flags', t.flags);
	bankOf('reports', t.reports);
	// Attempts, reviews and exams of an item a later build dropped are history and stay; cards,
	// flags and reports of it would point the drill and the lists at an item nobody can open.
	const itemOf = (table: string, rows: { itemId: string }[]) =>
		rows.forEach((r, n) => {
			if (!items.has(r.itemId)) problems.push(`${table}[${n}].itemId: unknown item "${r.itemId}"`);
		});
	itemOf('cards', t.cards);
	itemOf('flags', t.flags);
	itemOf('reports', t.reports);
	return problems;
}
