/** What a backup may refer to: the shipped banks and items (the item index) and imported ones. */
import type { ItemType } from '../content/types';

export interface Known {
	knownBanks: Set<string>;
	knownItems: Set<string>;
	/** The shipped item's type, for a merged card's scheduler. */
	typeOf: (itemId: string) => ItemType | undefined;
}

export function knownOf(
	shipped: readonly { id: string; bankId: string; type: ItemType }[],
	imported: { banks: readonly string[]; items: readonly string[] }
): Known {
	const types = new Map(shipped.map((e) => [e.id, e.type]));
	return {
		knownBanks: new Set([...shipped.map((e) => e.bankId), ...imported.banks]),
		knownItems: new Set([...types.keys(), ...imported.items]),
		typeOf: (id) => types.get(id)
	};
}
