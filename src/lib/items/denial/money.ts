/** Money as integer cents, read from and written as `$1,234.50`: never a floating-point sum. */

// Item amounts are read in their printed form only (`$1,234.50`): a typo fails the bank.
export { formatMoney, parsePrintedMoney as parseMoney } from '../money.ts';

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
