/**
 * Renders the PNG app icons from the SVGs in static/icons with Debian's Chromium.
 * Run by hand when the icon changes (`npx tsx scripts/icons.ts`); the PNGs are committed.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox']
});
const page = await browser.newPage();
for (const [svg, size, out] of [
	['icon.svg', 192, 'icon-192.png'],
	['icon.svg', 512, 'icon-512.png'],
	['maskable.svg', 512, 'maskable-512.png']
] as const) {
	await page.setViewportSize({ width: size, height: size });
	const src = readFileSync(`static/icons/${svg}`, 'utf8');
	await page.setContent(
		`<html><body style="margin:0;background:transparent">${src.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`
	);
	await page.screenshot({ path: `static/icons/${out}`, omitBackground: true });
}
await browser.close();
console.log('icons written');
