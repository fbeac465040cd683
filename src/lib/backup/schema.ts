/**
 * The backup file as a valibot schema: every field typed, every string and list capped, every
 * date in range. Nothing of a file is trusted before this (and the cross-checks in validate.ts)
 * has passed. `now` comes in, so "in the future" is exact in tests.
 */
import * as v from 'valibot';
import { CODE_SYSTEMS, EXAM_PRESETS } from '../content/types';
import { ITEM_TYPES } from '../items/registry';
import { REPORT_KINDS } from '../db/db';
import { MISTAKE_KINDS } from '../stats/types';

const DAY = 86_400_000;
/** No CodeDrill data can be older than this (the app did not exist before). */
export const EARLIEST = Date.UTC(2015, 0, 1);

/** Item, bank and exam ids: lower-case words joined by single hyphens. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Caps: each comfortably above two years of heavy use, far below what would hurt. */
export const CAPS = {
	attempts: 2_000_000,
	reviews: 2_000_000,
	cards: 200_000,
	exams: 20_000,
	settings: 1_000,
	banks: 500,
	flags: 200_000,
	reports: 100_000,
	/** Items in one imported bank, or one exam. */
	items: 20_000,
	/** A free-text field: a report, a rationale inside an imported bank. */
	text: 20_000,
	/** An id, a section, a code, a session name. */
	name: 200,
	/** Nesting of the free-form values (a response, a setting). */
	depth: 12,
	/** Strings and entries inside one free-form value. */
	nodes: 200_000
} as const;

function day(ms: number): string {
	return Number.isFinite(ms) && Math.abs(ms) < 8.64e15
		? new Date(ms).toISOString().slice(0, 10)
		: String(ms);
}

/** An instant (epoch ms) between 2015 and `now` + 2 days (a clock a little ahead is allowed). */
function instant(now: number) {
	return v.pipe(
		v.number(),
		v.finite('should be a date (a number of milliseconds)'),
		v.minValue(EARLIEST, (i) => `the date ${day(i.input as number)} is before 2015`),
		v.maxValue(now + 2 * DAY, (i) => `the date ${day(i.input as number)} is in the future`)
	);
}

/** A date the scheduler sets ahead (a card's due date): up to the longest interval, 100 years. */
function ahead(now: number) {
	return v.pipe(
		v.number(),
		v.finite(),
		v.minValue(EARLIEST, (i) => `the date ${day(i.input as number)} is before 2015`),
		v.maxValue(now + 36_600 * DAY, (i) => `the date ${day(i.input as number)} is too far ahead`)
	);
}

const count = (max = Number.MAX_SAFE_INTEGER) =>
	v.pipe(
		v.number(),
		v.integer('should be a whole number'),
		v.minValue(0, 'should not be negative'),
		v.maxValue(max, `should be at most ${max}`)
	);

const positiveId = v.pipe(
	v.number(),
	v.integer('should be a whole number'),
	v.minValue(1, 'should be 1 or more')
);

const nonNegative = (what = 'should not be negative') =>
	v.pipe(v.number(), v.finite(), v.minValue(0, what));

const text = (max: number) =>
	v.pipe(v.string(), v.maxLength(max, `is longer than ${max} characters`));

const name = v.pipe(
	v.string(),
	v.minLength(1, 'should not be empty'),
	v.maxLength(CAPS.name, `is longer than ${CAPS.name} characters`)
);

const id = v.pipe(
	name,
	v.regex(ID, (i) => `"${String(i.input).slice(0, 40)}" is not a well-formed id`)
);

const list = <T extends v.GenericSchema>(item: T, max: number) =>
	v.pipe(v.array(item), v.maxLength(max, `has more than ${max} entries`));

const dict = <T extends v.GenericSchema>(value: T, max: number = CAPS.items) =>
	v.pipe(v.record(name, value), v.maxEntries(max, `has more than ${max} entries`));

/**
 * A free-form JSON value (a response, a setting, an exam's preset): any shape, but no deeper than
 * `CAPS.depth`, no string longer than `CAPS.text`, no more than `CAPS.nodes` parts.
 */
export const freeJson = <T = unknown>() =>
	v.check<T, string>(
		(value) => jsonWithinCaps(value),
		`is too large or too deeply nested (at most ${CAPS.depth} levels and ${CAPS.text}-character strings)`
	);

