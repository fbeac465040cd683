/** The `/` shortcut to a search box, shared by the code-book search and the code pages. */

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'> & {
	target: EventTarget | null;
};

/**
 * True for a bare `/` pressed outside a text field: typing "heart/failure" in a box, or a date
 * in a field, must not jump to the search.
 */
export function isSlashShortcut(e: KeyLike): boolean {
	if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return false;
	const t = e.target as { tagName?: string; isContentEditable?: boolean } | null;
	return !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName ?? '')));
}
