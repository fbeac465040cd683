import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		// The service worker is registered by hand (src/lib/pwa.ts) so the e2e tests can wait on it.
		serviceWorker: { register: false },
		prerender: { handleHttpError: 'fail' },
		// Prerendered pages carry this as a <meta> policy with the hashes of kit's inline scripts.
		// Bank Markdown is sanitized (src/lib/markdown.ts); this is the second wall if that ever
		// misses: no script or image from elsewhere, no form can post anywhere, no <base> or plugin.
		// Inline styles stay allowed: Svelte sets style attributes (bars, transitions).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'form-action': ['none'],
				'object-src': ['none'],
				'base-uri': ['none']
			}
		},
		typescript: {
			// Type-check (and lint with types) the Node-side scripts, benchmarks and e2e config too.
			config(tsconfig) {
				tsconfig.include.push('../scripts/**/*.ts', '../bench/**/*.ts', '../playwright.config.ts');
				tsconfig.compilerOptions.allowImportingTsExtensions = true;
			}
		}
	}
};

export default config;
