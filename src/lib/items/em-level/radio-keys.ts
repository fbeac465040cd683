/**
 * Arrow keys on this kind's radios belong to the radio group (move along a row of the grid, or
 * through the levels). The exam page reads ArrowLeft/ArrowRight on the window as previous/next
 * question, radios included; stopping the event at the group keeps the radio's own behavior
 * (its default action) and keeps the exam on this question.
 */
function keepArrowsOnRadios(e: KeyboardEvent): void {
	const t = e.target;
	if (e.key.startsWith('Arrow') && t instanceof HTMLInputElement && t.type === 'radio')
		e.stopPropagation();
}

/** `{@attach keepArrows}`: a radio group's element keeps its arrow keys (see above). */
export function keepArrows(node: HTMLElement): () => void {
	node.addEventListener('keydown', keepArrowsOnRadios);
	return () => node.removeEventListener('keydown', keepArrowsOnRadios);
}
