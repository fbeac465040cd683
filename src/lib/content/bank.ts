/** Small pure helpers over validated banks. */
import type { Bank, BankSummary, Item } from './types';

export function summarize(bank: Bank): BankSummary {
	const sectionCounts: Record<string, number> = {};
	for (const item of bank.items)
		sectionCounts[item.section] = (sectionCounts[item.section] ?? 0) + 1;
	const { items, ...meta } = bank;
	return { ...meta, itemCount: items.length, sectionCounts };
}

/** `mixed` means every section. */
export const MIXED = 'mixed';

export function itemsFor(bank: Bank, section: string): Item[] {
	return section === MIXED ? bank.items : bank.items.filter((i) => i.section === section);
}

export function sectionTitle(bank: Pick<Bank, 'sections'>, id: string): string {
	if (id === MIXED) return 'Mixed (all sections)';
	return bank.sections.find((s) => s.id === id)?.title ?? id;
}

export function indexById(items: readonly Item[]): ReadonlyMap<string, Item> {
	return new Map(items.map((i) => [i.id, i]));
}
