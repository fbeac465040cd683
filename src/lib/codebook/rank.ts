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
 * - A personal or family history code is wanted when the query says history, and a later
 *   encounter (7th character D, S...) when it says so: the initial encounter first.
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
	/** The query asks for a later encounter (subsequent, sequela) rather than the first. */
	wantsLater: boolean;
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

/** Words of a later encounter: the 7th characters D and S (and G, K, P... for fractures). */
const LATER = ['subseq', 'sequel', 'late', 'heal', 'nonunion', 'malunion', 'followup'];

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
		wantsLater: typed.some((w) => startsAny(w, LATER))
	};
}

/** HCPCS codes that report a quality measure rather than a service or supply. */
export function isQualityMeasure(e: Pick<CodeEntry, 'system' | 'code' | 'modifier'>): boolean {
	return e.system === 'hcpcs' && !e.modifier && /^(G8|G9|M1)\d{3}$/.test(e.code);
}

/** Title words of the code to assign when nothing more is documented. */
const UNSPECIFIED =
	/\bunspecified\b|\bnot specified\b|\bwithout complications\b|\buncomplicated\b/i;

/** What an entry is, as far as the preferences care: bits of one byte, computed once per entry. */
export const TRAIT = {
	measure: 1,
	accidental: 2,
	type2Diabetes: 4,
	history: 8,
	laterEncounter: 16,
	unspecified: 32,
	billable: 64,
	icd10cm: 128
} as const;

export function traitsOf(
	e: Pick<CodeEntry, 'system' | 'code' | 'title' | 'billable' | 'modifier'>
): number {
	let t = 0;
	if (isQualityMeasure(e)) t |= TRAIT.measure;
	if (e.billable) t |= TRAIT.billable;
	if (e.system !== 'icd10cm') return t;
	t |= TRAIT.icd10cm;
	if (/accidental \(unintentional\)/i.test(e.title)) t |= TRAIT.accidental;
	if (e.code.startsWith('E11')) t |= TRAIT.type2Diabetes;
	if (/^(personal|family) history\b/i.test(e.title)) t |= TRAIT.history;
	if (/, (subsequent encounter|sequela)\b/i.test(e.title)) t |= TRAIT.laterEncounter;
	if (UNSPECIFIED.test(e.title)) t |= TRAIT.unspecified;
	return t;
}

/**
 * The stem of a title's main term: its first word past "Unspecified", "Other", "Acute"...
 * ("Unspecified asthma, uncomplicated" -> "asthma").
 */
export function leadStem(title: string): string | undefined {
	for (const w of words(title)) {
		const s = stem(w);
		if (!LEADING.has(s)) return s;
	}
	return undefined;
}

/**
 * A score added to an entry's match score (which runs from 0 to about 12; see search.ts): small
 * enough that a better match still wins, large enough to order entries that match alike.
 * `lead`: the title's main term (`leadStem`) is one of the typed words.
 */
export function preference(traits: number, lead: boolean, intent: QueryIntent): number {
	// Bit tests inline, no closures: this runs for thousands of entries per keystroke.
	let score = 0;
	if (traits & TRAIT.measure && !intent.wantsMeasures) score -= 3;
	if (!(traits & TRAIT.icd10cm)) return score;
	if (intent.accidentalFirst && traits & TRAIT.accidental) score += 1;
	if (intent.diabetesType2 && traits & TRAIT.type2Diabetes) score += 0.8;
	if (!intent.wantsHistory && traits & TRAIT.history) score -= 1;
	// A 7th character of a later encounter: the initial encounter first, so that one code's
	// three encounters do not push the other codes off the list.
	if (!intent.wantsLater && traits & TRAIT.laterEncounter) score -= 0.4;
	if (intent.wantsDefault) {
		const unspecified = (traits & TRAIT.unspecified) !== 0;
		const billable = (traits & TRAIT.billable) !== 0;
		if (lead && unspecified) score += billable ? 1.2 : 0.6;
		else if (lead) score += billable ? 0.6 : 0.3;
		else if (unspecified && billable) score += 0.4;
		else if (billable) score += 0.2;
	}
	return score;
}

/** The most `preference` can add for this query: entries that cannot reach the list are skipped. */
export function mostPreference(intent: QueryIntent): number {
	return (
		(intent.wantsDefault ? 1.2 : 0) +
		(intent.accidentalFirst ? 1 : 0) +
		(intent.diabetesType2 ? 0.8 : 0)
	);
}
