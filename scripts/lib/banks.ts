/**
 * Node-side access to the question banks and code sets: reads the files and runs the shared
 * validator. Used by `npm run banks:check`, the vite build plugin and the unit tests.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { codeSetsFromText, type CodeSets } from '../../src/lib/codebook/codesets.ts';
import {
	validateBanks,
	type SourceFile,
	type ValidationResult
} from '../../src/lib/content/validate.ts';

const root = resolve(import.meta.dirname, '../..');

let cached: CodeSets | undefined;

/** The code sets in `codesets/`, parsed once per process (about 180k rows). */
export function loadCodeSets(): CodeSets {
	cached ??= codeSetsFromText({
		icd10cm: readFileSync(join(root, 'codesets/icd10cm-2026.tsv'), 'utf8'),
		icd10cm2027: readFileSync(join(root, 'codesets/icd10cm-2027.tsv'), 'utf8'),
		hcpcs: readFileSync(join(root, 'codesets/hcpcs-2025-oct.tsv'), 'utf8'),
		icd10pcs: readFileSync(join(root, 'codesets/icd10pcs-2026.txt'), 'utf8')
	});
	return cached;
}

function walk(dir: string): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? walk(path) : [path];
		});
}

/**
 * Reads every bank file under `dir` (one folder per bank, or one bank folder), named relative to the project root so
 * that messages read `question-banks/cpc/cpc-em-0003.md:7: ...`.
 */
export function readBankSources(dir = join(root, 'question-banks')): SourceFile[] {
	// A single bank folder may be checked on its own (e.g. a fixture or an instructor's new bank).
	const single = existsSync(join(dir, 'bank.yaml'));
	return (
		walk(dir)
			// Near-miss names (`.MD`, `bank.yml`) are passed on too, so the validator can name them.
			.filter((p) => /\.(md|markdown|mdown|ya?ml)$/i.test(p))
			.map((p) => {
				const inDir = relative(dir, p).split(sep);
				return {
					path: relative(root, p).split(sep).join('/'),
					bank: single ? basename(dir) : inDir.length > 1 ? inDir[0] : undefined,
					// Bytes, not text: the validator refuses a file that is not UTF-8 instead of shipping U+FFFD.
					text: readFileSync(p)
				};
			})
	);
}

export function checkBanks(dir?: string): ValidationResult {
	return validateBanks(readBankSources(dir), loadCodeSets());
}
