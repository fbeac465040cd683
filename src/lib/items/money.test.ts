import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, MAX_CENTS, parseMoney, percentOf, sum } from './money';

describe('parseMoney', () => {
	it('reads the usual ways of writing an amount', () => {
		expect(parseMoney('$1,234.56')).toBe(123456);
		expect(parseMoney('1234.56')).toBe(123456);
		expect(parseMoney('1234.5')).toBe(123450);
		expect(parseMoney('1234')).toBe(123400);
		expect(parseMoney('.5')).toBe(50);
		expect(parseMoney('0.05')).toBe(5);
		expect(parseMoney('  $ 80.00 ')).toBe(8000);
		expect(parseMoney('$0')).toBe(0);
		expect(parseMoney('007.10')).toBe(710);
		expect(parseMoney('1,000,000.00')).toBe(100000000);
	});

	it('refuses what is not an amount of dollars and cents', () => {
		for (const bad of [
			'',
			'   ',
			'$',
			'.',
			'12.',
			'12.345',
			'1.999',
			'12a',
			'abc',
			'1e3',
			'0x10',
			'12,34',
			'1,2345.00',
			',123',
			'1 234',
			'$$5',
			'5$',
			'--5',
			'+5',
			'Infinity',
			'NaN',
			'١٢'
		]) {
			expect(parseMoney(bad), bad).toBeUndefined();
		}
	});

	it('refuses a minus sign unless negatives are allowed', () => {
		expect(parseMoney('-5.00')).toBeUndefined();
		expect(parseMoney('-$5.00')).toBeUndefined();
		expect(parseMoney('-5.00', { allowNegative: true })).toBe(-500);
		expect(parseMoney('-$1,000.01', { allowNegative: true })).toBe(-100001);
		expect(parseMoney('$-5', { allowNegative: true })).toBe(-500);
	});

	it('reads -0.00 as zero, not as a negative zero', () => {
		expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
		expect(Object.is(parseMoney('-$0', { allowNegative: true }), 0)).toBe(true);
	});

	it('reads large amounts exactly and refuses larger than it can hold', () => {
		expect(parseMoney('$999,999,999.99')).toBe(MAX_CENTS);
		expect(parseMoney('999999999.99')).toBe(99_999_999_999);
		expect(parseMoney('1,000,000,000.00')).toBeUndefined();
		expect(parseMoney('99999999999999999999')).toBeUndefined();
		expect(parseMoney('0000000000000001.00')).toBe(100);
	});

	it('adds amounts that floating point gets wrong', () => {
		// 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
		expect(parseMoney('0.1')! + parseMoney('0.2')!).toBe(parseMoney('0.30'));
		// 19.99 * 3 is 59.97000000000001 in floating point.
		expect(parseMoney('19.99')! * 3).toBe(5997);
		expect(formatMoney(parseMoney('19.99')! * 3)).toBe('$59.97');
		// 1.15 * 100 is 114.99999999999999: reading digits never multiplies a fraction.
		expect(parseMoney('1.15')).toBe(115);
		expect(parseMoney('4.35')).toBe(435);
		expect(parseMoney('0.29')).toBe(29);
	});

	it('reads back every amount it formats', () => {
		fc.assert(
			fc.property(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }), (cents) => {
				expect(parseMoney(formatMoney(cents), { allowNegative: true })).toBe(cents);
			})
		);
	});
});

describe('formatMoney', () => {
	it('writes dollars with thousands separators and two decimals', () => {
		expect(formatMoney(0)).toBe('$0.00');
		expect(formatMoney(5)).toBe('$0.05');
		expect(formatMoney(50)).toBe('$0.50');
		expect(formatMoney(123456)).toBe('$1,234.56');
		expect(formatMoney(100000000)).toBe('$1,000,000.00');
		expect(formatMoney(-2000)).toBe('-$20.00');
		expect(formatMoney(MAX_CENTS)).toBe('$999,999,999.99');
	});

	it('refuses a fraction of a cent', () => {
		expect(() => formatMoney(0.5)).toThrow(RangeError);
		expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
	});
});

describe('percentOf', () => {
	it('takes a percentage in whole numbers, rounding half a cent up', () => {
		expect(percentOf(9240, 80)).toBe(7392);
		expect(percentOf(9240, 20)).toBe(1848);
		// 80% of $92.43 is $73.944: down to $73.94.
		expect(percentOf(9243, 80)).toBe(7394);
		// 20% of $92.43 is $18.486: up to $18.49.
		expect(percentOf(9243, 20)).toBe(1849);
		// Half a cent goes up: 50% of 1 cent, 10% of 5 cents.
		expect(percentOf(1, 50)).toBe(1);
		expect(percentOf(5, 10)).toBe(1);
		expect(percentOf(4, 10)).toBe(0);
		expect(percentOf(0, 80)).toBe(0);
		expect(percentOf(MAX_CENTS, 100)).toBe(MAX_CENTS);
	});

	it('keeps both shares whole: the two parts of a split add back to the amount when one is rounded from the other', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: MAX_CENTS }),
				fc.integer({ min: 0, max: 100 }),
				(c, p) => {
					const share = percentOf(c, p);
					expect(Number.isSafeInteger(share)).toBe(true);
					expect(share).toBeGreaterThanOrEqual(0);
					expect(share).toBeLessThanOrEqual(c);
					expect(Math.abs(share * 100 - c * p)).toBeLessThanOrEqual(50);
				}
			)
		);
	});

	it('refuses a bad percentage or amount', () => {
		expect(() => percentOf(100, 80.5)).toThrow(RangeError);
		expect(() => percentOf(100, 101)).toThrow(RangeError);
		expect(() => percentOf(-1, 50)).toThrow(RangeError);
		expect(() => percentOf(1.5, 50)).toThrow(RangeError);
	});
});

describe('sum', () => {
	it('adds cents exactly', () => {
		expect(sum([])).toBe(0);
		expect(sum([10, 20, 30])).toBe(60);
		expect(sum(Array.from({ length: 1000 }, () => 1))).toBe(1000);
	});
});
