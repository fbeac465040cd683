/**
 * What the code book says about codes typed in answer fields, for their inline check. The code
 * book is large and loads lazily in a worker: a field never waits for it. Until it is loaded a
 * field shows only the form check; once it is, each code is looked up once and remembered.
 */
import { SvelteMap } from 'svelte/reactivity';
import { codebook } from '$lib/codebook/client.svelte';
import type { CodeSystem } from '$lib/codebook/data';
import { fetchManifest } from '$lib/codebook/loader';
import { CODEBOOK_CACHE } from '$lib/codebook/offline';
import type { CodeStatus } from '$lib/grading/entry';

export class CodeCheck {
	/** Answers from the code book, by `year|system|code`. */
	#known = new SvelteMap<string, CodeStatus>();
	/** Look-ups sent and not failed. Bookkeeping only, never rendered: a plain Set on purpose. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#asked = new Set<string>();
	#warmed = false;

	status(system: CodeSystem, code: string): CodeStatus | undefined {
		return this.#known.get(`${codebook.year}|${system}|${code}`);
	}

	/** Looks the codes up if the code book is loaded; otherwise does nothing (form check only). */
	want(lookups: { system: CodeSystem; code: string }[]): void {
		if (codebook.status !== 'ready') return;
		for (const { system, code } of lookups) {
			// Keyed by year too: a code FY2027 made a header was billable in FY2026.
			const key = `${codebook.year}|${system}|${code}`;
			if (this.#asked.has(key)) continue;
			this.#asked.add(key);
			codebook.node(code, system).then(
				({ view, deleted }) => {
					const entry = view?.node.entry;
					this.#known.set(
						key,
						entry ? { found: true, billable: entry.billable } : { found: false, deleted }
					);
				},
				() => this.#asked.delete(key)
			);
		}
	}

	/**
	 * Starts loading the code book in the background when it is already saved on this device, so
	 * the check has it without a download the learner did not ask for. Once per page.
	 */
	async warm(): Promise<void> {
		if (this.#warmed || codebook.status !== 'idle' || typeof caches === 'undefined') return;
		this.#warmed = true;
		try {
			const manifest = await fetchManifest();
			const cache = await caches.open(CODEBOOK_CACHE);
			const hits = await Promise.all(manifest.files.map((f) => cache.match(f.url)));
			if (hits.every(Boolean) && codebook.status === 'idle') await codebook.load();
		} catch {
			// No code book: the fields keep the form check only.
		}
	}

	/** For tests. */
	reset(): void {
		this.#known.clear();
		this.#asked.clear();
		this.#warmed = false;
	}
}

export const codeCheck = new CodeCheck();
