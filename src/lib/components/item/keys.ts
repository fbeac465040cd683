/**
 * Keyboard handling shared by practice and the drill: each kind's keyboard map (items/<type>/)
 * turns a key into a changed response or a request to submit. Returns true if the key was used.
 */
import type { ItemAnswer } from '$lib/state/item-answer.svelte';

export interface AnswerKeyActions {
	submit: () => void;
}

/** True when the event comes from a text field, which handles its own keys. */
export function isTyping(target: EventTarget | null): boolean {
	return (
		(target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox') ||
		target instanceof HTMLTextAreaElement ||
		target instanceof HTMLSelectElement
	);
}

/** Buttons and links act on Enter and Space themselves. */
export function isNativeControl(target: EventTarget | null): boolean {
	return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
}

export function answerKey(e: KeyboardEvent, answer: ItemAnswer, act: AnswerKeyActions): boolean {
	if (answer.graded || isTyping(e.target)) return false;
	if ((e.key === 'Enter' || e.key === ' ') && isNativeControl(e.target)) return false;
	const { used, submit } = answer.press(e.key);
	if (submit) act.submit();
	return used;
}
