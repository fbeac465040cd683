/**
 * The banks the learner imported (flashcard decks and Markdown banks), in the `banks` table: the
 * validated Bank as `data`. The shipped banks are static files and never stored here.
 */
import type { Bank } from '../content/types';
import type { BankRecord, CodeDrillDb } from './db';

/** A stored bank as the app lists it. */
export interface ImportedBank {
	bank: Bank;
	importedAt: number;
}

/**
 * Whether a stored value has the shape the app reads. The bank was validated before it was
 * stored; this only keeps a damaged record (or one a future version wrote) from breaking a page.
 */
function isBank(v: unknown): v is Bank {
	const b = v as Partial<Bank> | null;
	return (
		typeof b === 'object' &&
		b !== null &&
		typeof b.id === 'string' &&
		typeof b.title === 'string' &&
		Array.isArray(b.sections) &&
		Array.isArray(b.items)
	);
}

export function importedBanksRepo(db: CodeDrillDb) {
	return {
		/** Every imported bank, oldest import first. */
		async all(): Promise<ImportedBank[]> {
			const records = await db.banks.toArray();
			return records
				.filter((r) => isBank(r.data) && r.data.id === r.id)
				.sort((a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id))
				.map((r) => ({ bank: r.data as Bank, importedAt: r.importedAt }));
		},

		/**
		 * Stores the banks in one transaction, or none of them: one whose id is already stored (a
		 * second tab imported it meanwhile) fails the whole write with a message naming it.
		 */
		async add(banks: readonly Bank[], now: number): Promise<void> {
			await db.transaction('rw', db.banks, async () => {
				for (const bank of banks) {
					const there = await db.banks.get(bank.id);
					if (there)
						throw new Error(
							`A bank with the id "${bank.id}" ("${there.title}") is already imported; remove it first.`
						);
				}
				const records: BankRecord[] = banks.map((bank) => ({
					id: bank.id,
					title: bank.title,
					importedAt: now,
					data: bank
				}));
				await db.banks.bulkAdd(records);
			});
		},

		/** Deletes the bank itself; the answers, cards and reviews of its items stay in history. */
		async remove(id: string): Promise<void> {
			await db.banks.delete(id);
		}
	};
}

export type ImportedBanksRepo = ReturnType<typeof importedBanksRepo>;
