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
