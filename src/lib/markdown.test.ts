// @vitest-environment jsdom
/**
 * The one sanitizer (issue 10.6): what an imported bank could use to leave an exam, cover the
 * screen, track the learner or run script is gone from the rendered Markdown.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('keeps what items use: emphasis, lists, tables, code links', () => {
		const html = renderMarkdown(
			'**E11.9** is right:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |'
		);
		expect(html).toContain('<strong>');
		expect(html).toContain('<li>one</li>');
		expect(html).toContain('<table>');
		expect(html).toContain('href="/codes?c=E11.9"');
	});

	it('drops forms and their controls, which could navigate away from an exam', () => {
		const html = renderMarkdown(
			'<form action="https://example.com/x"><input name="q"><button>Go</button></form>Text'
		);
		expect(html).not.toMatch(/<form|<input|<button|action=/i);
		expect(html).toContain('Text');
	});

	it('drops style attributes and style elements (a full-screen overlay)', () => {
		const html = renderMarkdown(
			'<div style="position:fixed;inset:0;z-index:9999">Cover</div><style>body{display:none}</style>'
		);
		expect(html).not.toMatch(/style/i);
		expect(html).toContain('Cover');
	});

	it('drops remote images and keeps local or inline ones', () => {
		expect(renderMarkdown('![x](https://tracker.example/p.png)')).not.toContain('<img');
		expect(renderMarkdown('<img src="//tracker.example/p.png">')).not.toContain('<img');
		expect(renderMarkdown('![knee](/figures/knee.png)')).toContain('src="/figures/knee.png"');
		expect(renderMarkdown('<img src="data:image/png;base64,AAAA">')).toContain('<img');
	});

	it('drops script and event handlers (DOMPurify defaults still hold)', () => {
		const html = renderMarkdown('<img src="/a.png" onerror="alert(1)"><script>alert(2)</script>');
		expect(html).not.toMatch(/onerror|<script|alert/);
	});
});
