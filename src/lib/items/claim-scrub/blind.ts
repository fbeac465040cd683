/**
 * The item as a learner sees it, in plain Markdown, for a blind reviewer: the scenario, the claim
 * field by field (with each field's id), and the fixes each kind of field offers. No key, no
 * rationale. Ends with how to answer as a `ClaimScrubResponse` in JSON.
 */
import { claimFields, FIXES, type FieldKind } from './fields.ts';
import type { ClaimScrubItem } from './types.ts';

export function blindText(item: ClaimScrubItem): string {
	const c = item.claim;
	const fields = claimFields(item.form, c);
	const form = item.form === 'cms1500' ? 'CMS-1500 (02/12)' : 'UB-04 (CMS-1450)';
	const out: string[] = [item.scenario, '', `## The claim: ${form}`, ''];
	out.push(`Payer: ${c.payer}`);
	if (c.insuredName) out.push(`Insured's name (box 4): ${c.insuredName}`);
	out.push(`Billing provider: ${c.billing.name}`);
	if (c.attending) out.push(`Attending: ${c.attending.name}`);
	out.push('');
	if (item.form === 'ub04') {
		out.push('Service lines (FL 42 revenue code / FL 43 description):');
		c.lines.forEach((l, i) =>
			out.push(`- line ${i + 1}: ${l.revenue ?? ''} ${l.description ?? ''}`)
		);
		out.push('');
	}
	out.push('| field id | box | field | value |', '|---|---|---|---|');
	for (const f of fields) out.push(`| ${f.id} | ${f.box} | ${f.label} | ${f.value || '(blank)'} |`);
	out.push('', '## Fixes each kind of field offers', '');
	const kinds = [...new Set(fields.map((f) => f.kind))] as FieldKind[];
	for (const k of kinds) {
		const ids = fields.filter((f) => f.kind === k).map((f) => f.id);
		out.push(`- ${ids.join(', ')}:`);
		for (const fx of FIXES[k]) out.push(`  - \`${fx.id}\`: ${fx.label}`);
	}
	out.push(
		'',
		'## How to answer',
		'',
		'Find every field with an error (there is at least one) and pick its fix. A field marked',
		'that has no error costs a point. Answer with one JSON value, mapping each field id you mark',
		"to a fix id from that field's list (or null if unsure of the fix), e.g.",
		'',
		'```json',
		'{"scrub":{"marks":{"<field id>":"<fix id>","<another field id>":null}}}',
		'```'
	);
	return out.join('\n');
}
