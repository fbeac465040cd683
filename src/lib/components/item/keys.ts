/**
 * Keyboard handling shared by practice and the drill: 1-4 or A-D choose an option, Enter checks,
 * Space flips a flashcard, 1-4 grade it. Returns true if the key was used.
 */
import { SELF_GRADES, type ItemAnswer, type SelfGrade } from '$lib/state/item-answer.svelte';

export interface AnswerKeyActions {
	submit: () => void;
	selfGrade: (grade: SelfGrade) => void;
}

/** True when the event comes from a text field, which handles its own keys. */
export function isTyping(target: EventTarget | null): boolean {
	return (
		(target instanceof HTMLInputElement && target.type !== 'radio') ||
		target instanceof HTMLTextAreaElement
	);
}

/** Buttons and links act on Enter and Space themselves. */
export function isNativeControl(target: EventTarget | null): boolean {
	return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
}

export function answerKey(e: KeyboardEvent, answer: ItemAnswer, act: AnswerKeyActions): boolean {
	if (answer.graded || isTyping(e.target)) return false;
	const key = e.key.toLowerCase();
	const native = isNativeControl(e.target);
	const item = answer.item;
	if (item.type === 'single-best-answer') {
		const digit = ['1', '2', '3', '4'].indexOf(key);
		const i = digit >= 0 ? digit : ['a', 'b', 'c', 'd'].indexOf(key);
		const option = item.options[i];
		if (i >= 0 && option) {
			answer.choose(option.letter);
			return true;
		}
		if (key === 'enter' && !native && answer.canSubmit) {
			act.submit();
			return true;
		}
	} else if (item.type === 'flashcard') {
		if (!answer.revealed && (key === ' ' || key === 'enter') && !native) {
			answer.reveal();
			return true;
		}
		const grade = SELF_GRADES[Number(key) - 1];
		if (answer.revealed && grade) {
			act.selfGrade(grade);
			return true;
		}
	}
	return false;
}
