import { describe, expect, it } from 'vitest';
import {
	compareGrid,
	emptyResponse,
	gradeResponse,
	isAnswered,
	isComplete,
	keyAction,
	keyLine,
	readResponse,
	responseLine,
	verdictLine
} from './grade.ts';
import { emItem, emTimeItem } from './test-checker.ts';
import type { EmLevelResponse } from './types.ts';

const full: EmLevelResponse = {
	mdm: { problems: 'moderate', data: 'low', risk: 'moderate', level: '99214' }
};

describe('grading an MDM item: the level half, each element a sixth', () => {
	const item = emItem();

	it('all right: 6 of 6, correct', () => {
		expect(gradeResponse(item, full)).toEqual({ score: 1, correct: true, earned: 6, possible: 6 });
	});

	it('the level right and one element wrong: 5 of 6, not correct', () => {
		const g = gradeResponse(item, { mdm: { ...full.mdm, data: 'moderate' } });
		expect(g).toEqual({ score: 5 / 6, correct: false, earned: 5, possible: 6 });
	});

	it('the grid right and the level wrong: half', () => {
		const g = gradeResponse(item, { mdm: { ...full.mdm, level: '99213' } });
		expect(g).toEqual({ score: 0.5, correct: false, earned: 3, possible: 6 });
	});

	it('only the level, right: half, not correct', () => {
		const g = gradeResponse(item, { mdm: { level: '99214' } });
		expect(g.score).toBe(0.5);
		expect(g.correct).toBe(false);
	});

	it('blank: nothing', () => {
		expect(gradeResponse(item, emptyResponse())).toEqual({
			score: 0,
			correct: false,
			earned: 0,
			possible: 6
		});
	});

	it('one element right, level wrong: a sixth', () => {
		const g = gradeResponse(item, {
			mdm: { problems: 'moderate', data: 'high', risk: 'high', level: '99215' }
		});
		expect(g.earned).toBe(1);
		expect(g.score).toBeCloseTo(1 / 6);
	});
});

describe('grading a time item: the level only', () => {
	const item = emTimeItem();
	it('right or wrong, no partial credit', () => {
		expect(gradeResponse(item, { mdm: { level: '99214' } })).toEqual({
			score: 1,
			correct: true,
			earned: 1,
			possible: 1
		});
		expect(gradeResponse(item, { mdm: { level: '99213' } }).score).toBe(0);
		// A grid given anyway earns nothing and costs nothing.
		expect(gradeResponse(item, { mdm: { level: '99214', risk: 'high' } }).correct).toBe(true);
	});
});

describe('readResponse is strict and never throws', () => {
	it('reads its own shape back', () => {
		expect(readResponse(full)).toEqual(full);
		expect(readResponse({ mdm: {} })).toEqual({ mdm: {} });
		expect(readResponse(JSON.parse(JSON.stringify(full)))).toEqual(full);
	});

	it.each([
		['undefined', undefined],
		['null', null],
		['a letter', 'B'],
		['an array', [{ mdm: {} }]],
		['another kind', { choice: 'B' }],
		['two keys', { mdm: {}, extra: 1 }],
		['mdm not an object', { mdm: 'moderate' }],
		['mdm an array', { mdm: [] }],
		['a bad rating', { mdm: { problems: 'medium' } }],
		[
			'straightforward is the MDM name, not an element rating',
			{ mdm: { data: 'straightforward' } }
		],
		['a numeric level', { mdm: { level: 99214 } }],
		['a short level', { mdm: { level: '9921' } }],
		['an unknown field', { mdm: { level: '99214', minutes: 30 } }],
		['a prototype key', JSON.parse('{"mdm":{"__proto__":{"level":"99214"}}}')]
	])('refuses %s', (_, v) => {
		expect(readResponse(v)).toBeUndefined();
	});
});

describe('answered and complete', () => {
	it('an MDM item is answered by any rating or a level, complete with all four', () => {
		const item = emItem();
		expect(isAnswered(item, emptyResponse())).toBe(false);
		expect(isAnswered(item, { mdm: { risk: 'low' } })).toBe(true);
		expect(isComplete(item, { mdm: { risk: 'low', level: '99213' } })).toBe(false);
		expect(isComplete(item, full)).toBe(true);
	});

	it('a time item needs the level', () => {
		const item = emTimeItem();
		expect(isAnswered(item, { mdm: { risk: 'low' } })).toBe(false);
		expect(isComplete(item, { mdm: { level: '99212' } })).toBe(true);
	});
});

describe('texts', () => {
	it('key and response in one line', () => {
		expect(keyLine(emItem())).toBe(
			'99214 (moderate MDM: problems moderate, data limited, risk moderate)'
		);
		expect(keyLine(emTimeItem())).toBe('99214 (32 minutes of total time)');
		expect(responseLine(emItem(), emptyResponse())).toBe('—');
		expect(responseLine(emItem(), { mdm: { data: 'high' } })).toBe(
			'no level (problems —, data extensive, risk —)'
		);
		expect(responseLine(emTimeItem(), { mdm: { level: '99213' } })).toBe('99213');
	});

	it('the verdict names where the grid differs', () => {
		const item = emItem();
		const r: EmLevelResponse = { mdm: { ...full.mdm, data: 'moderate' } };
		expect(verdictLine(item, r, gradeResponse(item, r))).toBe(
			'99214 is right, but your grid differs from the key in data (you: moderate; key: limited).'
		);
		const wrong: EmLevelResponse = { mdm: { ...full.mdm, level: '99215' } };
		expect(verdictLine(item, wrong, gradeResponse(item, wrong))).toBe(
			'You chose 99215; the answer is 99214 (moderate MDM). Your grid matches the key.'
		);
		expect(verdictLine(item, full, gradeResponse(item, full))).toBe(
			'Right: 99214, moderate MDM, and your grid matches the key.'
		);
		const t = emTimeItem();
		expect(verdictLine(t, { mdm: {} }, gradeResponse(t, { mdm: {} }))).toBe(
			'You chose no level; the answer is 99214 (32 minutes of total time).'
		);
	});

	it('compareGrid pairs each element with its reason', () => {
		const rows = compareGrid(emItem(), { mdm: { problems: 'moderate' } });
		expect(rows.map((r) => [r.element, r.given, r.key, r.right, r.why])).toEqual([
			['problems', 'moderate', 'moderate', true, 'Two stable chronic illnesses.'],
			['data', undefined, 'low', false, 'One test reviewed.'],
			['risk', undefined, 'moderate', false, undefined]
		]);
		expect(compareGrid(emTimeItem(), full)).toEqual([]);
	});
});

describe('keyboard map', () => {
	it('digits choose the setting’s levels in order; out of range is not ours', () => {
		const item = emItem();
		expect(keyAction(item, emptyResponse(), '1')).toEqual({
			response: { mdm: { level: '99211' } }
		});
		expect(keyAction(item, { mdm: { risk: 'low' } }, '5')).toEqual({
			response: { mdm: { risk: 'low', level: '99215' } }
		});
		expect(keyAction(item, emptyResponse(), '6')).toBeUndefined();
		expect(
			keyAction(emItem({ setting: 'hospital-initial', level: '99222' }), emptyResponse(), '4')
		).toBeUndefined();
		expect(keyAction(item, emptyResponse(), 'x')).toBeUndefined();
	});

	it('Enter submits once something is given', () => {
		const item = emItem();
		expect(keyAction(item, emptyResponse(), 'Enter')).toBeUndefined();
		expect(keyAction(item, full, 'Enter')).toEqual({ submit: true });
	});
});
