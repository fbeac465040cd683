/** The formats a claim's fields are written in: money, dates, NPIs. Pure. */

// Item amounts are read in their printed form only (`$1,234.50`): a typo fails the bank.
export { formatMoney, parsePrintedMoney as parseMoney } from '../money.ts';

/** `MM/DD/YYYY` to a day number (days since 0000-03-01, comparable); undefined if not a date. */
export function parseDate(s: string): number | undefined {
	const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
	if (!m) return undefined;
	const [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mo < 1 || mo > 12 || d < 1) return undefined;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
	if (d > days) return undefined;
	// Days from a fixed epoch by the usual civil-calendar arithmetic (no Date: no time zones).
	const yy = mo <= 2 ? y - 1 : y;
	const mm = mo <= 2 ? mo + 9 : mo - 3;
	return (
		365 * yy +
		Math.floor(yy / 4) -
		Math.floor(yy / 100) +
		Math.floor(yy / 400) +
		Math.floor((153 * mm + 2) / 5) +
		d -
		1
	);
}

/**
 * Whether a 10-digit NPI passes its check digit: the Luhn formula over the first nine digits with
 * the card-issuer prefix 80840 in front (the prefix adds a constant 24 to the sum).
 */
export function npiValid(npi: string): boolean {
	if (!/^\d{10}$/.test(npi)) return false;
	return npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

/** The check digit for the first nine digits of an NPI. */
export function npiCheckDigit(first9: string): number {
	let sum = 24;
	// From the right of the nine digits, every other digit starting with the last is doubled.
	for (let i = 0; i < 9; i++) {
		let d = Number(first9[8 - i]);
		if (i % 2 === 0) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return (10 - (sum % 10)) % 10;
}
