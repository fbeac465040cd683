import type { CodeKey, ItemBase } from '../../content/types.ts';

export interface CodeEntryItem extends ItemBase {
	type: 'code-entry';
	scenario: string;
	answer: CodeKey;
}
