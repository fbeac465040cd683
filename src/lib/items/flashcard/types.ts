import type { ItemBase } from '../../content/types.ts';

export interface FlashcardItem extends ItemBase {
	type: 'flashcard';
	front: string;
	back: string;
}

/** Flashcard self-grades, in the order of the 1-4 keys (the same as FSRS ratings 1-4). */
export const SELF_GRADES = ['Again', 'Hard', 'Good', 'Easy'] as const;
export type SelfGrade = (typeof SELF_GRADES)[number];

/** Whether the back is shown, and the learner's own rating once given. */
export interface RecallResponse {
	recall: { revealed: boolean; grade?: SelfGrade };
}
