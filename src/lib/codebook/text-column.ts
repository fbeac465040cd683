/**
 * Many short texts that share their words (190,000 code titles, 55,000 index-term paths) stored
 * as word numbers: a dictionary of the distinct words, most frequent first, and per text its
 * words' numbers as variable-length bytes. About a quarter of the bytes of the texts themselves,
 * and a plain typed array, so IndexedDB reads it fast and memory holds it as is; a text is
 * rebuilt only when asked for (a hit shown, a code page opened). Pure.
 */

/** The stored form (structured clone copies it as two strings' worth of bytes). */
export interface PackedTexts {
	/** The distinct words, most frequent first, joined by `\n`. */
	words: string;
	/** Per text, its words' numbers (LEB128: 7 bits a byte, the high bit says more follow). */
	ids: Uint8Array;
	/** Where each text's bytes start in `ids`, and one more: the end. */
	start: Int32Array;
}

/** Texts are split at single spaces, so any text comes back exactly ("a  b" holds an empty word). */
const SEP = ' ';

export function packTexts(texts: readonly string[]): PackedTexts {
	const count = new Map<string, number>();
	for (const t of texts) {
		if (t.includes('\n')) throw new Error('a text holds a line break');
		for (const w of t.split(SEP)) count.set(w, (count.get(w) ?? 0) + 1);
	}
	// Most frequent first: the 128 commonest words take one byte each, the next 16,000 two.
	const words = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : 1));
	const idOf = new Map(words.map((w, i) => [w, i]));
	const bytes: number[] = [];
	const start = new Int32Array(texts.length + 1);
	texts.forEach((t, i) => {
		start[i] = bytes.length;
		for (const w of t.split(SEP)) {
			let v = idOf.get(w)!;
			while (v >= 0x80) {
				bytes.push((v & 0x7f) | 0x80);
				v >>>= 7;
			}
			bytes.push(v);
		}
	});
	start[texts.length] = bytes.length;
	return { words: words.join('\n'), ids: Uint8Array.from(bytes), start };
}

/** Read access to packed texts; throws on construction when they do not hold together. */
export class TextColumn {
	readonly #words: string[];
	readonly #ids: Uint8Array;
	readonly #start: Int32Array;

	constructor(p: PackedTexts) {
		if (
			typeof p?.words !== 'string' ||
			!(p.ids instanceof Uint8Array) ||
			!(p.start instanceof Int32Array) ||
			!p.start.length
		)
			throw new Error('the packed texts do not hold together');
		this.#words = p.words.split('\n');
		this.#ids = p.ids;
		this.#start = p.start;
		// Checked once here, so that a damaged record never yields "undefined" in a title later.
		const n = p.start.length - 1;
		if (p.start[0] !== 0 || p.start[n] !== p.ids.length)
			throw new Error('the packed texts do not hold together');
		for (let i = 0; i < n; i++)
			if (p.start[i + 1]! <= p.start[i]!) throw new Error('the packed texts do not hold together');
		const words = this.#words.length;
		let v = 0;
		let shift = 0;
		for (let k = 0; k < p.ids.length; k++) {
			const b = p.ids[k]!;
			v |= (b & 0x7f) << shift;
			if (b & 0x80) {
				shift += 7;
				if (shift > 21) throw new Error('the packed texts do not hold together');
				continue;
			}
			if (v >= words) throw new Error('the packed texts do not hold together');
			v = 0;
			shift = 0;
		}
		// A text whose last word runs past its end would borrow its neighbor's first word.
		for (let i = 1; i <= n; i++)
			if (p.ids[p.start[i]! - 1]! & 0x80) throw new Error('the packed texts do not hold together');
	}

	get length(): number {
		return this.#start.length - 1;
	}

	/** The i-th text, as it was packed. */
	at(i: number): string {
		const ids = this.#ids;
		const end = this.#start[i + 1]!;
		// Joined, not concatenated: `a + ' ' + b` makes a rope of small pieces, and 190,000
		// titles made for a code page's tree cost 100 MB that way.
		const out: string[] = [];
		for (let k = this.#start[i]!; k < end;) {
			let v = 0;
			let shift = 0;
			let b: number;
			do {
				b = ids[k++]!;
				v |= (b & 0x7f) << shift;
				shift += 7;
			} while (b & 0x80);
			out.push(this.#words[v]!);
		}
		return out.join(SEP);
	}
}
