/**
 * Draws an exam from the banks by a preset's blueprint. Pure and seeded: the same seed, items
 * and history give the same exam, which is what lets tests (and a resumed exam) be exact.
 */
import type { Item } from '../content/types';
import { hashUnit, shuffle } from '../random';
import type { BlueprintArea, Preset } from './presets';

export interface Shortfall {
	areaId: string;
	title: string;
	needed: number;
	available: number;
}

export interface Assembly {
	itemIds: string[];
	/** Which blueprint area each drawn item counts toward. */
	areaOf: Record<string, string>;
	/** Areas the banks cannot fill, with how many items they have. */
	shortfalls: Shortfall[];
	/** Items the exam lacks in all (preset.items - itemIds.length). */
	missing: number;
}

/** Items an area may draw, ignoring what other areas took. */
export function eligible(preset: Preset, area: BlueprintArea, items: readonly Item[]): Item[] {
	const types = area.types ?? preset.itemTypes;
	return items.filter(
		(i) =>
			i.bankId === preset.bankId &&
			(preset.tag === undefined || i.exams.includes(preset.tag)) &&
			area.sections.includes(i.section) &&
			types.includes(i.type)
	);
}

/**
 * For each area in blueprint order: items not in `avoid` (the learner's last exam) first, then
 * the rest, each group shuffled by the seed; an item drawn by one area is not drawn again.
 */
export function assemble(
	preset: Preset,
	items: readonly Item[],
	seed: number,
	avoid: ReadonlySet<string> = new Set()
): Assembly {
	const taken = new Set<string>();
	const itemIds: string[] = [];
	const areaOf: Record<string, string> = {};
	const shortfalls: Shortfall[] = [];
	for (const area of preset.blueprint) {
		const pool = eligible(preset, area, items).filter((i) => !taken.has(i.id));
		const areaSeed = Math.floor(hashUnit(seed, area.id) * 2 ** 32);
		const fresh = shuffle(
			pool.filter((i) => !avoid.has(i.id)),
			areaSeed
		);
		const seen = shuffle(
			pool.filter((i) => avoid.has(i.id)),
			areaSeed + 1
		);
		const drawn = [...fresh, ...seen].slice(0, area.count);
		if (drawn.length < area.count)
			shortfalls.push({
				areaId: area.id,
				title: area.title,
				needed: area.count,
				available: drawn.length
			});
		for (const item of drawn) {
			taken.add(item.id);
			itemIds.push(item.id);
			areaOf[item.id] = area.id;
		}
	}
	const planned = preset.blueprint.reduce((n, a) => n + a.count, 0);
	return { itemIds, areaOf, shortfalls, missing: planned - itemIds.length };
}

/** "The CPC needs 100 items; the banks have 49 that fit (51 short): Surgery needs 36, has 8; ..." */
export function describeShortfall(preset: Preset, assembly: Assembly): string | undefined {
	if (assembly.missing <= 0) return undefined;
	const parts = assembly.shortfalls.map((s) => `${s.title} needs ${s.needed}, has ${s.available}`);
	return (
		`The ${preset.title} needs ${preset.items} items; the banks have ${assembly.itemIds.length} ` +
		`that fit (${assembly.missing} short). ${parts.join('; ')}.`
	);
}

/** Time for an exam cut short by a small bank: the preset's pace per item, whole minutes. */
export function scaledMinutes(preset: Preset, itemCount: number): number {
	if (itemCount >= preset.items) return preset.minutes;
	return Math.max(1, Math.round((preset.minutes * itemCount) / preset.items));
}
