/**
 * Markdown from the banks, rendered with marked and always sanitized with DOMPurify before it
 * reaches `{@html}`: an imported bank is untrusted input. Browser only (DOMPurify needs a DOM).
 * Codes in the text link to their code-book page.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { linkCodes } from '$lib/codebook/code-links';

export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true });
	return DOMPurify.sanitize(linkCodes(html));
}
