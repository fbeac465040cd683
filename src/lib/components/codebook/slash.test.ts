import { expect, it } from 'vitest';
import { isSlashShortcut } from './slash';

const key = (key: string, target: object | null = { tagName: 'BODY' }, mods = {}) => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	...mods,
	target: target as EventTarget
});

it('takes a bare slash typed outside a field', () => {
	expect(isSlashShortcut(key('/'))).toBe(true);
	expect(isSlashShortcut(key('/', { tagName: 'A' }))).toBe(true);
	expect(isSlashShortcut(key('/', null))).toBe(true);
});

it('leaves a slash typed in a field, and other keys, alone', () => {
	for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
		expect(isSlashShortcut(key('/', { tagName })), tagName).toBe(false);
	expect(isSlashShortcut(key('/', { tagName: 'DIV', isContentEditable: true }))).toBe(false);
	expect(isSlashShortcut(key('/', undefined, { ctrlKey: true }))).toBe(false);
	expect(isSlashShortcut(key('?'))).toBe(false);
});
