/**
 * What a coder means beyond the words typed: the preferences the code book's ranking adds on
 * top of how well an entry matches. Pure; `search.ts` applies them to its short list.
 * - A bare condition ("pneumonia", "gout") wants the default code, which the ICD-10-CM
 *   Official Guidelines define (I.B.18) as the condition most commonly associated with the
 *   main term or the unspecified code for it: unspecified, reportable codes first.
 * - A poisoning or overdose with no intent typed wants the accidental code first: "If the
 *   intent of the poisoning is unknown or unspecified, code the intent as accidental"
 *   (I.C.19.e.5.b).
 * - "Diabetes" with no type wants type 2 (E11): "If the type of diabetes mellitus is not
 *   documented in the medical record the default is E11.-" (I.C.4.a.2).
 * - A personal or family history code is wanted when the query says history.
 * - HCPCS quality-measure codes (G8xxx, G9xxx, M1xxx: "documented reason for not screening...")
 *   mention every condition and crowd out the diagnosis codes; they come last unless the query
 *   uses the words of a measure.
 */
import type { CodeEntry } from './data';
import { stem, words } from './normalize';

export interface QueryIntent {
	/** A condition named in one or two words: the default code first. */
	wantsDefault: boolean;
	/** A poisoning with no intent typed: accidental first. */
	accidentalFirst: boolean;
	/** The query reads like a quality measure: those codes keep their place. */
	wantsMeasures: boolean;
	/** Diabetes with no type typed: type 2 first. */
	diabetesType2: boolean;
	/** The query asks for a history code. */
	wantsHistory: boolean;
	/** Stems of the typed words, to tell a title that leads with one of them. */
	stems: Set<string>;
}

/** Typed word starts that state an intent (or say it is not a poisoning). */
const INTENT = [
	'accident',
	'unintent',
	'intent',
	'self',
	'suicid',
	'assault',
	'homicid',
	'undetermin',
	'advers',
	'underdos',
	'therapeut'
];
const POISONING = ['poison', 'overdos', 'od', 'toxic', 'ingest', 'swallow'];
/** Words of a quality measure's wording. */
const MEASURE = [
	'measure',
	'document',
	'quality',
	'reason',
	'perform',
	'mips',
	'pqrs',
	'gcode',
	'hedis'
];

const startsAny = (w: string, starts: string[]) => starts.some((s) => w.startsWith(s));

/** Title words that come before the main term: "Unspecified asthma", "Other obesity". */
const LEADING = new Set(['unspecifi', 'other', 'acut', 'chronic']);

/** `typed`: the query's meaningful words, lower case, as typed (not stemmed). */
export function queryIntent(typed: string[]): QueryIntent {
	const poisoning = typed.some((w) => startsAny(w, POISONING) || w === 'od');
	const diabetes = typed.some((w) => w.startsWith('diabet') || /^(dm|t[12]dm|dm[12])$/.test(w));
	return {
		wantsDefault: typed.length > 0 && typed.length <= 2,
		accidentalFirst: poisoning && !typed.some((w) => startsAny(w, INTENT)),
		wantsMeasures: typed.some((w) => startsAny(w, MEASURE)),
		diabetesType2:
			diabetes &&
			!typed.some((w) =>
				/^(type|t[12]dm|dm[12]|iddm|niddm|1|2|drug|chemical|due|gestational)/.test(w)
			),
		wantsHistory: typed.some((w) => w.startsWith('hist') || w === 'hx'),
		stems: new Set(
			typed
				.flatMap((w) => words(w.replace(/([a-z])([0-9])/g, '$1 $2')))
				.map(stem)
				.concat(typed.map(stem))
		)
	};
}

/** HCPCS codes that report a quality measure rather than a service or supply. */
export function isQualityMeasure(e: Pick<CodeEntry, 'system' | 'code' | 'modifier'>): boolean {
	return e.system === 'hcpcs' && !e.modifier && /^(G8|G9|M1)\d{3}$/.test(e.code);
}

/** Title words of the code to assign when nothing more is documented. */
const UNSPECIFIED = /\bunspecified\b|\bwithout complications\b|\buncomplicated\b/i;

/**
 * A score added to an entry's match score (which runs from 0 to about 12; see search.ts): small
 * enough that a better match still wins, large enough to order entries that match alike.
 */
export function preference(
	e: Pick<CodeEntry, 'system' | 'code' | 'title' | 'billable' | 'modifier'>,
	intent: QueryIntent
): number {
	let score = 0;
	if (isQualityMeasure(e) && !intent.wantsMeasures) score -= 3;
	if (e.system !== 'icd10cm') return score;
	if (intent.accidentalFirst && /accidental \(unintentional\)/i.test(e.title)) score += 1;
	if (intent.diabetesType2 && e.code.startsWith('E11')) score += 0.8;
	if (!intent.wantsHistory && /^(personal|family) history\b/i.test(e.title)) score -= 1;
	if (intent.wantsDefault) {
		const unspecified = UNSPECIFIED.test(e.title);
		const lead = leads(e.title, intent.stems);
		if (lead && unspecified) score += e.billable ? 1.2 : 0.6;
		else if (lead) score += e.billable ? 0.6 : 0.3;
		else if (unspecified && e.billable) score += 0.4;
		else if (e.billable) score += 0.2;
	}
	return score;
}

/** Whether the title's main term (its first word past "Unspecified", "Other"...) was typed. */
function leads(title: string, stems: Set<string>): boolean {
	for (const w of words(title)) {
		const s = stem(w);
		if (LEADING.has(s)) continue;
		if (stems.has(s)) return true;
		// "anemic" typed, "Anemia" leads: the stems share their start.
		for (const t of stems) if (t.length >= 4 && (s.startsWith(t) || t.startsWith(s))) return true;
		return false;
	}
	return false;
}
