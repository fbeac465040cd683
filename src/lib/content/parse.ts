/**
 * Splits one item file into its YAML front matter and its `## Section` bodies, keeping the line
 * of everything so that every problem can name `file:line`.
 */
import { LineCounter, parseDocument, isNode, isScalar, visit } from 'yaml';
import type { Problem } from './types.ts';

/**
 * Limits on what a bank file may hold. The longest shipped item is about 10 KB and its longest line
 * a few hundred characters; the limits are far above that and far below what could stall a build
 * or a learner's browser during an import.
 */
export const LIMITS = { fileChars: 256 * 1024, lineChars: 10_000 } as const;

/** The first size problem of a file's text (a line, then the file), or undefined if it fits. */
export function sizeProblem(file: string, text: string): Problem | undefined {
	let start = 0;
	for (let line = 1; start <= text.length; line++) {
		const end = text.indexOf('\n', start);
		const stop = end < 0 ? text.length : end;
		if (stop - start > LIMITS.lineChars) {
			return {
				file,
				line,
				message: `line ${line} holds ${(stop - start).toLocaleString('en-US')} characters; a line may hold at most ${LIMITS.lineChars.toLocaleString('en-US')}`
			};
		}
		if (end < 0) break;
		start = end + 1;
	}
	if (text.length > LIMITS.fileChars) {
		return {
			file,
			line: 1,
			message: `the file holds ${text.length.toLocaleString('en-US')} characters; a bank file may hold at most ${LIMITS.fileChars.toLocaleString('en-US')}`
		};
	}
	return undefined;
}

/**
 * The title of a `## Heading` line, or undefined. Written without a regex: `^##\s+(.+?)\s*$` is
 * quadratic on a long run of spaces followed by a letter.
 */
export function headingOf(line: string): string | undefined {
	if (!line.startsWith('##') || !/\s/.test(line.charAt(2))) return undefined;
	return line.slice(2).trim() || undefined;
}

export interface MarkdownSection {
	/** 1-based line of the `## Heading`. */
	line: number;
	body: string;
	/** 1-based line of each body line, parallel to `body.split('\n')`. */
	firstBodyLine: number;
}

export interface ParsedFile {
	data: unknown;
	/** The file line of a front-matter value (or of the front matter if the path is absent). */
	lineOf(path: (string | number)[]): number;
	/**
	 * The text of a scalar exactly as written. Codes need it: YAML reads `00790` as the number 790.
	 */
	sourceOf(path: (string | number)[]): string | undefined;
	sections: Map<string, MarkdownSection>;
	problems: Problem[];
}

export function parseYaml(file: string, text: string, firstLine = 1): Omit<ParsedFile, 'sections'> {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const lineAt = (offset: number) => firstLine - 1 + lineCounter.linePos(offset).line;
	const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
		file,
		line: lineAt(e.pos[0]),
		message: `YAML: ${e.message.split('\n')[0]}`
	}));
	// Aliases have no use in a bank file, and they are how a YAML file blows up when read (an alias
	// bomb) or throws (an alias to a missing anchor): refuse them before the document is read.
	visit(doc, {
		Alias(_, node) {
			problems.push({
				file,
				line: lineAt(node.range?.[0] ?? 0),
				message: `YAML: aliases (*${node.source}) are not allowed in bank files; write the value out`
			});
		}
	});
	const lineOf = (path: (string | number)[]): number => {
		for (let depth = path.length; depth > 0; depth--) {
			const node: unknown = doc.getIn(path.slice(0, depth), true);
			if (isNode(node) && node.range) {
				return firstLine - 1 + lineCounter.linePos(node.range[0]).line;
			}
		}
		return firstLine;
	};
	const sourceOf = (path: (string | number)[]): string | undefined => {
		const node: unknown = doc.getIn(path, true);
		if (!isScalar(node)) return undefined;
		return node.source ?? String(node.value);
	};
	let data: unknown;
	if (!problems.length) {
		try {
			data = doc.toJS({ maxAliasCount: 0 });
		} catch (e) {
			// The validator promises never to throw: whatever the YAML library refuses is a problem.
			problems.push({ file, line: firstLine, message: `YAML: ${(e as Error).message}` });
		}
	}
	return { data, lineOf, sourceOf, problems };
}

/** A file that could not be read at all: one problem on its first line. */
function unreadable(file: string, message: string, line = 1): ParsedFile {
	return {
		data: undefined,
		lineOf: () => line,
		sourceOf: () => undefined,
		sections: new Map(),
		problems: [{ file, line, message }]
	};
}

export function parseItemFile(file: string, text: string): ParsedFile {
	const tooBig = sizeProblem(file, text);
	if (tooBig) return unreadable(file, tooBig.message, tooBig.line);
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	const sections = new Map<string, MarkdownSection>();
	if (lines[0]?.trim() !== '---') {
		return unreadable(file, 'the file must start with a "---" front matter block');
	}
	const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (close < 0) return unreadable(file, 'the front matter is not closed by a "---" line');
	const yaml = parseYaml(file, lines.slice(1, close).join('\n'), 2);
	const problems = [...yaml.problems];

	let current: { title: string; line: number; lines: string[] } | undefined;
	const finish = () => {
		if (!current) return;
		if (sections.has(current.title)) {
			problems.push({
				file,
				line: current.line,
				message: `section "${current.title}" appears twice`
			});
		}
		sections.set(current.title, {
			line: current.line,
			firstBodyLine: current.line + 1,
			body: current.lines.join('\n')
		});
	};
	for (let i = close + 1; i < lines.length; i++) {
		const line = lines[i] ?? '';
		const heading = headingOf(line);
		if (heading) {
			finish();
			current = { title: heading, line: i + 1, lines: [] };
		} else if (current) {
			current.lines.push(line);
		} else if (line.trim()) {
			problems.push({ file, line: i + 1, message: 'text outside any "## Section" heading' });
		}
	}
	finish();
	return { ...yaml, problems, sections };
}
