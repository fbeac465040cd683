/**
 * Which bank items use a code: in an answer key, or anywhere in the scenario, options or
 * rationale. Answer keys hold codes as typed in the bank ("J1885 x2", "99213-25"), so both sides
 * are compared without dots and with units and modifiers cut off.
 */
import { itemTitle } from '$lib/content/item-title';
import type { Bank, Item } from '$lib/content/types';
import { kindOf } from '$lib/items/registry';
import { findCodes } from './code-links';
import { normalizeCode } from './normalize';

export interface ItemUse {
	bankId: string;
	bankTitle: string;
	itemId: string;
	/** The item's opening words, shown instead of its id. */
	title: string;
	type: Item['type'];
	/** True when the code is (part of) the item's answer. */
	inAnswer: boolean;
}

function keyCodes(item: Item): string[] {
	return kindOf(item).keyCodes(item);
}

function texts(item: Item): string[] {
	return kindOf(item).texts(item);
}

/** The first code-shaped run of a key entry: "J1885 x2" -> J1885, "99213-25" -> 99213. */
function keyCode(entry: string): string {
	return normalizeCode(entry.trim().split(/[\s-]/)[0] ?? '');
}

export function itemsUsingCode(banks: Bank[], code: string): ItemUse[] {
	const want = normalizeCode(code);
	const out: ItemUse[] = [];
	for (const bank of banks)
		for (const item of bank.items) {
			const inAnswer = keyCodes(item).some((k) => keyCode(k) === want);
			const inText = texts(item).some((t) =>
				findCodes(t).some((f) => normalizeCode(f.code) === want)
			);
			if (inAnswer || inText)
				out.push({
					bankId: bank.id,
					bankTitle: bank.title,
					itemId: item.id,
					title: itemTitle(item),
					type: item.type,
					inAnswer
				});
		}
	return out;
}
