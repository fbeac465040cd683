/** Registers the service worker built from src/service-worker.ts (production builds only). */
import { dev } from '$app/environment';

export async function registerServiceWorker(): Promise<void> {
	if (dev || !('serviceWorker' in navigator)) return;
	try {
		await navigator.serviceWorker.register('/service-worker.js');
	} catch (e) {
		// The app still works online; offline use simply is not available in this browser.
		console.warn('Service worker registration failed', e);
	}
}
