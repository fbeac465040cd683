/**
 * Every item kind, one line each. `ItemType`, `Item` and `ItemResponse` are derived from this
 * table, so a new kind is its folder, its line here and its bank files: the compiler then asks
 * for every part of the kind (kind.ts), and every `switch` on the type reaches it through here.
 */
import type { AnyKind, ItemOf, ResponseOf } from './kind.ts';
import { caseKind } from './case/index.ts';
import { claimScrub } from './claim-scrub/index.ts';
import { codeEntry } from './code-entry/index.ts';
import { denial } from './denial/index.ts';
import { emLevel } from './em-level/index.ts';
import { flashcard } from './flashcard/index.ts';
import { paymentPosting } from './payment-posting/index.ts';
import { singleBestAnswer } from './single-best-answer/index.ts';

export const KINDS = {
	'single-best-answer': singleBestAnswer,
	'code-entry': codeEntry,
	case: caseKind,
	flashcard,
	'em-level': emLevel,
	'claim-scrub': claimScrub,
	denial,
	'payment-posting': paymentPosting
} as const;

type Kinds = typeof KINDS;
export type ItemType = keyof Kinds;
export type Item = { [T in ItemType]: ItemOf<Kinds[T]> }[ItemType];
/** What a learner answered, in the one shape every mode stores. */
export type ItemResponse = { [T in ItemType]: ResponseOf<Kinds[T]> }[ItemType];

export const ITEM_TYPES = Object.keys(KINDS) as ItemType[];

export function isItemType(v: unknown): v is ItemType {
	return typeof v === 'string' && Object.hasOwn(KINDS, v);
}

/** The kind of an item, typed loosely: callers pass the item and a response read by `read`. */
export function kindOf(item: Pick<Item, 'type'>): AnyKind {
	return KINDS[item.type];
}

export function kindOfType(type: ItemType): AnyKind {
	return KINDS[type];
}

/** What each kind of item is called on screen. */
export function kindName(type: ItemType): string {
	return KINDS[type].name;
}
