/** A denial response: read back strictly, graded half for the cause and half for the action. */
import type { Grade } from '../kind.ts';
import { ACTION_KEYS, ACTION_LABELS, CAUSE_LABELS } from './labels.ts';
import {
	ACTIONS,
	CAUSES,
	type Action,
	type Cause,
	type DenialItem,
	type DenialPick,
	type DenialResponse
} from './types.ts';

export function emptyDenial(): DenialResponse {
	return { denial: {} };
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A stored value as a denial response, or undefined unless it is exactly
 * `{ denial: { cause?, action? } }` with known values (an unknown key or value is not ours).
 */
export function readDenial(stored: unknown): DenialResponse | undefined {
	if (!isRecord(stored) || Object.keys(stored).length !== 1 || !isRecord(stored.denial))
		return undefined;
	const d = stored.denial;
	const pick: DenialPick = {};
	for (const k of Object.keys(d)) {
		const v = d[k];
		if (v === undefined) continue;
		if (k === 'cause' && (CAUSES as readonly unknown[]).includes(v)) pick.cause = v as Cause;
		else if (k === 'action' && (ACTIONS as readonly unknown[]).includes(v))
			pick.action = v as Action;
		else return undefined;
	}
	return { denial: pick };
}

export function denialAnswered(r: DenialResponse): boolean {
	return r.denial.cause !== undefined || r.denial.action !== undefined;
}

/** One point for the root cause, one for the action; right only when both are. */
export function gradeDenial(item: DenialItem, r: DenialResponse): Grade {
	const earned =
		(r.denial.cause === item.cause ? 1 : 0) + (r.denial.action === item.action ? 1 : 0);
	return { score: earned / 2, correct: earned === 2, earned, possible: 2 };
}

export function denialKeyText(item: DenialItem): string {
	return `${CAUSE_LABELS[item.cause]}; ${ACTION_LABELS[item.action]}`;
}

export function denialResponseText(r: DenialResponse): string {
	if (!denialAnswered(r)) return '—';
	const cause = r.denial.cause ? CAUSE_LABELS[r.denial.cause] : 'no cause chosen';
	const action = r.denial.action ? ACTION_LABELS[r.denial.action] : 'no action chosen';
	return `${cause}; ${action}`;
}

export function denialVerdict(item: DenialItem, r: DenialResponse, g: Grade): string {
	if (g.correct) return 'Correct: right root cause and right action.';
	const parts: string[] = [];
	parts.push(
		r.denial.cause === item.cause
			? 'root cause right'
			: `the root cause is "${CAUSE_LABELS[item.cause]}"`
	);
	parts.push(
		r.denial.action === item.action
			? 'action right'
			: `the action is "${ACTION_LABELS[item.action]}"`
	);
	return `${g.earned ?? 0} of 2: ${parts.join('; ')}.`;
}

/** Keys outside fields: 1-8 pick the root cause (in list order), a letter the action, Enter checks. */
export function denialKey(
	r: DenialResponse,
	key: string
): { response?: DenialResponse; submit?: boolean } | undefined {
	const k = key.toLowerCase();
	const cause = CAUSES[Number(k) - 1];
	if (/^[1-8]$/.test(k) && cause) return { response: { denial: { ...r.denial, cause } } };
	const action = ACTIONS.find((a) => ACTION_KEYS[a].toLowerCase() === k);
	if (action) return { response: { denial: { ...r.denial, action } } };
	if (k === 'enter') return { submit: true };
	return undefined;
}

/** The key stored with a submitted exam. */
export interface DenialKey {
	cause: Cause;
	action: Action;
}

export function readDenialKey(key: unknown): DenialKey | undefined {
	if (!isRecord(key)) return undefined;
	const { cause, action } = key;
	if (
		!(CAUSES as readonly unknown[]).includes(cause) ||
		!(ACTIONS as readonly unknown[]).includes(action)
	)
		return undefined;
	return { cause: cause as Cause, action: action as Action };
}
