/**
 * The yearly move of a bank to a new ICD-10-CM year (`npm run banks:update -- 2027`): finds every
 * place an item's key, options or rationale uses a code that year's addenda deleted, turned
 * into a header or retitled, or whose category gained codes (a more specific code may now
 * exist), with its file and line, so a reviewer can update the item. Items with no finding may
 * move to the new year mechanically (`--apply`); the others never move without a review.
 * Pure: file texts and the year's change list in, findings and new texts out.
 */
import { changesByCode, type AddendaLine, type CodeChange } from '../codebook/addenda';
import { parseItemFile } from './parse';

/** Where in the item the code is written. */
export type Place = 'key' | 'option' | 'rationale' | 'text';

export interface Finding {
	file: string;
	line: number;
	code: string;
	place: Place;
	why: string;
}

export interface UpdatePlan {
	/** Items at an older year, by file, with what needs a review (empty: can move as is). */
	items: { file: string; id: string; year: number; findings: Finding[] }[];
}

const PLACE_WORDS: Record<Place, string> = {
	key: 'the key',
	option: 'an option',
	rationale: 'the rationale',
	text: 'the item text'
};

/** Dotted ICD-10-CM codes and three-character categories, as items write them. */
const CM_CODE = /\b[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?\b/g;

function undotted(code: string): string {
	return code.replace('.', '');
}

/** Why a code needs a look in `year`, or undefined when it is untouched. */
function reason(
	code: string,
	year: number,
	changes: Map<string, CodeChange>,
	added: string[]
): string | undefined {
	const change = changes.get(code);
	const below = () =>
		added.filter((a) => a !== code && undotted(a).startsWith(undotted(code))).join(', ');
	if (change?.kind === 'deleted')
		return (
			`FY${year} deleted it ("${change.oldTitle}")` +
			(change.replacedBy.length ? `; same title now: ${change.replacedBy.join(', ')}` : '')
		);
	if (change?.kind === 'now-header')
		return `FY${year} made it a header: a code below it is needed (${below()})`;
	if (change?.kind === 'retitled') return `FY${year} retitled it (was "${change.oldTitle}")`;
	if (change?.kind === 'new') return undefined;
	const category = code.slice(0, 3);
	const gained = added.filter((a) => a.slice(0, 3) === category && changes.get(a)?.kind === 'new');
	if (gained.length)
		return `its category ${category} gained codes in FY${year} (${gained.slice(0, 6).join(', ')}${gained.length > 6 ? ', …' : ''}): a more specific code may now exist`;
	return undefined;
}

/** The place of each line of an item file: front matter answers are the key. */
function placesOf(text: string, file: string): { answer?: string; year?: number; at: Place[] } {
	const lines = text.split('\n');
	const parsed = parseItemFile(file, text);
	const data = (parsed.data ?? {}) as Record<string, unknown>;
	const type = data.type;
	const answer = typeof data.answer === 'string' ? data.answer : undefined;
	const at: Place[] = lines.map(() => 'text');
	// Front matter: only the answer lists (code-entry and case keys) hold codes.
	let end = 0;
	if (lines[0]?.trim() === '---') {
		end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
		for (let i = 1; i < end; i++) at[i] = 'key';
	}
	for (const [title, s] of parsed.sections) {
		const body = s.body.split('\n');
		body.forEach((l, i) => {
			const n = s.firstBodyLine - 1 + i;
			if (title === 'Options') {
				const letter = /^\s*-\s*([A-D])\./.exec(l)?.[1];
				at[n] = letter && letter === answer ? 'key' : 'option';
			} else if (title === 'Rationale') at[n] = 'rationale';
			// A flashcard's back is its answer.
			else if (title === 'Back' && type === 'flashcard') at[n] = 'key';
		});
	}
	return {
		answer,
		year: typeof data.codeSetYear === 'number' ? data.codeSetYear : undefined,
		at
	};
}

/**
 * Findings for every item file whose `codeSetYear` is older than `year`. `files` are item
 * Markdown files (bank manifests are skipped); `lines` is that year's addenda.
 */
export function planUpdate(
	files: { path: string; text: string }[],
	year: number,
	lines: AddendaLine[]
): UpdatePlan {
	const changes = changesByCode(lines);
	// Billable new codes only: they are what a reviewer could pick instead.
	const added = lines.filter((l) => l.action === 'add' && l.billable).map((l) => l.code);
	const items: UpdatePlan['items'] = [];
	for (const f of files) {
		if (!f.path.endsWith('.md')) continue;
		const { year: itemYear, at } = placesOf(f.text, f.path);
		if (itemYear === undefined || itemYear >= year) continue;
		const id = /^id:\s*(\S+)/m.exec(f.text)?.[1] ?? f.path;
		const findings: Finding[] = [];
		f.text.split('\n').forEach((l, i) => {
			const seen = new Set<string>();
			for (const m of l.matchAll(CM_CODE)) {
				const code = m[0];
				if (seen.has(code)) continue;
				seen.add(code);
				const why = reason(code, year, changes, added);
				if (why) findings.push({ file: f.path, line: i + 1, code, place: at[i]!, why });
			}
		});
		items.push({ file: f.path, id, year: itemYear, findings });
	}
	return { items };
}

export function formatFinding(f: Finding): string {
	return `${f.file}:${f.line}: ${PLACE_WORDS[f.place]} uses ${f.code}: ${f.why}`;
}

/** The item text moved to `year`: only its `codeSetYear` line changes. */
export function moveToYear(text: string, year: number): string {
	return text.replace(/^codeSetYear:\s*\d+[ \t]*$/m, `codeSetYear: ${year}`);
}
