/**
 * How far the banks cover the exam presets (issue 11): counts of items by bank, section, type,
 * difficulty and exam; each preset's shortfall per blueprint area as `assemble` draws it; the
 * exact number of items a preset can draw at most, and whether two disjoint copies of it fit.
 * Pure: `npm run banks:stats` prints it and the Exams page shows the shortfall.
 */
import type { Item } from '../content/types';
import { assemble, eligible, fillAreas, type DrawableItem, type Shortfall } from './assemble';
import type { Preset } from './presets';

export type Tally = Record<string, number>;

export interface Counts {
	bank: Tally;
	/** `bank/section`. */
	section: Tally;
	type: Tally;
	difficulty: Tally;
	/** An item tagged for several exams counts once for each. */
	exam: Tally;
}

export function countItems(items: readonly Item[]): Counts {
	const c: Counts = { bank: {}, section: {}, type: {}, difficulty: {}, exam: {} };
	const add = (t: Tally, k: string) => (t[k] = (t[k] ?? 0) + 1);
	for (const i of items) {
		add(c.bank, i.bankId);
		add(c.section, `${i.bankId}/${i.section}`);
		add(c.type, i.type);
		add(c.difficulty, String(i.difficulty));
		for (const e of i.exams) add(c.exam, e);
	}
	return c;
}

/**
 * The most items the blueprint can draw with each area taking at most `copies` times its count,
 * no item twice: the same matching `assemble` draws with (`fillAreas`), each area given
 * `count × copies` slots. Exact where a greedy by area order is not: an item eligible for two
 * areas may be needed by the later one.
 */
export function maxDrawable(preset: Preset, items: readonly DrawableItem[], copies = 1): number {
	const filled = fillAreas(
		preset.blueprint.map((a) => eligible(preset, a, items).map((i) => i.id)),
		preset.blueprint.map((a) => a.count * copies)
	);
	return filled.reduce((n, ids) => n + ids.length, 0);
}

export interface PresetCoverage {
	preset: Preset;
	/** Items the blueprint asks for. */
	needed: number;
	/** Areas `assemble` cannot fill, as the Exams page and a started exam see them. */
	shortfalls: Shortfall[];
	/** Items `assemble` draws short. */
	missing: number;
	/**
	 * Items short under the best assignment (0 when the preset can be drawn whole). `assemble`
	 * draws by the same maximum matching, so this equals `missing`, whatever the seed.
	 */
	missingAtBest: number;
	/** Whether two exams with no item in common can both be drawn whole. */
	twoDisjoint: boolean;
}

export function presetCoverage(preset: Preset, items: readonly DrawableItem[]): PresetCoverage {
	const needed = preset.blueprint.reduce((n, a) => n + a.count, 0);
	// Seed 0: the draw fills as many items as the matching can, whatever the seed.
	const a = assemble(preset, items, 0);
	return {
		preset,
		needed,
		shortfalls: a.shortfalls,
		missing: a.missing,
		missingAtBest: a.missing,
		twoDisjoint: maxDrawable(preset, items, 2) === 2 * needed
	};
}

function table(title: string, t: Tally): string {
	const rows = Object.entries(t).sort(([a], [b]) => a.localeCompare(b));
	const w = Math.max(...rows.map(([k]) => k.length), 0);
	return [`${title}:`, ...rows.map(([k, n]) => `  ${k.padEnd(w)}  ${String(n).padStart(5)}`)].join(
		'\n'
	);
}

/** What `npm run banks:stats` prints. */
export function coverageReport(items: readonly Item[], presets: readonly Preset[]): string {
	const c = countItems(items);
	const out = [
		`${items.length} item(s)`,
		table('By bank', c.bank),
		table('By section (bank/section)', c.section),
		table('By type', c.type),
		table('By difficulty', c.difficulty),
		table('By exam tag', c.exam),
		'Presets (short = items the blueprint lacks; 0 when it can be drawn whole):'
	];
	for (const p of presets) {
		const r = presetCoverage(p, items);
		const head =
			`  ${p.title}: needs ${r.needed}, short ${r.missingAtBest}` +
			`; two disjoint exams: ${r.twoDisjoint ? 'yes' : 'no'}`;
		out.push(head);
		for (const s of r.shortfalls)
			out.push(
				`    ${s.title}: needs ${s.needed}, has ${s.available} (${s.needed - s.available} short)`
			);
	}
	return out.join('\n');
}
