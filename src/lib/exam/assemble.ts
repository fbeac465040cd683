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

/**
 * What drawing an exam needs to know of an item: where it sits and what it is for, not its
 * text, so the picker can plan from a compact index of the banks.
 */
export type DrawableItem = Pick<Item, 'id' | 'bankId' | 'section' | 'type' | 'exams'>;

/** Items an area may draw, ignoring what other areas took. */
export function eligible<T extends DrawableItem>(
	preset: Preset,
	area: BlueprintArea,
	items: readonly T[]
): T[] {
	const types = area.types ?? preset.itemTypes;
	const sections = new Set(area.sections);
	return items.filter(
		(i) =>
			(preset.tag === undefined || i.exams.includes(preset.tag)) &&
			sections.has(`${i.bankId}/${i.section}`) &&
			types.includes(i.type)
	);
}

/**
 * Fills each area's `slots` from its candidates (ids, in the order the area prefers them), no id
 * in two areas, as many in all as can be: a maximum bipartite b-matching by augmenting paths
 * (Kuhn). An area first takes its own next free candidate, as a plain draw in blueprint order
 * would; only when none is left does it take one from an earlier area that can take another
 * instead. So an item two areas could use does not leave the later area short. Returns the ids
 * each area holds, in its candidate order.
 */
export function fillAreas(candidates: readonly (readonly string[])[], slots: readonly number[]) {
	/** id -> the area holding it. */
	const owner = new Map<string, number>();
	const held = candidates.map(() => 0);
	function augment(a: number, seen: Set<string>): boolean {
		for (const id of candidates[a]!)
			if (!owner.has(id)) {
				owner.set(id, a);
				return true;
			}
		for (const id of candidates[a]!) {
			if (seen.has(id)) continue;
			seen.add(id);
			const other = owner.get(id)!;
			if (other !== a && augment(other, seen)) {
				owner.set(id, a);
				return true;
			}
		}
		return false;
	}
	candidates.forEach((_, a) => {
		while (held[a]! < (slots[a] ?? 0) && augment(a, new Set())) held[a]!++;
	});
	return candidates.map((ids, a) => ids.filter((id) => owner.get(id) === a));
}

/**
 * For each area in blueprint order: items not in `avoid` (the learner's last exam) first, then
 * the rest, each group shuffled by the seed; an item drawn by one area is not drawn again, and an
 * item two areas could use goes where it lets the exam be whole (`fillAreas`).
 */
export function assemble(
	preset: Preset,
	items: readonly DrawableItem[],
	seed: number,
	avoid: ReadonlySet<string> = new Set()
): Assembly {
	const candidates = preset.blueprint.map((area) => {
		const pool = eligible(preset, area, items);
		const areaSeed = Math.floor(hashUnit(seed, area.id) * 2 ** 32);
		const fresh = shuffle(
			pool.filter((i) => !avoid.has(i.id)),
			areaSeed
		);
		const seen = shuffle(
			pool.filter((i) => avoid.has(i.id)),
			areaSeed + 1
		);
		return [...fresh, ...seen].map((i) => i.id);
	});
	const filled = fillAreas(
		candidates,
		preset.blueprint.map((a) => a.count)
	);
	const itemIds: string[] = [];
	const areaOf: Record<string, string> = {};
	const shortfalls: Shortfall[] = [];
	preset.blueprint.forEach((area, a) => {
		const drawn = filled[a]!;
		if (drawn.length < area.count)
			shortfalls.push({
				areaId: area.id,
				title: area.title,
				needed: area.count,
				available: drawn.length
			});
		for (const id of drawn) {
			itemIds.push(id);
			areaOf[id] = area.id;
		}
	});
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
