/**
 * Markdown from the banks, rendered with marked and always sanitized with DOMPurify before it
 * reaches `{@html}`: an imported bank is untrusted input. Browser only (DOMPurify needs a DOM).
 * Codes in the text link to their code-book page.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { linkCodes } from '$lib/codebook/code-links';

/**
 * Beyond DOMPurify's defaults (no script, no event handlers, no javascript: links): no form
 * controls (a form inside an exam could navigate away from it), no `style` (a full-screen overlay)
 * and nothing that loads from elsewhere. The CSP in svelte.config.js refuses the same a second time.
 */
const CONFIG = {
	FORBID_TAGS: [
		'form',
		'input',
		'button',
		'textarea',
		'select',
		'option',
		'fieldset',
		'label',
		'style',
		'link',
		'meta',
		'base',
		'iframe',
		'object',
		'embed',
		'dialog',
		'video',
		'audio',
		'source',
		'picture'
	],
	FORBID_ATTR: ['style', 'action', 'formaction', 'srcset', 'ping', 'background']
};

/** An image may come from the app itself or be inline data; a remote one would track the learner. */
function isLocalSource(src: string): boolean {
	return /^data:image\//i.test(src) || (/^\/(?!\/)/.test(src) && !src.includes('\\'));
}

let hooked = false;
function purifier(): typeof DOMPurify {
	if (!hooked) {
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName === 'IMG' && !isLocalSource(node.getAttribute('src') ?? '')) node.remove();
		});
		hooked = true;
	}
	return DOMPurify;
}

export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true });
	return purifier().sanitize(linkCodes(html), CONFIG);
}
