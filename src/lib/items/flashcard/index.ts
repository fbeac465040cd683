/** Flashcard: a front, a back shown on request, and the learner's own rating of their recall. */
import type { ItemKind } from '../kind.ts';
import { SELF_GRADES, type FlashcardItem, type RecallResponse, type SelfGrade } from './types.ts';

export { SELF_GRADES, type FlashcardItem, type RecallResponse, type SelfGrade } from './types.ts';

export function isSelfGrade(v: unknown): v is SelfGrade {
	return typeof v === 'string' && (SELF_GRADES as readonly string[]).includes(v);
}

export const flashcard: ItemKind<FlashcardItem, RecallResponse> = {
	type: 'flashcard',
	name: 'Flashcard',
	fields: [],
	sections: ['Front', 'Back', 'Rationale'],
	examable: false,
	card: 'flashcard',
	guessRate: 0,
	submitButton: false,

	build: (c, base) => ({
		...base,
		type: 'flashcard',
		front: c.text.Front ?? '',
		back: c.text.Back ?? ''
	}),

	prompt: (item) => item.front,
	texts: (item) => [item.front, item.back, item.rationale],
	keyCodes: () => [],
	asked: (item) => [item.type, item.front, item.back],

	empty: () => ({ recall: { revealed: false } }),
	read(stored) {
		// Practice stored the bare rating before responses had one shape.
		if (isSelfGrade(stored)) return { recall: { revealed: true, grade: stored } };
		if (!stored || typeof stored !== 'object' || !('recall' in stored)) return undefined;
		const r = stored.recall;
		if (!r || typeof r !== 'object') return undefined;
		const grade = 'grade' in r ? r.grade : undefined;
		if (grade !== undefined && !isSelfGrade(grade)) return undefined;
		const revealed = 'revealed' in r && r.revealed === true;
		return { recall: grade ? { revealed: true, grade } : { revealed } };
	},
	answered: (_item, r) => r.recall.grade !== undefined,
	grade(_item, r) {
		const g = r.recall.grade;
		const correct = g !== undefined && g !== 'Again';
		const rating = g ? ((SELF_GRADES.indexOf(g) + 1) as 1 | 2 | 3 | 4) : undefined;
		return rating ? { score: correct ? 1 : 0, correct, rating } : { score: 0, correct };
	},
	keyText: () => '',
	responseText: (_item, r) => (r.recall.grade ? `rated ${r.recall.grade}` : '—'),
	verdict: (_item, r) => `You rated this card: ${r.recall.grade ?? '—'}.`,

	scoredKey: () => undefined,
	withKey: (item) => item,

	key(_item, r, key) {
		if (!r.recall.revealed) {
			return key === ' ' || key === 'Enter'
				? { response: { recall: { revealed: true } } }
				: undefined;
		}
		const grade = SELF_GRADES[Number(key) - 1];
		return grade ? { response: { recall: { revealed: true, grade } }, submit: true } : undefined;
	},
	keyHelp: [
		['Space', 'show the answer'],
		['1-4', 'rate how well you knew it']
	]
};