function jsonWithinCaps(value: unknown): boolean {
	let nodes = 0;
	const walk = (x: unknown, depth: number): boolean => {
		if (++nodes > CAPS.nodes || depth > CAPS.depth) return false;
		if (typeof x === 'string') return x.length <= CAPS.text;
		if (x === null || typeof x !== 'object') return true;
		const values = Array.isArray(x) ? x : Object.values(x);
		return values.every((y) => walk(y, depth + 1));
	};
	return walk(value, 0);
}

const json = v.pipe(v.unknown(), freeJson());

function card(now: number) {
	return v.strictObject({
		itemId: id,
		bankId: id,
		section: name,
		due: ahead(now),
		stability: nonNegative(),
		difficulty: nonNegative(),
		elapsedDays: nonNegative(),
		scheduledDays: nonNegative(),
		learningSteps: count(1000),
		reps: count(),
		lapses: count(),
		state: count(3),
		lastReview: v.optional(instant(now))
	});
}

function review(now: number) {
	return v.strictObject({
		id: positiveId,
		itemId: id,
		rating: v.pipe(count(4), v.minValue(1, 'should be a rating from 1 to 4')),
		state: count(3),
		reviewedAt: instant(now),
		day: count(),
		elapsedDays: nonNegative(),
		scheduledDays: nonNegative(),
		source: v.optional(v.picklist(['practice', 'exam'])),
		attemptId: v.optional(positiveId),
		before: v.nullable(card(now))
	});
}

const mistake = v.strictObject({
	kind: v.picklist(MISTAKE_KINDS),
	given: v.optional(text(CAPS.name)),
	expected: v.optional(text(CAPS.name))
});

function attempt(now: number) {
	return v.strictObject({
		id: positiveId,
		itemId: id,
		bankId: id,
		section: name,
		itemType: v.picklist(ITEM_TYPES),
		mode: v.picklist(['practice', 'drill', 'exam']),
		sessionId: name,
		response: json,
		score: v.pipe(
			v.number(),
			v.minValue(0, 'should be from 0 to 1'),
			v.maxValue(1, 'should be from 0 to 1')
		),
		correct: v.boolean(),
		durationMs: v.pipe(
			v.number(),
			v.finite(),
			v.minValue(0, (i) => `the answer time ${String(i.input)} ms is negative`),
			v.maxValue(7 * DAY, 'is longer than a week')
		),
		at: instant(now),
		mistakes: v.optional(list(mistake, 100)),
		keyCodes: v.optional(dict(v.boolean(), 100))
	});
}

function exam(now: number) {
	return v.strictObject({
		id,
		preset: name,
		spec: json,
		seed: v.pipe(v.number(), v.finite()),
		itemIds: list(id, CAPS.items),
		areaOf: dict(name),
		answers: dict(json),
		flags: list(id, CAPS.items),
		timeMs: dict(nonNegative()),
		position: count(CAPS.items),
		startedAt: instant(now),
		openSince: v.optional(instant(now)),
		deadline: ahead(now),
		lengthMs: v.optional(nonNegative()),
		usedMs: v.optional(nonNegative()),
		pausedAt: v.optional(instant(now)),
		submittedAt: v.optional(instant(now)),
		abandonedAt: v.optional(instant(now)),
		autoSubmitted: v.optional(v.boolean()),
		result: v.optional(
			v.strictObject({
				points: nonNegative(),
				possible: nonNegative(),
				fraction: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
				reported: v.pipe(v.number(), v.finite()),
				passed: v.boolean()
			})
		),
		scored: v.optional(dict(json))
	});
}

const setting = v.strictObject({ key: name, value: json });

/** An imported bank's content: the parts the cross-checks read are typed, the rest capped. */
/*
 * An imported bank's items, in the shapes the pages read (src/lib/content/types.ts): every field
 * typed, so a hostile or damaged backup cannot put, say, a number where a page expects a list of
 * options. Loose objects: a field a later version adds is carried, not refused.
 */
const codeKey = v.looseObject({
	icd10cm: list(name, 50),
	procedures: list(name, 50),
	icd10pcs: list(name, 50)
});

const itemBase = {
	id,
	bankId: id,
	exams: list(v.picklist(EXAM_PRESETS), EXAM_PRESETS.length),
	section: name,
	systems: list(v.picklist(CODE_SYSTEMS), CODE_SYSTEMS.length),
	codeSetYear: v.pipe(v.number(), v.integer('should be a whole number')),
	difficulty: v.picklist([1, 2, 3]),
	tags: list(name, 50),
	rationale: text(CAPS.text),
	file: text(CAPS.name * 5)
};

