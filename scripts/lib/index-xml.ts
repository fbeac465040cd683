/**
 * Reads the CDC's ICD-10-CM index XML files (Table of Drugs and Chemicals, Neoplasm Table,
 * External Cause Index) into flat (term path, column, code) rows. The files are regular and
 * machine-written, so a tag scanner is enough; no XML dependency for one maintainer script.
 */

export interface IndexEntry {
	/** Main term first, then each subterm level. */
	path: string[];
	/** The table column heading (drug and neoplasm tables); empty for the external cause index. */
	column: string;
	/** As published: may end with `-` (more characters needed). */
	code: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
	return text.replace(/&(\w+);/g, (m, name: string) => ENTITIES[name] ?? m);
}

function clean(text: string): string {
	return text.replace(/\s+/g, ' ').replace(/\( /g, '(').trim();
}

export function parseIndexXml(xml: string): IndexEntry[] {
	const heads = new Map<string, string>();
	const entries: IndexEntry[] = [];
	/** One frame per open mainTerm/term: its title as read so far. */
	const stack: string[] = [];
	let capture: 'title' | 'head' | 'cell' | 'code' | undefined;
	let text = '';
	let col = '';
	const tag = /<(\/?)([\w.]+)([^>]*?)(\/?)>|([^<]+)/g;
	for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
		const [, close, name, attrs, selfClose, chars] = m;
		if (chars !== undefined) {
			if (capture) text += decode(chars);
			continue;
		}
		if (name === '?xml' || selfClose) continue;
		if (!close) {
			if (name === 'mainTerm' || name === 'term') stack.push('');
			else if (name === 'nemod') text += ' ';
			else if (
				(name === 'title' && stack.length > 0) ||
				name === 'head' ||
				name === 'cell' ||
				name === 'code'
			) {
				capture = name === 'title' ? 'title' : (name as 'head' | 'cell' | 'code');
				text = '';
				col = /col="(\d+)"/.exec(attrs ?? '')?.[1] ?? '';
			}
			continue;
		}
		if (name === 'mainTerm' || name === 'term') stack.pop();
		else if (name === 'nemod') text += ' ';
		else if (capture === name) {
			const value = clean(text);
			if (name === 'title') stack[stack.length - 1] = value;
			else if (name === 'head') heads.set(col, value);
			else if (/^[A-Z][0-9A-Z]/.test(value))
				entries.push({
					path: [...stack],
					column: name === 'cell' ? (heads.get(col) ?? col) : '',
					code: value
				});
			capture = undefined;
		}
	}
	return entries;
}
