/**
 * The shared helpers that answer whatever item practice or the drill shows (fixtures.ts) handle
 * every billing kind: the drill's draw changes with the date, so any spec may meet one. Each
 * kind is answered wrong through `answerWithKeyboard`, and its attempt is stored as a miss.
 */
import { expect, test } from '@playwright/test';
import { BILLING_KINDS } from './billing-keys';
import { attemptsOf, answerWithKeyboard, shownType } from './fixtures';
import { bank, practiceAt } from './practice-at';

const SECTION = {
	'em-level': 'billing',
	'claim-scrub': 'billing',
	denial: 'denials',
	'payment-posting': 'reimbursement'
} as const;

for (const kind of BILLING_KINDS) {
	test(`answerWithKeyboard gives a wrong answer to the ${kind} item shown; it is stored as a miss`, async ({
		page
	}) => {
		const b = await bank(page.request, 'billing');
		await practiceAt(page, b, SECTION[kind], (i) => i.type === kind);
		expect(await shownType(page)).toBe(kind);
		const id = await answerWithKeyboard(page);
		const stored = await attemptsOf(page, id);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ mode: 'practice', correct: false });
		expect(Object.keys(stored[0]!.response as object)).toHaveLength(1);
	});
}
