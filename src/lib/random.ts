/**
 * Seeded randomness, so anything shuffled can be replayed exactly in tests and in a resumed
 * session. mulberry32: tiny, fast, and plenty for ordering questions (not for secrets).
 */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher-Yates on a copy. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	const next = rng(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

/**
 * A stable pseudo-random number in (0, 1) for a (seed, key) pair: the same item gets the same
 * number all day, so a queue rebuilt after a reload picks the same new items.
 */
export function hashUnit(seed: number, key: string): number {
	let h = 0x811c9dc5 ^ seed;
	for (let i = 0; i < key.length; i++) {
		h ^= key.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	// One mulberry32 round spreads FNV's low-entropy output; +1 keeps it strictly above zero.
	const x = rng(h)();
	return (x * 4294967295 + 1) / 4294967297;
}
