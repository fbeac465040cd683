/** What each root cause and action is called on screen, and what it means in one line. */
import type { Action, Cause, Group, RemitLine } from './types.ts';

export const CAUSE_LABELS: Record<Cause, string> = {
	'missing-information': 'Missing or invalid information',
	'not-covered': 'Not a covered benefit',
	bundled: 'Bundled into another service',
	'timely-filing': 'Filed too late (timely filing)',
	'medical-necessity': 'Medical necessity not supported',
	duplicate: 'Duplicate of a claim on file',
	eligibility: 'Patient not eligible with this payer',
	'prior-authorization': 'No prior authorization'
};

/** Why a line falls under each cause, shown beside the key after grading. */
export const CAUSE_HINTS: Record<Cause, string> = {
	'missing-information':
		'The claim lacked, or had wrong, data the payer needs to process it; nothing was decided on the service itself.',
	'not-covered': "The service is outside the patient's plan benefits, whatever the diagnosis.",
	bundled:
		"The payer counts the line as part of another service's payment on the same claim (an edit pair).",
	'timely-filing': "The claim reached the payer after the contract's or program's filing limit.",
	'medical-necessity':
		'The service is a benefit, but the diagnoses or records sent did not show it was needed.',
	duplicate: 'The payer already has this same service on a claim it processed or is processing.',
	eligibility:
		'The payer had no active coverage for this patient on the date of service, or another payer is primary.',
	'prior-authorization': 'The plan requires approval before this service and none was on file.'
};

export const ACTION_LABELS: Record<Action, string> = {
	'correct-resubmit': 'Correct the claim and resubmit',
	appeal: 'Appeal with documentation',
	'write-off': 'Write off (adjust the balance)',
	'bill-patient': 'Bill the patient',
	'request-authorization': 'Ask the payer for authorization',
	'no-action': 'No action: the original claim stands'
};

/** The key that picks each action outside fields (mnemonic; clear of the hosts' N, P, F, R, U). */
export const ACTION_KEYS: Record<Action, string> = {
	'correct-resubmit': 'C',
	appeal: 'A',
	'write-off': 'W',
	'bill-patient': 'B',
	'request-authorization': 'Q',
	'no-action': 'X'
};

export const ACTION_HINTS: Record<Action, string> = {
	'correct-resubmit':
		'The claim as sent was wrong or incomplete: fix it and send a corrected or new claim.',
	appeal:
		'The claim was right and the payer decided wrongly: ask for reconsideration with the records that prove it.',
	'write-off':
		'The provider may not collect it from the payer or the patient: adjust it off the account.',
	'bill-patient':
		'The patient owes it (a signed waiver, a plan exclusion they agreed to pay, no coverage).',
	'request-authorization':
		"Ask the payer for the missing approval (a retro-authorization where the payer's rules allow it), then rebill.",
	'no-action':
		'The denial is right and costs nothing: the service is paid or being processed on the original claim.'
};

export const GROUP_LABELS: Record<Group, string> = {
	CO: 'Contractual obligation (the provider absorbs it)',
	PR: 'Patient responsibility',
	OA: 'Other adjustment',
	PI: 'Payer-initiated reduction'
};

/** `CO-97`, `PR-50 (N130)`: the group, the reason code number and a remark code. */
export function adjustmentCode(l: RemitLine): string {
	return `${l.group ?? ''}${l.carc ? `-${l.carc}` : ''}${l.rarc ? ` (${l.rarc})` : ''}`;
}
