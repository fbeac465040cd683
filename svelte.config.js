import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		// The service worker is registered by hand (src/lib/pwa.ts) so the e2e tests can wait on it.
		serviceWorker: { register: false },
		prerender: { handleHttpError: 'fail' }
	}
};

export default config;
