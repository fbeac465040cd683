/** Which answer fields an item or a case part shows. */
import type { CodeKey } from '$lib/content/types';
import type { CodeList } from '$lib/grading/entry';

/**
 * A record case part shows only the fields its key uses: its prompt says what to code, and a
 * field the key does not use would only collect codes that count against the learner. That a
 * part asks for diagnoses and procedures is no more than the real exams say. A code-entry item
 * keeps the diagnosis and procedure fields whatever its key (its scenario says what to report);
 * PCS appears only for inpatient keys.
 */
export function codeFields(key: CodeKey, casePart: boolean): CodeList[] {
	if (casePart)
		return (['icd10cm', 'procedures', 'icd10pcs'] as const).filter((l) => key[l].length);
	return key.icd10pcs.length ? ['icd10cm', 'procedures', 'icd10pcs'] : ['icd10cm', 'procedures'];
}
