/**
 * The answer component of each kind: the `Answer.svelte` in its folder, found by name, so a new
 * kind needs no line here. A test checks that every registered kind has one.
 */
import type { Component } from 'svelte';
import type { AnswerProps } from './kind';
import type { ItemType } from './registry';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAnswer = Component<AnswerProps<any, any>>;

const found = import.meta.glob<{ default: AnyAnswer }>('./*/Answer.svelte', { eager: true });

const VIEWS = new Map<string, AnyAnswer>(
	Object.entries(found).map(([path, m]) => [path.split('/')[1] ?? '', m.default])
);

export function answerView(type: ItemType): AnyAnswer {
	const view = VIEWS.get(type);
	if (!view) throw new Error(`no Answer.svelte for item kind "${type}"`);
	return view;
}

/** The kinds that have an answer component (for the test that every kind has one). */
export function viewTypes(): string[] {
	return [...VIEWS.keys()];
}
