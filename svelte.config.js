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
