/** The claim-scrub kind: find the planted errors on a CMS-1500 or UB-04 claim and pick each fix. */
import type { ItemKind } from '../kind.ts';
import { buildClaimScrub } from './build.ts';
import { claimFields, FIXES, fixLabel } from './fields.ts';
import { gradeScrub } from './grade.ts';
import type { ClaimError, ClaimScrubItem, ClaimScrubResponse } from './types.ts';

export type { ClaimScrubItem, ClaimScrubResponse } from './types.ts';

const FIELD_ID = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)?$/;
const ALL_FIXES = new Set(Object.values(FIXES).flatMap((l) => l.map((f) => f.id)));

/** Reads a stored response strictly: `{ scrub: { marks: { field: fix | null } } }`, else undefined. */
export function readScrub(stored: unknown): ClaimScrubResponse | undefined {
	if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
	if (Object.keys(stored).length !== 1 || !Object.hasOwn(stored, 'scrub')) return undefined;
	const s = (stored as { scrub: unknown }).scrub;
	if (typeof s !== 'object' || s === null || Array.isArray(s)) return undefined;
	if (Object.keys(s).length !== 1 || !Object.hasOwn(s, 'marks')) return undefined;
	const m = (s as { marks: unknown }).marks;
	if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
	if (Object.getPrototypeOf(m) !== Object.prototype) return undefined;
	const marks: Record<string, string | null> = {};
	for (const [k, v] of Object.entries(m)) {
		if (!FIELD_ID.test(k)) return undefined;
		if (v !== null && (typeof v !== 'string' || !ALL_FIXES.has(v))) return undefined;
		marks[k] = v;
	}
	return { scrub: { marks } };
}

function label(item: ClaimScrubItem, id: string): string {
	const f = claimFields(item.form, item.claim).find((x) => x.id === id);
	return f ? `${f.box} ${f.label}` : id;
}

function readErrors(v: unknown): ClaimError[] | undefined {
	if (!Array.isArray(v) || !v.length) return undefined;
	const out: ClaimError[] = [];
	for (const e of v) {
		if (typeof e !== 'object' || e === null) return undefined;
		const { field, fix, correct, why } = e as Record<string, unknown>;
		if (typeof field !== 'string' || typeof fix !== 'string') return undefined;
		if (typeof correct !== 'string' || typeof why !== 'string') return undefined;
		out.push({ field, fix, correct, why });
	}
	return out;
}

export const claimScrub: ItemKind<ClaimScrubItem, ClaimScrubResponse> = {
	type: 'claim-scrub',
	name: 'Claim scrub',
	fields: ['form', 'claim', 'errors'],
	sections: ['Scenario', 'Rationale'],
	examable: true,
	card: 'scenario',
	guessRate: 0,
	submitButton: true,

	build: buildClaimScrub,

	prompt: (item) => item.scenario,
	texts: (item) => [item.scenario, item.rationale, ...item.errors.map((e) => e.why)],
	keyCodes: (item) => {
		const planted = new Map(item.errors.map((e) => [e.field, e]));
		const fields = claimFields(item.form, item.claim);
		const dx = fields
			.filter((f) => f.kind === 'dx')
			.map((f) => {
				const e = planted.get(f.id);
				return e ? (e.fix === 'dx-remove' ? '' : e.correct) : f.value;
			});
		return [...new Set([...dx, ...item.claim.lines.map((l) => l.code)].filter(Boolean))];
	},
	asked: (item) => ({ scenario: item.scenario, form: item.form, claim: item.claim }),

	empty: () => ({ scrub: { marks: {} } }),
	read: (stored) => readScrub(stored),
	answered: (_item, r) => Object.keys(r.scrub.marks).length > 0,
	grade: gradeScrub,
	keyText: (item) => item.errors.map((e) => `${label(item, e.field)}: ${e.correct}`).join('; '),
	responseText: (item, r) => {
		const fields = claimFields(item.form, item.claim);
		const parts = Object.entries(r.scrub.marks).map(([id, fix]) => {
			const f = fields.find((x) => x.id === id);
			const fx = f ? fixLabel(f.kind, fix) : undefined;
			return `${label(item, id)}${fx ? ` (${fx})` : ''}`;
		});
		return parts.length ? parts.join('; ') : '—';
	},
	verdict: (item, r, g) => {
		const n = item.errors.length;
		const found = item.errors.filter((e) => Object.hasOwn(r.scrub.marks, e.field)).length;
		const fixed = item.errors.filter((e) => r.scrub.marks[e.field] === e.fix).length;
		const planted = new Set(item.errors.map((e) => e.field));
		const fields = new Set(claimFields(item.form, item.claim).map((f) => f.id));
		const alarms = Object.keys(r.scrub.marks).filter(
			(id) => fields.has(id) && !planted.has(id)
		).length;
		const errs = `${n} error${n === 1 ? '' : 's'}`;
		const head = g.correct
			? `You found all ${errs} with the right fix.`
			: `You found ${found} of ${errs}, ${fixed} with the right fix`;
		const tail = alarms
			? `, and marked ${alarms} field${alarms === 1 ? '' : 's'} with no error.`
			: g.correct
				? ''
				: '.';
		return head + tail;
	},

	scoredKey: (item) => item.errors,
	withKey: (item, key) => {
		const errors = readErrors(key);
		if (!errors) return undefined;
		const fields = claimFields(item.form, item.claim);
		for (const e of errors) {
			const f = fields.find((x) => x.id === e.field);
			if (!f || !FIXES[f.kind].some((x) => x.id === e.fix)) return undefined;
		}
		return { ...item, errors };
	},

	// Tab, Space and the arrows on the claim's own buttons and radio groups do the marking;
	// Enter anywhere else (a fix's radio button) asks to check, as the other kinds do.
	key: (_item, _r, key) => (key === 'Enter' ? { submit: true } : undefined),
	keyHelp: [
		['Tab', "move through the claim's fields"],
		['Space', 'mark or unmark a field'],
		['↑ ↓', 'choose the fix of a marked field'],
		['Enter', 'check the answer (on a fix)']
	]
};
