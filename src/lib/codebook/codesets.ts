/**
 * Lookups over the compact code-set files in `codesets/` (see its README for provenance).
 * Pure: takes the files' text, so the same code serves Node (validator, build) and later the app.
 */

export interface IcdCmEntry {
	billable: boolean;
	title: string;
}

export interface HcpcsEntry {
	type: 'procedure' | 'modifier';
	/** YYYYMMDD when CMS discontinued it, else empty. */
	terminated: string;
	title: string;
}

/** The ICD-10-CM fiscal years an item may be checked against (FY2027 from 2026-10-01). */
export const CODE_SET_YEARS = [2026, 2027] as const;
export type CodeSetYear = (typeof CODE_SET_YEARS)[number];
export const LATEST_CODE_SET_YEAR: CodeSetYear = 2027;

export function isCodeSetYear(v: unknown): v is CodeSetYear {
	return (CODE_SET_YEARS as readonly unknown[]).includes(v);
}

export interface CodeSets {
	/** An ICD-10-CM code (dotted) in that fiscal year's code set. */
	icd10cm(dotted: string, year: CodeSetYear): IcdCmEntry | undefined;
	/** The years whose ICD-10-CM table was given. */
	years: CodeSetYear[];
	hcpcs(code: string): HcpcsEntry | undefined;
	icd10pcs(code: string): boolean;
}

export interface CodeSetTexts {
	/** FY2026 ICD-10-CM (`codesets/icd10cm-2026.tsv`). */
	icd10cm: string;
	/** FY2027 ICD-10-CM (`codesets/icd10cm-2027.tsv`), when known. */
	icd10cm2027?: string;
	hcpcs: string;
	icd10pcs: string;
}

function dataLines(text: string): string[] {
	// The first line of each TSV is its header.
	return text.split('\n').slice(1);
}

function cmTable(text: string): Map<string, IcdCmEntry> {
	const cm = new Map<string, IcdCmEntry>();
	for (const line of dataLines(text)) {
		if (!line) continue;
		const [code, billable, title] = line.split('\t');
		if (code) cm.set(code, { billable: billable === '1', title: title ?? '' });
	}
	return cm;
}

export function codeSetsFromText(texts: CodeSetTexts): CodeSets {
	const cm = new Map<CodeSetYear, Map<string, IcdCmEntry>>([[2026, cmTable(texts.icd10cm)]]);
	if (texts.icd10cm2027 !== undefined) cm.set(2027, cmTable(texts.icd10cm2027));
	const hcpcs = new Map<string, HcpcsEntry>();
	for (const line of dataLines(texts.hcpcs)) {
		if (!line) continue;
		const [code, type, terminated, title] = line.split('\t');
		if (code)
			hcpcs.set(code, {
				type: type === 'modifier' ? 'modifier' : 'procedure',
				terminated: terminated ?? '',
				title: title ?? ''
			});
	}
	// The PCS file has no header: one code per line.
	const pcs = new Set(texts.icd10pcs.split('\n').filter(Boolean));
	return {
		icd10cm: (code, year) => cm.get(year)?.get(code),
		years: [...cm.keys()],
		hcpcs: (code) => hcpcs.get(code),
		icd10pcs: (code) => pcs.has(code)
	};
}

/**
 * The ICD-10-CM year in effect on `now` (local date): fiscal year N runs from 1 October of N-1
 * to 30 September of N. Clamped to the years the app has, so a learner far in the future still
 * gets the newest set.
 */
export function defaultCodeSetYear(now: Date): CodeSetYear {
	const fy = now.getMonth() >= 9 ? now.getFullYear() + 1 : now.getFullYear();
	const years = CODE_SET_YEARS as readonly number[];
	return Math.min(Math.max(fy, years[0]!), years[years.length - 1]!) as CodeSetYear;
}

/** The learner's stored choice if it is a year the app has, else the year in effect on `now`. */
export function codeSetYearSetting(stored: unknown, now: Date): CodeSetYear {
	return isCodeSetYear(stored) ? stored : defaultCodeSetYear(now);
}
