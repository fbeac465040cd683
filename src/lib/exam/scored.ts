/**
 * What an exam scored each item against, kept with the exam when it is submitted: a report is a
 * record, so a key fixed or an item dropped by a later build changes neither its score nor the
 * key it shows. Pure: items go in, plain data comes out.
 */
import type { CodeKey, Item } from '../content/types';
import { isAnswered, type ItemResponse } from '../grading/item';
import { kindOf } from '../items/registry';

/**
 * What the scorer compared the answer against, as the item's kind writes it: a letter
 * (`{ choice }`), the codes of each part (`{ codes }`), or a billing kind's own key.
 */
export type ScoredKey = { choice: string } | { codes: CodeKey[] } | Record<string, unknown>;

/** One item of a submitted exam, as it was scored. */
export interface ScoredItem {
	/** 0..1 */
	score: number;
	correct: boolean;
	/** Absent for an item withdrawn before the submit, and for items without a key (flashcards). */
	key?: ScoredKey;
	/** A hash of the item as scored, to tell later that the bank has revised it. */
	version?: string;
	/** The bank no longer had the item at submit: shown as withdrawn, not scored. */
	withdrawn?: true;
}

/** How the bank's item now differs from the one scored; undefined when it does not. */
export type Revision = 'key' | 'wording';

export function keyOf(item: Item): ScoredKey | undefined {
	return kindOf(item).scoredKey(item) as ScoredKey | undefined;
}

/** FNV-1a, 32 bits: short, stable across browsers, and enough to notice an edit. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The version of an item as a learner answers it: its text, options, parts and key. The rationale
 * is left out on purpose: a clearer explanation does not change what was asked or scored.
 */
export function itemVersion(item: Item): string {
	return hash(JSON.stringify(kindOf(item).asked(item)));
}

/** Whether the bank's item is no longer the one scored: its key changed, or only its wording. */
export function revisionOf(item: Item, scored: ScoredItem): Revision | undefined {
	if (!scored.key || scored.version === undefined) return undefined;
	if (JSON.stringify(keyOf(item)) !== JSON.stringify(scored.key)) return 'key';
	return itemVersion(item) === scored.version ? undefined : 'wording';
}

/**
 * The bank's item with the key it was scored against put back, so the report compares the answer
 * with that key. An item whose kind changed since cannot take the old key and is shown as it is.
 */
export function withScoredKey(item: Item, key: ScoredKey | undefined): Item {
	if (!key) return item;
	return (kindOf(item).withKey(item, key) as Item | undefined) ?? item;
}

/** A stored key in one line, for an item the bank no longer has: `C`, or `E11.9, 99213 | I10`. */
export function scoredKeyText(key: ScoredKey | undefined): string {
	if (!key) return '';
	if ('choice' in key && typeof key.choice === 'string') return key.choice;
	if ('codes' in key && Array.isArray(key.codes))
		return (key.codes as CodeKey[])
			.map((k) => [...k.icd10cm, ...k.procedures, ...k.icd10pcs].join(', '))
			.join(' | ');
	return leaves(key).join(', ');
}

/** The words and numbers of a plain value, in order: a billing key without its item. */
function leaves(v: unknown, depth = 0): string[] {
	if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
	if (typeof v === 'number') return [String(v)];
	if (depth > 6 || !v || typeof v !== 'object') return [];
	return Object.values(v).flatMap((x) => leaves(x, depth + 1));
}

/** An answer in one line without its item (the bank has dropped it): `B`, or `E11.9 | I10`. */
export function answerText(response: ItemResponse | undefined): string {
	if (!isAnswered(response) || !response) return '—';
	if ('choice' in response) return response.choice;
	if (!('codes' in response)) return leaves(response).join(', ');
	return response.codes
		.map(
			(c) =>
				[c?.icd10cm, c?.procedures, c?.icd10pcs]
					.map((v) => v?.trim())
					.filter(Boolean)
					.join(', ') || '—'
		)
		.join(' | ');
}

/**
 * What a report shows of each item still in the bank: the item with the key it was scored
 * against, and how the bank has revised it since (if it has).
 */
export function reportItems(
	itemIds: readonly string[],
	bank: ReadonlyMap<string, Item>,
	scored: Readonly<Record<string, ScoredItem>> | undefined
): { items: ReadonlyMap<string, Item>; revisions: ReadonlyMap<string, Revision> } {
	const items = new Map<string, Item>();
	const revisions = new Map<string, Revision>();
	for (const id of itemIds) {
		const item = bank.get(id);
		if (!item) continue;
		const stored = scored?.[id];
		items.set(id, withScoredKey(item, stored?.key));
		const revision = stored ? revisionOf(item, stored) : undefined;
		if (revision) revisions.set(id, revision);
	}
	return { items, revisions };
}
