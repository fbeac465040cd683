import { describe, expect, it } from 'vitest';
import { allResetText, bankResetDone, bankResetText } from './reset-text';

const none = { attempts: 0, cards: 0, reviews: 0, flags: 0, reports: 0 };

describe('reset confirmation text', () => {
	it('names every count of the bank, with thousands separators, and keeps exams', () => {
		expect(
			bankResetText({ attempts: 1234, cards: 56, reviews: 789, flags: 3, reports: 2 }, 'CPC')
		).toBe(
			'Delete 1,234 answers, 56 drill cards, 789 drill reviews, 3 flags and 2 reports of the “CPC” bank. Mock exams are kept.'
		);
	});

	it('uses the singular for one and leaves out what there is none of', () => {
		expect(bankResetText({ ...none, attempts: 1, reports: 1 }, 'CPC')).toBe(
			'Delete 1 answer and 1 report of the “CPC” bank. Mock exams are kept.'
		);
		expect(bankResetText({ ...none, flags: 2 }, 'CPC')).toBe(
			'Delete 2 flags of the “CPC” bank. Mock exams are kept.'
		);
		expect(bankResetText(none, 'CPC')).toBe(
			'You have no answers, cards, flags or reports in the “CPC” bank.'
		);
		expect(bankResetDone(none, 'CPC')).toBe('Deleted nothing of the “CPC” bank.');
		expect(bankResetDone({ ...none, cards: 1, reviews: 2 }, 'CPC')).toBe(
			'Deleted 1 drill card and 2 drill reviews of the “CPC” bank.'
		);
	});

	it('says that everything goes, exams, imported banks and settings included', () => {
		expect(
			allResetText({ attempts: 10, cards: 2, reviews: 3, flags: 0, reports: 1, exams: 1, banks: 2 })
		).toBe(
			'Delete every answer, card, review, exam, flag, report, imported bank and setting: ' +
				'10 answers, 2 drill cards, 3 drill reviews, 1 mock exam, 1 report and 2 imported banks. ' +
				'This cannot be undone; export a backup first if you may want them back.'
		);
		expect(allResetText({ ...none, exams: 0, banks: 0 })).toBe(
			'Delete every answer, card, review, exam, flag, report, imported bank and setting. ' +
				'This cannot be undone; export a backup first if you may want them back.'
		);
	});
});
