/**
 * Finds ICD-10-CM, ICD-10-PCS and HCPCS Level II codes in bank text and links them to their code
 * page. CPT numbers (five digits, or four digits and F/T/U) never match: we ship no CPT data, so
 * there is nothing to link them to. Bare three-character categories (`I10`) are left alone:
 * too many ordinary tokens look like them (`B12`, `A1C`).
 */
import type { CodeSystem } from './data';

/** A code found in text, with the system its shape says it belongs to. */
export interface FoundCode {
	code: string;
	system: CodeSystem;
	index: number;
}

const CODE =
	/\b(?:((?=[A-Z0-9]{0,2}[0-9])[A-Z][0-9A-Z]{2}\.[0-9A-Z]{1,4})|([A-CE-V][0-9]{4})|((?=[0-9A-Z]{0,6}[A-Z])(?=[0-9A-Z]{0,6}[0-9])[0-9BCDFGHX][0-9A-HJ-NP-Z]{6}))\b/g;

export function findCodes(text: string): FoundCode[] {
	const out: FoundCode[] = [];
	for (const m of text.matchAll(CODE)) {
		const [, cm, hcpcs, pcs] = m;
		const system: CodeSystem = cm ? 'icd10cm' : hcpcs ? 'hcpcs' : 'icd10pcs';
		out.push({ code: cm ?? hcpcs ?? pcs ?? '', system, index: m.index });
	}
	return out;
}

/** The code page's address; the system is only needed where the code's shape does not say it. */
export function codeHref(code: string, system?: CodeSystem): string {
	const s = system && system !== 'icd10cm' ? `&s=${system}` : '';
	return `/codes?c=${encodeURIComponent(code)}${s}`;
}

/**
 * Wraps each code in the text parts of an HTML string (never inside a tag, nor inside an
 * existing link) in a link to its code page.
 */
export function linkCodes(html: string): string {
	let inLink = 0;
	return html
		.split(/(<[^>]*>)/)
		.map((part) => {
			if (part.startsWith('<')) {
				if (/^<a[\s>]/i.test(part)) inLink++;
				else if (/^<\/a>/i.test(part)) inLink = Math.max(0, inLink - 1);
				return part;
			}
			if (inLink) return part;
			return part.replace(CODE, (code, cm?: string, hcpcs?: string) => {
				const system: CodeSystem = cm ? 'icd10cm' : hcpcs ? 'hcpcs' : 'icd10pcs';
				return `<a class="code-link" href="${codeHref(code, system)}">${code}</a>`;
			});
		})
		.join('');
}
