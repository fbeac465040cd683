import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot run on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets a second checkout run its e2e beside this one.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		// Without a service worker a test skips the install-time precache and the background
		// code-book download, a third of the CPU the suite used on the 2-core machine. The
		// specs about offline use opt back in with `test.use({ serviceWorkers: 'allow' })`.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// The service worker only exists in a production build, so e2e runs against the build.
		command: `npm run build && npx vite preview --port ${port} --strictPort`,
		url: `http://localhost:${port}/data/banks.json`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	}
});
