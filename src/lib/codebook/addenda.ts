/**
 * The yearly ICD-10-CM update as data: reads the CMS "order file addenda" (the changes from one
 * fiscal year's order file to the next), applies them to the older year's rows, and undoes them
 * again, so the app ships one full table (the newer year) plus the change list and derives the
 * older year where a learner needs it. Pure: text and rows in, rows out.
 */

export type AddendaAction = 'add' | 'delete' | 'revise_from' | 'revise_to';

/** One change line, with the code dotted as everywhere else in the app. */
export interface AddendaLine {
	action: AddendaAction;
	code: string;
	billable: boolean;
	/** The official long title. */
	title: string;
}

/** One row of a compact ICD-10-CM table (`codesets/icd10cm-<year>.tsv`). */
export interface CmRow {
	code: string;
	billable: boolean;
	title: string;
}

const ACTIONS: Record<string, AddendaAction> = {
	'Add:': 'add',
	'Delete:': 'delete',
	'Revise from:': 'revise_from',
	'Revise to:': 'revise_to'
};

/** `E1122` -> `E11.22`; categories (three characters) have no dot. */
export function dotted(code: string): string {
	return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

function undotted(code: string): string {
	return code.replace('.', '');
}

/**
 * Reads the official fixed-width addenda file (CRLF): the action in columns 1-13, the billable
 * flag in column 14, the undotted code in 16-22, the short title in 24-83, the long title from
 * 85. Lines that start with none of the four actions are the file's own summary and are skipped;
 * a change line that does not fit the layout throws with its line number, since a silently
 * skipped change would give a wrong code set.
 */
export function parseOrderAddenda(text: string): AddendaLine[] {
	const out: AddendaLine[] = [];
	text.split(/\r?\n/).forEach((line, i) => {
		const head = line.slice(0, 13).trim();
		const action = ACTIONS[head];
		if (!action) {
			if (/^(Add|Delete|Revise)/.test(line))
				throw new Error(`addenda line ${i + 1}: unknown action "${head}"`);
			return;
		}
		const flag = line[13];
		const code = line.slice(15, 22).trim();
		const title = line.slice(84).trim();
		if ((flag !== '0' && flag !== '1') || !/^[A-Z][0-9A-Z]{2,6}$/.test(code) || !title)
			throw new Error(`addenda line ${i + 1} does not fit the fixed-width layout: "${line}"`);
		out.push({ action, code: dotted(code), billable: flag === '1', title });
	});
	return out;
}

/** The compact TSV form kept in `codesets/` (`action code billable title`, with a header). */
export function addendaToTsv(lines: AddendaLine[]): string {
	return (
		['action\tcode\tbillable\ttitle']
			.concat(lines.map((l) => `${l.action}\t${l.code}\t${l.billable ? 1 : 0}\t${l.title}`))
			.join('\n') + '\n'
	);
}

export function parseAddendaTsv(text: string): AddendaLine[] {
	return text
		.split('\n')
		.slice(1)
		.filter(Boolean)
		.map((l) => {
			const [action = '', code = '', billable, title = ''] = l.split('\t');
			return { action: action as AddendaAction, code, billable: billable === '1', title };
		});
}

export function parseCmTsv(text: string): CmRow[] {
	return text
		.split('\n')
		.slice(1)
		.filter(Boolean)
		.map((l) => {
			const [code = '', billable, title = ''] = l.split('\t');
			return { code, billable: billable === '1', title };
		});
}

export function cmToTsv(rows: CmRow[]): string {
	return (
		['code\tbillable\ttitle']
			.concat(rows.map((r) => `${r.code}\t${r.billable ? 1 : 0}\t${r.title}`))
			.join('\n') + '\n'
	);
}

/**
 * Where a code the older (or newer) table lacks goes: right after its nearest preceding code in
 * code order within its category (the Tabular lists a category's codes in code order, and a
 * code's descendants sort between it and its next sibling), or, for a new category, after the
 * nearest preceding code of all. The addenda carry no order numbers, so this is the rule the
 * data README gives and the published counts confirm.
 */
function insertAt(keys: string[], code: string): number {
	const key = undotted(code);
	const category = key.slice(0, 3);
	let best = -1;
	let bestAny = -1;
	for (let i = 0; i < keys.length; i++) {
		const k = keys[i]!;
		if (k >= key) continue;
		if (k.startsWith(category) && (best < 0 || k > keys[best]!)) best = i;
		if (bestAny < 0 || k > keys[bestAny]!) bestAny = i;
	}
	if (best >= 0) return best + 1;
	if (bestAny < 0) return 0;
	// A new category goes after the whole of the preceding category, not after its first row.
	const prev = keys[bestAny]!.slice(0, 3);
	let end = bestAny + 1;
	while (end < keys.length && keys[end]!.startsWith(prev)) end++;
	return end;
}

/** Inserts each row where `insertAt` says, in code order (so a new header precedes its codes). */
function insertAll(rows: CmRow[], add: CmRow[]): CmRow[] {
	const keys = rows.map((r) => undotted(r.code));
	const sorted = [...add].sort((a, b) => (undotted(a.code) < undotted(b.code) ? -1 : 1));
	for (const r of sorted) {
		const i = insertAt(keys, r.code);
		rows.splice(i, 0, r);
		keys.splice(i, 0, undotted(r.code));
	}
	return rows;
}

function sameRow(row: CmRow | undefined, line: AddendaLine): boolean {
	return !!row && row.billable === line.billable && row.title === line.title;
}

/** Codes both deleted and added: a billable code that became a header, or the reverse. */
function flagChanges(lines: AddendaLine[]): Set<string> {
	const deleted = new Set(lines.filter((l) => l.action === 'delete').map((l) => l.code));
	return new Set(lines.filter((l) => l.action === 'add' && deleted.has(l.code)).map((l) => l.code));
}

/**
 * The newer year's table: the older rows with the deletions removed, the revisions retitled,
 * flag changes applied in place and new codes inserted where the Tabular puts them (see
 * `insertAt`). Throws if a change does not match the older table exactly (a wrong base file or a
 * damaged addenda file must never give a plausible-looking code set).
 */
export function applyAddenda(older: CmRow[], lines: AddendaLine[]): CmRow[] {
	const rows = older.map((r) => ({ ...r }));
	const at = new Map(rows.map((r, i) => [r.code, i]));
	const flips = flagChanges(lines);
	const gone = new Set<string>();
	lines.forEach((l, i) => {
		const where = `change ${i + 1} (${l.action} ${l.code})`;
		const idx = at.get(l.code);
		const row = idx === undefined ? undefined : rows[idx];
		if (l.action === 'delete' || l.action === 'revise_from') {
			if (!sameRow(row, l)) throw new Error(`${where} does not match the older table`);
			if (l.action === 'delete' && !flips.has(l.code)) gone.add(l.code);
		} else if (l.action === 'revise_to') {
			const from = lines[i - 1];
			if (!row || from?.action !== 'revise_from' || from.code !== l.code)
				throw new Error(`${where} does not follow its revise_from line`);
			row.title = l.title;
		} else if (flips.has(l.code)) {
			row!.billable = l.billable;
			row!.title = l.title;
		} else if (row) throw new Error(`${where}: the older table already has ${l.code}`);
	});
	const added = lines
		.filter((l) => l.action === 'add' && !flips.has(l.code))
		.map((l) => ({ code: l.code, billable: l.billable, title: l.title }));
	return insertAll(
		rows.filter((r) => !gone.has(r.code)),
		added
	);
}

/**
 * The older year's table from the newer one and the same change list: new codes removed, deleted
 * codes put back where they were, flag changes and titles restored. Lets the app ship one full
 * ICD-10-CM table and still offer the older year.
 */
export function revertAddenda(newer: CmRow[], lines: AddendaLine[]): CmRow[] {
	const flips = flagChanges(lines);
	const added = new Set(lines.filter((l) => l.action === 'add').map((l) => l.code));
	const before = new Map<string, CmRow>();
	for (const l of lines)
		if (l.action === 'delete' || l.action === 'revise_from')
			before.set(l.code, { code: l.code, billable: l.billable, title: l.title });
	const out: CmRow[] = [];
	for (const r of newer) {
		if (added.has(r.code) && !flips.has(r.code)) continue;
		out.push(before.get(r.code) ?? r);
	}
	const restored = lines
		.filter((l) => l.action === 'delete' && !flips.has(l.code))
		.map((l) => before.get(l.code)!);
	return insertAll(out, restored);
}

/** What a year's addenda did to one code, for the code book's badges and `banks:update`. */
export type CodeChange =
	| { kind: 'new' }
	| { kind: 'deleted'; oldTitle: string; replacedBy: string[] }
	| { kind: 'now-header'; oldTitle: string }
	| { kind: 'now-billable' }
	| { kind: 'retitled'; oldTitle: string };

/**
 * Each changed code's change. A deleted code's replacements are the new codes of its category
 * with the same official title (the addenda name no replacement; where a code moved to a new
 * subcategory, as T52.8X1A to T52.891A in FY2027, the title is what carries over).
 */
export function changesByCode(lines: AddendaLine[]): Map<string, CodeChange> {
	const flips = flagChanges(lines);
	const out = new Map<string, CodeChange>();
	const newByTitle = new Map<string, string[]>();
	for (const l of lines) {
		if (l.action !== 'add' || flips.has(l.code)) continue;
		out.set(l.code, { kind: 'new' });
		const key = `${l.code.slice(0, 3)}|${l.title}`;
		newByTitle.set(key, [...(newByTitle.get(key) ?? []), l.code]);
	}
	lines.forEach((l, i) => {
		if (l.action === 'delete' && flips.has(l.code)) {
			const now = lines.find((x) => x.action === 'add' && x.code === l.code)!;
			out.set(
				l.code,
				l.billable && !now.billable
					? { kind: 'now-header', oldTitle: l.title }
					: { kind: 'now-billable' }
			);
		} else if (l.action === 'delete') {
			const replacedBy = newByTitle.get(`${l.code.slice(0, 3)}|${l.title}`) ?? [];
			out.set(l.code, { kind: 'deleted', oldTitle: l.title, replacedBy });
		} else if (l.action === 'revise_to') {
			const from = lines[i - 1]!;
			out.set(l.code, { kind: 'retitled', oldTitle: from.title });
		}
	});
	return out;
}

/** Counts and structural checks of a full table: what `codesets:build` asserts. */
export function checkTable(rows: CmRow[]): {
	rows: number;
	billable: number;
	headers: number;
	problems: string[];
} {
	const problems: string[] = [];
	const keys = rows.map((r) => undotted(r.code));
	const sorted = [...keys].sort();
	// In sorted order a code's descendants follow it directly.
	const hasChild = new Set<string>();
	sorted.forEach((k, i) => {
		if (sorted[i + 1]?.startsWith(k)) hasChild.add(k);
		if (sorted[i + 1] === k) problems.push(`${dotted(k)} is listed twice`);
	});
	let billable = 0;
	rows.forEach((r, i) => {
		const k = keys[i]!;
		if (r.billable) {
			billable++;
			if (hasChild.has(k)) problems.push(`${r.code} is billable but has codes below it`);
		} else if (!hasChild.has(k)) problems.push(`${r.code} is a header with no codes below it`);
	});
	return { rows: rows.length, billable, headers: rows.length - billable, problems };
}
