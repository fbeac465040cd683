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

export interface CodeSets {
	icd10cm(dotted: string): IcdCmEntry | undefined;
	hcpcs(code: string): HcpcsEntry | undefined;
	icd10pcs(code: string): boolean;
}

export interface CodeSetTexts {
	icd10cm: string;
	hcpcs: string;
	icd10pcs: string;
}

function dataLines(text: string): string[] {
	// The first line of each TSV is its header.
	return text.split('\n').slice(1);
}

export function codeSetsFromText(texts: CodeSetTexts): CodeSets {
	const cm = new Map<string, IcdCmEntry>();
	for (const line of dataLines(texts.icd10cm)) {
		if (!line) continue;
		const [code, billable, title] = line.split('\t');
		if (code) cm.set(code, { billable: billable === '1', title: title ?? '' });
	}
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
		icd10cm: (code) => cm.get(code),
		hcpcs: (code) => hcpcs.get(code),
		icd10pcs: (code) => pcs.has(code)
	};
}
