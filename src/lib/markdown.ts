/**
 * Markdown from the banks, rendered with marked and always sanitized with DOMPurify before it
 * reaches `{@html}`: an imported bank is untrusted input. Browser only (DOMPurify needs a DOM).
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true });
	return DOMPurify.sanitize(html);
}
