/** What the browser reports about this app's storage: use, quota, and whether it is persistent. */
export class DeviceStorage {
	usage = $state<number | undefined>(undefined);
	quota = $state<number | undefined>(undefined);
	persisted = $state<boolean | undefined>(undefined);
	supported = $state(true);
	/** What happened when the learner last asked for persistence. */
	message = $state<string | undefined>(undefined);

	async refresh(): Promise<void> {
		if (!navigator.storage?.estimate) {
			this.supported = false;
			return;
		}
		const est = await navigator.storage.estimate();
		this.usage = est.usage;
		this.quota = est.quota;
		this.persisted = await navigator.storage.persisted?.();
	}

	/**
	 * Asks the browser not to evict this app's data under storage pressure. Browsers may grant it
	 * silently (installed app, bookmarked, frequent use) or decline without asking the user.
	 */
	async requestPersistence(): Promise<void> {
		if (!navigator.storage?.persist) {
			this.message = 'This browser does not support persistent storage.';
			return;
		}
		const granted = await navigator.storage.persist();
		this.persisted = granted;
		this.message = granted
			? 'Granted: the browser will keep your history even when disk space runs low.'
			: 'Not granted yet. Browsers usually grant it once the app is installed or used regularly.';
		await this.refresh();
	}
}
