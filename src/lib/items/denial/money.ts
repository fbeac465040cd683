/** Money as integer cents, read from and written as `$1,234.50`: never a floating-point sum. */

const MONEY = /^\$(0|[1-9]\d{0,2}(?:,\d{3})*|[1-9]\d*)\.(\d{2})$/;

/** `$1,234.50` as 123450 cents; undefined unless it is dollars and exactly two cent digits. */
export function parseMoney(text: string): number | undefined {
	const m = MONEY.exec(text.trim());
	if (!m?.[1] || m[2] === undefined) return undefined;
	const dollars = Number(m[1].replaceAll(',', ''));
	const cents = dollars * 100 + Number(m[2]);
	return Number.isSafeInteger(cents) ? cents : undefined;
}

/** 123450 cents as `$1,234.50`. */
export function formatMoney(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const dollars = Math.floor(abs / 100)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What a remittance line's amounts add up to, in cents: the payer's adjustment (billed less
 * allowed: the contractual write-down, or the whole charge on a denied line) and the patient's
 * share of the allowed amount (deductible, copay, coinsurance: allowed less paid, never below 0).
 */
export function lineAmounts(line: { billed: number; allowed: number; paid: number }): {
	adjustment: number;
	patientShare: number;
} {
	return {
		adjustment: Math.max(0, line.billed - line.allowed),
		patientShare: Math.max(0, line.allowed - line.paid)
	};
}
