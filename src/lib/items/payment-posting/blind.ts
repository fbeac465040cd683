/**
 * The item as a learner sees it, in plain Markdown, for a blind reviewer: the scenario, the
 * remittance table, the facts about other payers, and the amounts to post, with no key and no
 * rationale. It ends with how to answer as a JSON response that `gradePosting` grades.
 */
import { fieldLabel } from './ledger.ts';
import type { PaymentPostingItem } from './types.ts';
import { eobCell, eobColumns, eobTotal, facts, remitTitle } from './view.ts';

function cell(s: string): string {
	return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function blindText(item: PaymentPostingItem): string {
	const columns = eobColumns(item);
	const head = ['Line', ...columns.map((c) => c.label)];
	const rows = item.lines.map((l, i) => [
		String(i + 1),
		...columns.map((c) => eobCell(item, l, c))
	]);
	const total = ['Claim total', ...columns.map((c) => eobTotal(item, c))];
	const table = [head, head.map(() => '---'), ...rows, total]
		.map((r) => `| ${r.map(cell).join(' | ')} |`)
		.join('\n');

	const out: string[] = [item.scenario.trim(), '', `### ${remitTitle(item)}`, '', table];
	if (item.hidden.length)
		out.push('', 'A "?" is an amount the remittance does not show: work it out from the scenario.');
	for (const f of facts(item)) out.push('', `### ${f.title}`, '', ...f.lines);

	out.push('', '### Post these amounts', '');
	for (const f of item.post) out.push(`- \`${f.id}\`: ${fieldLabel(f)}`);

	const example = Object.fromEntries(item.post.map((f) => [f.id, '0.00']));
	out.push(
		'',
		'### How to answer',
		'',
		'Answer with one JSON value and nothing else: an object with one key, "posting", whose value',
		'maps each field id above to the amount you post, as a string of dollars and cents (no minus',
		'sign; "0.00" where nothing is due). For example (the amounts here are placeholders):',
		'',
		'```json',
		JSON.stringify({ posting: example }),
		'```'
	);
	return out.join('\n') + '\n';
}
