import { describe, expect, it } from 'vitest';
import { formatMoney, lineAmounts, parseMoney } from './money.ts';

describe('parseMoney', () => {
	it('reads dollars and cents as integer cents', () => {
		expect(parseMoney('$125.00')).toBe(12500);
		expect(parseMoney('$0.00')).toBe(0);
		expect(parseMoney('$0.07')).toBe(7);
		expect(parseMoney('$1,234.50')).toBe(123450);
		expect(parseMoney('$1234.50')).toBe(123450);
		expect(parseMoney('$12,345,678.99')).toBe(1234567899);
	});

	it('keeps cents exact where floating point would not (0.29 * 100 is 28.999...)', () => {
		expect(parseMoney('$0.29')).toBe(29);
		expect(parseMoney('$1,005.29')).toBe(100529);
	});

	it('refuses anything but $dollars.cents', () => {
		for (const bad of [
			'125.00',
			'$125',
			'$125.5',
			'$125.005',
			'$1,23.00',
			'$12,34.00',
			'$01.00',
			'-$5.00',
			'$-5.00',
			'$ 5.00',
			'$1.2e3',
			'',
			'$'
		])
			expect(parseMoney(bad), bad).toBeUndefined();
	});
});

describe('formatMoney', () => {
	it('writes cents as dollars with thousands separators', () => {
		expect(formatMoney(0)).toBe('$0.00');
		expect(formatMoney(7)).toBe('$0.07');
		expect(formatMoney(12500)).toBe('$125.00');
		expect(formatMoney(123450)).toBe('$1,234.50');
		expect(formatMoney(100000000)).toBe('$1,000,000.00');
		expect(formatMoney(-2550)).toBe('-$25.50');
	});

	it('round-trips', () => {
		for (const c of [0, 1, 99, 100, 101, 99999, 100000, 123456789])
			expect(parseMoney(formatMoney(c))).toBe(c);
	});
});

describe('lineAmounts', () => {
	it('splits a paid line into the contractual adjustment and the patient share', () => {
		// $185.00 billed, $118.40 allowed, $93.40 paid: $66.60 adjusted, $25.00 copay.
		expect(lineAmounts({ billed: 18500, allowed: 11840, paid: 9340 })).toEqual({
			adjustment: 6660,
			patientShare: 2500
		});
	});

	it('adjusts the whole charge on a denied (zero-paid) line', () => {
		expect(lineAmounts({ billed: 21000, allowed: 0, paid: 0 })).toEqual({
			adjustment: 21000,
			patientShare: 0
		});
	});

	it('never shows a negative share or adjustment on an overpaid line', () => {
		expect(lineAmounts({ billed: 10000, allowed: 10000, paid: 12000 })).toEqual({
			adjustment: 0,
			patientShare: 0
		});
	});
});
