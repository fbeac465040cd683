/**
 * The learners are US coders and the exams are US exams: the app's own words use US spelling.
 * "Practise" beside "Practice" in one menu reads as a typo, and British medical spellings
 * (tumour, haemorrhage) are not how the code books spell them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** British forms and what a US coder expects instead; whole words (or word starts) only. */
const BRITISH: [RegExp, string][] = [
	[/\bpractis(e|es|ed|ing)\b/i, 'practice / practiced / practicing'],
	[/\bcolours?\b/i, 'color'],
	[/\b(behaviour|favour|honour|labour|tumour|humour)s?\b/i, '-or'],
	[
		/\b(organis|recognis|realis|normalis|categoris|summaris|prioritis)(e|es|ed|ing|ation)\b/i,
		'-ize'
	],
	[/\b(centre|litre|metre|fibre)s?\b/i, '-er'],
	[/\blicence\b/i, 'license'],
	// "analyses" is the plural of analysis in US English too.
	[/\banalys(e|ed|ing)\b/i, 'analyze'],
	[/\bcatalogue\b/i, 'catalog'],
	[/\b(defence|offence)\b/i, '-se'],
	[
		// Haemophilus is a genus: the US code books spell it so (J14, B96.3).
		/\b(?!haemophil)(haem|anaem|oedem|oesoph|paediat|orthopaed|gynaec|ischaem|diarrhoe|foet)\w*/i,
		'US medical spelling'
	],
	[/\b(whilst|learnt|judgement)\b/i, 'while / learned / judgment']
];

const ROOTS = [
	'src',
	'tests/e2e',
	'tests/unit',
	'question-banks',
	'README.md',
	'static/manifest.webmanifest'
];
const EXTENSIONS = /\.(svelte|ts|css|md|html|webmanifest|json)$/;

function files(path: string): string[] {
	if (!statSync(path, { throwIfNoEntry: false })) return [];
	if (statSync(path).isFile()) return [path];
	return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** `file:line: word` for every British spelling, so a failure says where to look. */
function britishSpellings(): string[] {
	const found: string[] = [];
	for (const file of ROOTS.flatMap(files).filter((f) => EXTENSIONS.test(f))) {
		if (file.endsWith('us-english.test.ts')) continue;
		readFileSync(file, 'utf8')
			.split('\n')
			.forEach((line, i) => {
				for (const [pattern, us] of BRITISH) {
					const m = pattern.exec(line);
					if (m) found.push(`${file}:${i + 1}: ${m[0]} (US: ${us})`);
				}
			});
	}
	return found;
}

describe('US English', () => {
	it('the app, its tests and its banks use US spelling', () => {
		expect(britishSpellings()).toEqual([]);
	});

	it('catches the spellings it is meant to catch', () => {
		const hits = (text: string) => BRITISH.some(([p]) => p.test(text));
		expect(hits('Practise a section')).toBe(true);
		expect(hits('Keep practising')).toBe(true);
		expect(hits('a benign tumour')).toBe(true);
		expect(hits('Practice a section')).toBe(false);
		expect(hits('unspecified organism')).toBe(false);
		expect(hits('analysis of the record')).toBe(false);
		expect(hits('two analyses of the data')).toBe(false);
		expect(hits('we analyse the data')).toBe(true);
		expect(hits('pneumonia due to Haemophilus influenzae')).toBe(false);
		expect(hits('a haemorrhage')).toBe(true);
		expect(hits('Verdict colours')).toBe(true);
		expect(hits('color-scheme: dark')).toBe(false);
	});
});
