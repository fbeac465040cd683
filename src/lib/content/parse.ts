/**
 * Splits one item file into its YAML front matter and its `## Section` bodies, keeping the line
 * of everything so that every problem can name `file:line`.
 */
import { LineCounter, parseDocument, isNode, isScalar } from 'yaml';
import type { Problem } from './types.ts';

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
	const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
		file,
		line: firstLine - 1 + lineCounter.linePos(e.pos[0]).line,
		message: `YAML: ${e.message.split('\n')[0]}`
	}));
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
	return { data: problems.length ? undefined : doc.toJS(), lineOf, sourceOf, problems };
}

/** A file that could not be read at all: one problem on its first line. */
function unreadable(file: string, message: string): ParsedFile {
	return {
		data: undefined,
		lineOf: () => 1,
		sourceOf: () => undefined,
		sections: new Map(),
		problems: [{ file, line: 1, message }]
	};
}

export function parseItemFile(file: string, text: string): ParsedFile {
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
		const heading = /^##\s+(.+?)\s*$/.exec(line);
		if (heading?.[1]) {
			finish();
			current = { title: heading[1], line: i + 1, lines: [] };
		} else if (current) {
			current.lines.push(line);
		} else if (line.trim()) {
			problems.push({ file, line: i + 1, message: 'text outside any "## Section" heading' });
		}
	}
	finish();
	return { ...yaml, problems, sections };
}
