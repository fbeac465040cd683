import { describe, expect, it } from 'vitest';
import { formatMoney, npiCheckDigit, npiValid, parseDate, parseMoney } from './formats.ts';

describe('parseMoney', () => {
	it('reads dollar strings to integer cents', () => {
		expect(parseMoney('$125.00')).toBe(12500);
		expect(parseMoney('$0.05')).toBe(5);
		expect(parseMoney('$1,250.10')).toBe(125010);
		expect(parseMoney('$1250.10')).toBe(125010);
		// 0.1 + 0.2 style floating point never enters: $19.99 is 1999 exactly.
		expect(parseMoney('$19.99')).toBe(1999);
	});
	it('refuses anything else', () => {
		for (const s of [
			'125.00',
			'$125',
			'$125.0',
			'$1,25.00',
			'$12,50.00',
			'$-5.00',
			' $1.00',
			'$1.005'
		])
			expect(parseMoney(s), s).toBeUndefined();
	});
	it('formats cents back', () => {
		expect(formatMoney(125010)).toBe('$1,250.10');
		expect(formatMoney(5)).toBe('$0.05');
		expect(formatMoney(123456789)).toBe('$1,234,567.89');
	});
});

describe('parseDate', () => {
	it('orders real dates', () => {
		const a = parseDate('02/28/2027')!;
		expect(parseDate('03/01/2027')).toBe(a + 1);
		expect(parseDate('03/01/2028')! - parseDate('02/28/2028')!).toBe(2);
		expect(parseDate('01/01/2027')! - parseDate('12/31/2026')!).toBe(1);
	});
	it('refuses dates that do not exist', () => {
		for (const s of [
			'02/29/2027',
			'13/01/2027',
			'00/10/2027',
			'04/31/2027',
			'2027-03-01',
			'3/1/2027'
		])
			expect(parseDate(s), s).toBeUndefined();
		expect(parseDate('02/29/2000')).toBeDefined();
		expect(parseDate('02/29/1900')).toBeUndefined();
	});
});

describe('npiValid', () => {
	it('passes the CMS worked example and fails a changed digit', () => {
		// CMS's example: 123456789 has check digit 3.
		expect(npiCheckDigit('123456789')).toBe(3);
		expect(npiValid('1234567893')).toBe(true);
		expect(npiValid('1234567894')).toBe(false);
		expect(npiValid('123456789')).toBe(false);
		expect(npiValid('12345678a3')).toBe(false);
	});
});
