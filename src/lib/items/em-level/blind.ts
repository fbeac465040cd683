/**
 * An `em-level` item as a learner sees it, in plain Markdown, for a blind reviewer who never sees
 * the key: the setting, the note, the MDM grid's choices and the levels, and how to answer as a
 * JSON response the grader reads. No key, no reasons, no rationale.
 */
import { instruction } from './instruction.ts';
import {
	ELEMENT_NAMES,
	ELEMENTS,
	MDM_NAMES,
	RATINGS,
	SETTING_TABLE,
	STEP_NAMES
} from './levels.ts';
import type { EmLevelItem } from './types.ts';

export function blindText(item: EmLevelItem): string {
	const info = SETTING_TABLE[item.setting];
	const out: string[] = [];
	out.push(`**Setting:** ${info.name} (${info.rules}).`, '');
	out.push(instruction(item), '');
	out.push('## Visit note', '', item.scenario.trim(), '');
	if (item.method === 'mdm') {
		out.push('## MDM grid', '');
		out.push('Rate each element with one of: ' + RATINGS.map((r) => `\`${r}\``).join(', ') + '.');
		out.push('');
		out.push('| element | ' + RATINGS.map((r) => `\`${r}\` (${MDM_NAMES[r]})`).join(' | ') + ' |');
		out.push('|---|' + RATINGS.map(() => '---').join('|') + '|');
		for (const e of ELEMENTS)
			out.push(
				`| ${e}: ${ELEMENT_NAMES[e]} | ` + RATINGS.map((r) => STEP_NAMES[e][r]).join(' | ') + ' |'
			);
		out.push('');
	}
	out.push('## Levels', '');
	info.levels.forEach((l, i) => out.push(`${i + 1}. ${l.code}: ${l.note}`));
	out.push('', '## How to answer', '');
	const example =
		item.method === 'mdm'
			? '{"mdm":{"problems":"<rating>","data":"<rating>","risk":"<rating>","level":"<code>"}}'
			: '{"mdm":{"level":"<code>"}}';
	out.push(
		'Answer with one JSON value and nothing else, of this shape:',
		'',
		'```json',
		example,
		'```',
		''
	);
	if (item.method === 'mdm')
		out.push(
			`where each \`<rating>\` is one of ${RATINGS.map((r) => `"${r}"`).join(', ')} and \`<code>\` is one of ${info.levels.map((l) => `"${l.code}"`).join(', ')}.`
		);
	else out.push(`where \`<code>\` is one of ${info.levels.map((l) => `"${l.code}"`).join(', ')}.`);
	return out.join('\n') + '\n';
}