/** The kinds whose fields the backup schema spells out, one variant each. */
const OLD_KINDS: string[] = ['single-best-answer', 'code-entry', 'case', 'flashcard'];

const bankItem = v.variant('type', [
	v.looseObject({
		...itemBase,
		type: v.literal('single-best-answer'),
		scenario: text(CAPS.text),
		options: list(v.looseObject({ letter: name, text: text(CAPS.text) }), 10),
		answer: name
	}),
	v.looseObject({
		...itemBase,
		type: v.literal('code-entry'),
		scenario: text(CAPS.text),
		answer: codeKey
	}),
	v.looseObject({
		...itemBase,
		type: v.literal('case'),
		scenario: text(CAPS.text),
		parts: list(v.looseObject({ prompt: text(CAPS.text), answer: codeKey }), 50)
	}),
	v.looseObject({
		...itemBase,
		type: v.literal('flashcard'),
		front: text(CAPS.text),
		back: text(CAPS.text)
	}),
	// The billing kinds' own fields are data of their own shapes (items/<type>/types.ts); the
	// backup checks their common fields and, as for every value, their size and depth.
	v.looseObject({
		...itemBase,
		type: v.picklist(ITEM_TYPES.filter((t) => !OLD_KINDS.includes(t)))
	})
]);

function bank(now: number) {
	return v.strictObject({
		id,
		title: text(CAPS.name),
		importedAt: instant(now),
		data: v.pipe(
			v.looseObject({
				id,
				title: text(CAPS.name),
				description: text(CAPS.text),
				order: v.number(),
				sections: list(v.looseObject({ id: name, title: text(CAPS.name) }), 500),
				items: list(bankItem, CAPS.items)
			}),
			freeJson()
		)
	});
}

function flag(now: number) {
	return v.strictObject({ itemId: id, bankId: id, section: name, at: instant(now) });
}

function report(now: number) {
	return v.strictObject({
		id: v.pipe(name, v.regex(/^[A-Za-z0-9_-]+$/, 'should hold only letters, digits, - and _')),
		itemId: id,
		bankId: id,
		itemVersion: v.optional(text(CAPS.name)),
		kind: v.picklist(REPORT_KINDS),
		text: text(CAPS.text),
		at: instant(now),
		closedAt: v.optional(instant(now))
	});
}

/**
 * The whole file. `reports` may be absent: files written before version 4 had no such table
 * (validate.ts requires it of files that declare version 4 or later).
 */
export function backupSchema(now: number) {
	return v.strictObject({
		app: v.literal('codedrill'),
		format: v.pipe(v.number(), v.integer(), v.minValue(1)),
		schema: v.pipe(v.number(), v.integer(), v.minValue(1)),
		exportedAt: instant(now),
		tables: v.strictObject({
			cards: list(card(now), CAPS.cards),
			reviews: list(review(now), CAPS.reviews),
			attempts: list(attempt(now), CAPS.attempts),
			exams: list(exam(now), CAPS.exams),
			settings: list(setting, CAPS.settings),
			banks: list(bank(now), CAPS.banks),
			flags: list(flag(now), CAPS.flags),
			reports: v.optional(list(report(now), CAPS.reports))
		})
	});
}

/** `attempts[12].at` for an issue inside the tables; `format` for one at the top. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const step of issue.path ?? []) {
		const key = (step as { key: unknown }).key;
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out.replace(/^tables\./, '') || 'the file';
}

/** One issue in plain words: `attempts[3].score: should be a number, not a string`. */
export function issueText(issue: v.BaseIssue<unknown>): string {
	const where = issuePath(issue);
	if (issue.kind !== 'schema') return `${where}: ${issue.message}`;
	if (issue.expected === 'never') return `${where}: is not a field a backup has`;
	if (issue.received === 'undefined') return `${where}: is missing`;
	const expected = (issue.expected ?? '')
		.replace(/^Object$/, 'an object')
		.replace(/^Array$/, 'a list');
	return `${where}: should be ${expected}, not ${received(issue.input)}`;
}

function received(x: unknown): string {
	if (x === null) return 'null';
	if (Array.isArray(x)) return 'a list';
	if (typeof x === 'string') return `the text "${x.slice(0, 30)}"`;
	if (typeof x === 'object') return 'an object';
	return `${typeof x} ${String(x)}`;
}
