/**
 * A denial item as the learner sees it, in plain Markdown, for a blind reviewer: the scenario,
 * the remittance, the two lists to choose from and how to answer. No key, no rationale.
 */
import { ACTION_LABELS, CAUSE_LABELS, GROUP_LABELS, adjustmentCode } from './labels.ts';
import { formatMoney, lineAmounts } from './money.ts';
import { ACTIONS, CAUSES, type DenialItem } from './types.ts';

function cell(s: string): string {
	return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The remittance as a Markdown table, one row per service line. */
export function remitTable(item: DenialItem): string {
	const r = item.remit;
	const head = [
		`**Payer:** ${r.payer}  `,
		`**Claim number:** ${r.claim}  `,
		`**Patient account:** ${r.account}  `,
		`**Date of service:** ${r.dos}  `,
		...(r.received ? [`**Claim received by payer:** ${r.received}  `] : []),
		...(r.processed ? [`**Remittance date:** ${r.processed}  `] : []),
		...(r.icd10cm.length ? [`**Diagnoses on the claim:** ${r.icd10cm.join(', ')}  `] : [])
	];
	const rows = r.lines.map((l) => {
		const { adjustment, patientShare } = lineAmounts(l);
		const adj = l.group ? `${adjustmentCode(l)} ${formatMoney(adjustment)}` : '';
		return `| ${cell(l.code)} | ${formatMoney(l.billed)} | ${formatMoney(l.allowed)} | ${formatMoney(l.paid)} | ${formatMoney(patientShare)} | ${adj} | ${cell(l.reason ?? '')} |`;
	});
	const groups = [...new Set(r.lines.flatMap((l) => (l.group ? [l.group] : [])))].map(
		(g) => `${g}: ${GROUP_LABELS[g]}`
	);
	return [
		...head,
		'',
		'| Code | Billed | Allowed | Paid | Patient share | Adjustment | Reason |',
		'|---|---|---|---|---|---|---|',
		...rows,
		'',
		`Group codes: ${groups.join('; ')}.`
	].join('\n');
}

export function blindText(item: DenialItem): string {
	return [
		item.scenario,
		'',
		'## Remittance',
		'',
		remitTable(item),
		'',
		'## Root cause (choose one)',
		'',
		...CAUSES.map((c, i) => `${i + 1}. \`${c}\`: ${CAUSE_LABELS[c]}`),
		'',
		'## Corrective action (choose one)',
		'',
		...ACTIONS.map((a) => `- \`${a}\`: ${ACTION_LABELS[a]}`),
		'',
		'## How to answer',
		'',
		'Answer with one JSON value on one line, naming the root cause and the action by the ids in',
		'backquotes above (replace each <...> with one id):',
		'',
		'```json',
		'{"denial":{"cause":"<root cause id>","action":"<action id>"}}',
		'```',
		''
	].join('\n');
}
