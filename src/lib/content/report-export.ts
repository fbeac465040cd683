/**
 * The learner's reports as a Markdown file for the banks' authors: grouped by bank, then item,
 * each item with its source file and version so the author finds the very text that was meant.
 * Pure: reports, what is known of their items and banks, and the time in; a string out.
 */
import type { ReportKind, ReportRecord } from '../db/db';

/** What the learner picks in the report dialog, in the words shown there. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
	key: 'The answer key',
	rationale: 'The rationale',
	code: 'A code',
	wording: 'The wording',
	other: 'Something else'
};

/** The kind inside a sentence: "you reported: the answer key". */
export function kindPhrase(kind: ReportKind): string {
	const label = REPORT_KIND_LABELS[kind];
	return label.charAt(0).toLowerCase() + label.slice(1);
}

/** What the export says about a reported item that is still in the banks. */
export interface ReportedItem {
	title: string;
	/** The item's source file (`Item.file`). */
	file: string;
	/** `itemVersion(item)` of the item as the banks hold it now. */
	version: string;
}

/** `2026-12-02 14:05 UTC`: the same for author and learner wherever they are. */
export function utcMinute(at: number): string {
	return new Date(at).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function exportFileName(now: number): string {
	return `codedrill-reports-${new Date(now).toISOString().slice(0, 10)}.md`;
}

const plural = (n: number, one: string, many = `${one}s`) =>
	`${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Each line of the learner's text quoted, so nothing in it can break the file's structure. */
function quote(text: string): string {
	return text
		.split(/\r?\n/)
		.map((line) => (line.trim() ? `   > ${line}` : '   >'))
		.join('\n');
}

/** A code span that survives backticks inside the value. */
function code(s: string): string {
	const fence = s.includes('`') ? '``' : '`';
	return `${fence}${fence.length > 1 ? ' ' : ''}${s}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function reportLines(r: ReportRecord, n: number, item: ReportedItem | undefined): string {
	const status = r.closedAt === undefined ? 'open' : `closed ${utcMinute(r.closedAt)}`;
	const seen =
		r.itemVersion === undefined
			? ''
			: item && r.itemVersion !== item.version
				? ` · on version ${code(r.itemVersion)}, which has changed since`
				: ` · on version ${code(r.itemVersion)}`;
	return `${n}. **${REPORT_KIND_LABELS[r.kind]}** · ${status} · reported ${utcMinute(r.at)}${seen}\n\n${quote(r.text)}`;
}

/**
 * The whole file. Banks in title order, items by id, each item's reports oldest first (the order
 * they were written in). An item the banks no longer hold is still listed, said to be gone.
 */
export function reportsMarkdown(
	reports: readonly ReportRecord[],
	items: Readonly<Record<string, ReportedItem>>,
	bankTitles: Readonly<Record<string, string>>,
	now: number
): string {
	const open = reports.filter((r) => r.closedAt === undefined).length;
	const byBank = new Map<string, Map<string, ReportRecord[]>>();
	for (const r of reports) {
		const bank = byBank.get(r.bankId) ?? new Map<string, ReportRecord[]>();
		byBank.set(r.bankId, bank);
		bank.set(r.itemId, [...(bank.get(r.itemId) ?? []), r]);
	}
	const itemCount = [...byBank.values()].reduce((n, b) => n + b.size, 0);
	const out = [
		'# Problems reported in CodeDrill question items',
		'',
		`Exported ${utcMinute(now)}: ${plural(reports.length, 'report')} (${open.toLocaleString('en-US')} open) ` +
			`on ${plural(itemCount, 'item')} in ${plural(byBank.size, 'bank')}.`
	];
	if (reports.length === 0) out.push('', 'No problems have been reported.');
	const title = (id: string) => (Object.hasOwn(bankTitles, id) ? bankTitles[id]! : id);
	const banks = [...byBank.keys()].sort(
		(a, b) => title(a).localeCompare(title(b)) || a.localeCompare(b)
	);
	for (const bankId of banks) {
		out.push('', `## ${title(bankId)} (${code(bankId)})`);
		const bank = byBank.get(bankId)!;
		for (const itemId of [...bank.keys()].sort()) {
			const item = Object.hasOwn(items, itemId) ? items[itemId] : undefined;
			out.push('', `### ${code(itemId)}${item ? `: ${item.title}` : ''}`, '');
			if (item) out.push(`- File: ${code(item.file)}`, `- Version now: ${code(item.version)}`);
			else out.push('- No longer in the question banks (dropped or renamed since the report).');
			const mine = [...bank.get(itemId)!].sort((a, b) => a.at - b.at);
			mine.forEach((r, i) => out.push('', reportLines(r, i + 1, item)));
		}
	}
	return out.join('\n') + '\n';
}
