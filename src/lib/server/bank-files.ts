/**
 * Build-time only (prerendering): the item index and the body files, from the validated banks,
 * with body files named after the SHA-256 of their content.
 */
import { createHash } from 'node:crypto';
import banks from 'virtual:banks';
import { buildItemIndex } from '../content/item-index';

let built: ReturnType<typeof buildItemIndex> | undefined;

export function bankFiles(): ReturnType<typeof buildItemIndex> {
	built ??= buildItemIndex(banks, (text) => createHash('sha256').update(text).digest('hex'));
	return built;
}
