import type { ItemBase } from '../../content/types.ts';

export interface Option {
	letter: string;
	text: string;
}

export interface SingleBestAnswerItem extends ItemBase {
	type: 'single-best-answer';
	scenario: string;
	options: Option[];
	answer: string;
}

/** The letter chosen; `''` when none is. */
export interface ChoiceResponse {
	choice: string;
}
