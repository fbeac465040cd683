/**
 * Hostile and malformed bank files (issue 10): each is refused with `file:line: message`, the
 * validator never throws, and parsing stays linear. The in-app importer will run the same code.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/types';
import { LIMITS, headingOf, parseItemFile } from '../../src/lib/content/parse';
import { decodeSource, validateBanks } from '../../src/lib/content/validate';
import { checkBanks, loadCodeSets, readBankSources } from '../../scripts/lib/banks';

const fixture = (name: string) => `tests/fixtures/banks/${name}`;
const messages = (dir: string) => checkBanks(fixture(dir)).problems.map(formatProblem);

describe('hostile bank files', () => {
	const found = messages('hostile');
	const at = (file: string) => found.filter((m) => m.startsWith(`${fixture('hostile')}/${file}:`));

	it('an alias to a missing anchor is a problem on its line, not a ReferenceError', () => {
		expect(at('hostile-0001.md')).toEqual([
			`${fixture('hostile')}/hostile-0001.md:9: YAML: aliases (*missing) are not allowed in bank files; write the value out`
		]);
	});

	it('an alias bomb is refused at its first alias, without being expanded', () => {
		expect(at('hostile-0002.md')[0]).toBe(
			`${fixture('hostile')}/hostile-0002.md:11: YAML: aliases (*a) are not allowed in bank files; write the value out`
		);
	});

	it('an item file named .MD is named, not skipped', () => {
		expect(at('hostile-0003.MD')).toEqual([
			`${fixture('hostile')}/hostile-0003.MD:1: "hostile-0003.MD" is not read as an item: item files end in ".md" (lower case)`
		]);
	});

	it('bytes that are not UTF-8 are refused on their line instead of shipping U+FFFD', () => {
		expect(at('hostile-0004.md')).toEqual([
			`${fixture('hostile')}/hostile-0004.md:15: the file is not valid UTF-8 text; save it as UTF-8`
		]);
		const bytes = new TextEncoder().encode('a\nb\nc');
		expect(decodeSource('x.md', bytes)).toBe('a\nb\nc');
	});

	it('no item of the hostile bank ships', () => {
		const { banks } = checkBanks(fixture('hostile'));
		expect(banks.flatMap((b) => b.items)).toEqual([]);
	});

	it('unknown keys in bank.yaml, __proto__ among them, are refused', () => {
		expect(messages('bad-manifest')).toEqual([
			`${fixture('bad-manifest')}/bad-manifest-0001.md:1: bank folder "bad-manifest" has no valid bank.yaml`,
			`${fixture('bad-manifest')}/bank.yaml:4: unknown field "__proto__" in bank.yaml (use id, title, description, order, sections)`,
			`${fixture('bad-manifest')}/bank.yaml:6: unknown field "color" in a section (use id, title)`
		]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('size limits and linear parsing', () => {
	const sources = readBankSources(fixture('good'));
	const item = sources.find((s) => s.path.endsWith('good-0001.md'));
	const text = new TextDecoder().decode(item?.text as Uint8Array);

	it('a heading line of a million characters is refused on its line, at once', () => {
		// The old heading regex took minutes on this line: a run of spaces, then a letter.
		const long = text.replace('## Rationale', `## R${' '.repeat(1_000_000)}x\n\n## Rationale`);
		const { problems } = validateBanks(
			[...sources.filter((s) => s !== item), { ...item!, text: long }],
			loadCodeSets()
		);
		expect(problems.map(formatProblem)).toEqual([
			`${fixture('good')}/good-0001.md:24: line 24 holds 1,000,005 characters; a line may hold at most ${LIMITS.lineChars.toLocaleString('en-US')}`
		]);
	});

	it('the heading reader is linear on a long run of spaces', () => {
		expect(headingOf(`## a${' '.repeat(200_000)}b`)).toBe(`a${' '.repeat(200_000)}b`);
		expect(headingOf('##  Scenario  ')).toBe('Scenario');
		expect(headingOf('### Scenario')).toBeUndefined();
		expect(headingOf('##Scenario')).toBeUndefined();
		expect(headingOf('##   ')).toBeUndefined();
	});

	it('a file over the size limit is refused on its first line', () => {
		const huge = text + '\n' + 'word\n'.repeat(LIMITS.fileChars / 4);
		expect(parseItemFile('x.md', huge).problems.map(formatProblem)).toEqual([
			`x.md:1: the file holds ${huge.length.toLocaleString('en-US')} characters; a bank file may hold at most ${LIMITS.fileChars.toLocaleString('en-US')}`
		]);
	});
});
