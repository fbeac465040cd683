import { describe, expect, it } from 'vitest';
import { codeSetYearSetting, defaultCodeSetYear } from './codesets';

describe('defaultCodeSetYear', () => {
	it('moves to FY2027 on 1 October 2026, local time', () => {
		expect(defaultCodeSetYear(new Date(2026, 8, 30, 23, 59))).toBe(2026);
		expect(defaultCodeSetYear(new Date(2026, 9, 1, 0, 0))).toBe(2027);
		expect(defaultCodeSetYear(new Date(2027, 0, 15))).toBe(2027);
	});

	it('stays within the years the app has', () => {
		expect(defaultCodeSetYear(new Date(2024, 5, 1))).toBe(2026);
		expect(defaultCodeSetYear(new Date(2031, 5, 1))).toBe(2027);
	});
});

describe('codeSetYearSetting', () => {
	const now = new Date(2026, 11, 2);
	it("keeps the learner's choice of 2026 or 2027", () => {
		expect(codeSetYearSetting(2026, now)).toBe(2026);
		expect(codeSetYearSetting(2027, new Date(2026, 0, 1))).toBe(2027);
	});

	it('falls back to the year in effect for anything else', () => {
		for (const stored of [undefined, null, 2025, '2026', 2028.5, {}])
			expect(codeSetYearSetting(stored, now)).toBe(2027);
	});
});
