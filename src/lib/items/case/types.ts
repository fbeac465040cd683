import type { CodeKey, ItemBase } from '../../content/types.ts';

export interface CasePart {
	prompt: string;
	answer: CodeKey;
}

export interface CaseItem extends ItemBase {
	type: 'case';
	scenario: string;
	parts: CasePart[];
}
