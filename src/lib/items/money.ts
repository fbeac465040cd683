/**
 * Money as integer cents, for every billing kind. Every amount an item states or a learner types
 * is read here, digit by
 * digit, into a whole number of cents: no amount ever passes through a binary fraction, so
 * $0.10 + $0.20 is 30 cents, not 30.000000000000004.
 */

/**
 * The largest amount read: a billion dollars less a cent. A hundred times it (a percentage taken
 * in whole numbers) is still an exact integer.
 */
export const MAX_CENTS = 99_999_999_999;

export interface ParseOptions {
	/** Whether a minus sign may make the amount negative (an item's data never needs it). */
	allowNegative?: boolean;
	/**
	 * Only the form a claim or remittance prints: `$`, whole dollars (commas by thousands, no
	 * leading zero) and exactly two cent digits, nothing around it. For item data, where a typo
	 * such as `$125.5` should fail the bank rather than be read kindly.
	 */
	strict?: boolean;
}

const PRINTED = /^\$(0|[1-9]\d{0,2}(?:,\d{3})*|[1-9]\d*)\.\d{2}$/;

/**
 * `$1,234.56`, `1234.5`, `1234`, `.50`, `$ 12` (spaces around are ignored): the amount in cents,
 * or undefined for anything else (three decimals, letters, a comma out of place, empty, a minus
 * sign unless allowed). `-0.00` reads as 0.
 */
export function parseMoney(text: string, options: ParseOptions = {}): number | undefined {
	if (options.strict && !PRINTED.test(text)) return undefined;
	let s = text.trim();
	let negative = false;
	if (s.startsWith('-')) {
		negative = true;
		s = s.slice(1).trim();
	}
	if (s.startsWith('$')) s = s.slice(1).trim();
	// "$-5" is read as "-$5".
	if (!negative && s.startsWith('-')) {
		negative = true;
		s = s.slice(1).trim();
	}
	// Whole dollars: plain digits, or digits grouped by thousands with commas; then .d or .dd.
	const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/.exec(s);
	if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
	const dollars = (m[1] ?? '0').replace(/,/g, '');
	const fraction = (m[2] ?? '').padEnd(2, '0');
	// Leading zeros are dropped so the length check below measures real digits.
	const digits = (dollars.replace(/^0+(?=\d)/, '') + fraction).replace(/^0+(?=\d)/, '');
	if (digits.length > String(MAX_CENTS).length) return undefined;
	const cents = Number(digits);
	if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return undefined;
	if (cents === 0) return 0;
	if (negative && !options.allowNegative) return undefined;
	return negative ? -cents : cents;
}

/** An amount in the printed form only (`$1,234.56`), as item data states it: `strict` above. */
export function parsePrintedMoney(text: string): number | undefined {
	return parseMoney(text, { strict: true });
}

/** Cents as `$1,234.56` (`-$5.00` below zero). */
export function formatMoney(cents: number): string {
	if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const dollars = Math.floor(abs / 100)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	const rest = (abs % 100).toString().padStart(2, '0');
	return `${sign}$${dollars}.${rest}`;
}

/** `percent`% of an amount in cents, rounded half up to the cent (whole-number arithmetic). */
export function percentOf(cents: number, percent: number): number {
	if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`bad amount: ${cents}`);
	if (!Number.isInteger(percent) || percent < 0 || percent > 100)
		throw new RangeError(`bad percent: ${percent}`);
	// cents * percent stays exact below 2^53 for any amount under MAX_CENTS.
	const hundredths = cents * percent;
	return Math.floor(hundredths / 100) + (hundredths % 100 >= 50 ? 1 : 0);
}

/** The sum of amounts in cents. */
export function sum(amounts: readonly number[]): number {
	return amounts.reduce((a, b) => a + b, 0);
}
