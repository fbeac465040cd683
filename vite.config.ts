import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { banksPlugin } from './scripts/lib/vite-banks.ts';

export default defineConfig({
	plugins: [sveltekit(), banksPlugin()],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		setupFiles: ['tests/setup.ts'],
		environment: 'node'
	}
});
