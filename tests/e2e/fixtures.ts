/** Shared e2e helpers: wait for hydration before acting, and answer whatever item is shown. */
import { expect, type Page } from '@playwright/test';
import type { ItemType } from '../../src/lib/items/registry';
import { answerBillingItem, isBillingKind } from './billing-keys';

/**
 * Waits on the code book and the tests that use it. Alone on a quiet 2-core machine a code-book
 * test needs 3-14 s (the worker parses 186,000 codes and builds a 240,000-entry search index);
 * with the second e2e worker building its own index at the same time it has needed up to 31 s.
 * So these tests get 60 s in all and 40 s for the code book to answer: under half, alone.
 */
export const CODE_BOOK_TEST_TIMEOUT = 60_000;
export const CODE_BOOK_WAIT = 40_000;

/** Navigates and waits until the root layout has mounted (clicks before that are lost). */
export async function open(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForSelector('body[data-hydrated="true"]');
}

/**
 * Opens `url` and waits until the service worker controls the page (it installs on the first
 * visit and takes control after one reload), so that going offline afterwards is meaningful.
 * The config blocks service workers: a test that calls this needs
 * `test.use({ serviceWorkers: 'allow' })`.
 */
export async function openControlled(page: Page, url: string): Promise<void> {
	await open(page, url);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await page.waitForSelector('body[data-hydrated="true"]');
}

export type ShownType = ItemType;

/** Which kind of item is on screen, as its card names it. */
export async function shownType(page: Page): Promise<ShownType> {
	const item = page.locator('article[data-item-id]');
	await expect(item).toBeVisible();
	return ((await item.getAttribute('data-item-type')) ?? '') as ShownType;
}

/**
 * Turns the flashcard on screen with Space and rates it with `rating` (1-4). Each key waits for
 * the state it acts on: the run loads its place after hydration, so an early Space would be lost.
 */
export async function rateFlashcard(page: Page, rating: string): Promise<void> {
	await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
	await page.keyboard.press(rating);
}

/**
 * Answers the current item with the keyboard only and waits until the answer is saved.
 * Returns the item id.
 */
export async function answerWithKeyboard(page: Page, choice = '2'): Promise<string> {
	const id = (await page.locator('article[data-item-id]').getAttribute('data-item-id')) ?? '';
	const type = await shownType(page);
	if (type === 'single-best-answer') {
		await page.keyboard.press(choice);
		await page.keyboard.press('Enter');
	} else if (isBillingKind(type)) {
		await answerBillingItem(page, false);
	} else if (type === 'flashcard') {
		await rateFlashcard(page, choice);
	} else {
		// The first code field has focus; Enter in a field submits the form.
		await expect(page.getByLabel('Diagnosis codes (ICD-10-CM)').first()).toBeFocused();
		await page.keyboard.type('R69');
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	return id;
}

/** Moves on from the feedback with the keyboard (focus is on the Next button). */
export async function nextWithKeyboard(page: Page): Promise<void> {
	await expect(page.getByRole('button', { name: /Next item|Finish/ })).toBeFocused();
	await page.keyboard.press('Enter');
}

/** One attempt as the app stored it in IndexedDB. */
export interface StoredAttempt {
	itemId: string;
	mode: string;
	response: unknown;
	score: number;
	correct: boolean;
}

/** The attempts stored for an item, oldest first, read through a connection of its own. */
export async function attemptsOf(page: Page, itemId: string): Promise<StoredAttempt[]> {
	return page.evaluate(async (id) => {
		const req = indexedDB.open('codedrill');
		await new Promise((r) => (req.onsuccess = r));
		const db = req.result;
		const get = db.transaction('attempts').objectStore('attempts').index('itemId').getAll(id);
		await new Promise((r) => (get.onsuccess = r));
		db.close();
		return get.result as StoredAttempt[];
	}, itemId);
}

/** Pins the exam's random seed (the picker draws one 32-bit `crypto.getRandomValues` word). */
export async function fixSeed(page: Page, seed: number): Promise<void> {
	await page.addInitScript((s) => {
		const real = crypto.getRandomValues.bind(crypto);
		crypto.getRandomValues = ((a: ArrayBufferView) => {
			if (a instanceof Uint32Array && a.length === 1) {
				a[0] = s;
				return a;
			}
			return real(a);
		}) as typeof crypto.getRandomValues;
	}, seed);
}
