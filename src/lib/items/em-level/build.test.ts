import { describe, expect, it } from 'vitest';
import { buildFromText, itemText } from './test-checker.ts';

const messages = (text: string) => buildFromText(text).problems.map((p) => p.message);

describe('buildEmLevel: an MDM item', () => {
	it('builds a valid item, the level read as written', () => {
		const { item, problems } = buildFromText(
			itemText({ why: '{ problems: Two stable chronic illnesses., risk: Prescription drugs. }' })
		);
		expect(problems).toEqual([]);
		expect(item).toMatchObject({
			type: 'em-level',
			setting: 'office-established',
			method: 'mdm',
			grid: { problems: 'moderate', data: 'low', risk: 'moderate' },
			level: '99214',
			why: { problems: 'Two stable chronic illnesses.', risk: 'Prescription drugs.' }
		});
		expect(item?.minutes).toBeUndefined();
	});

	it('refuses a level the grid does not support (two of three), at the level line', () => {
		const { problems } = buildFromText(itemText({ level: '99215' }));
		expect(problems).toEqual([
			{
				line: 14,
				message:
					'the grid supports moderate MDM (two of three elements), which is 99214 in this setting, not 99215'
			}
		]);
		expect(messages(itemText({ problems: 'high', data: 'minimal', level: '99215' }))).toHaveLength(
			1
		);
		expect(
			messages(itemText({ problems: 'high', data: 'minimal', risk: 'moderate', level: '99214' }))
		).toEqual([]);
	});

	it('refuses 99211 and 99281 by MDM, and a code from another setting', () => {
		expect(
			messages(
				itemText({ problems: 'minimal', data: 'minimal', risk: 'minimal', level: '99211' })
			)[0]
		).toMatch(/which is 99212/);
		expect(
			messages(
				itemText({
					setting: 'emergency',
					problems: 'minimal',
					data: 'minimal',
					risk: 'minimal',
					level: '99281'
				})
			)[0]
		).toMatch(/which is 99282/);
		expect(messages(itemText({ setting: 'office-new' }))[0]).toMatch(
			/level "99214" is not a code of the office-new setting \(99202, 99203, 99204, 99205\)/
		);
	});

	it('hospital initial care: low and straightforward MDM are both 99221', () => {
		expect(
			messages(
				itemText({
					setting: 'hospital-initial',
					problems: 'low',
					data: 'low',
					risk: 'moderate',
					level: '99221'
				})
			)
		).toEqual([]);
		expect(
			messages(
				itemText({
					setting: 'hospital-initial',
					problems: 'low',
					data: 'low',
					risk: 'moderate',
					level: '99222'
				})
			)
		).toHaveLength(1);
	});

	it('names each bad or missing field', () => {
		expect(messages(itemText({ setting: 'clinic' }))[0]).toMatch(
			/^setting must be one of office-new/
		);
		expect(messages(itemText({ method: 'history' }))).toEqual([
			'method must be mdm or time (how the level is chosen)'
		]);
		expect(messages(itemText({ data: 'limited' }))).toEqual([
			'data "limited" must be one of minimal, low, moderate, high'
		]);
		expect(messages(itemText({ risk: undefined }))).toEqual([
			'an MDM item rates risk: one of minimal, low, moderate, high'
		]);
		expect(messages(itemText({ minutes: '32' }))).toEqual([
			'an MDM item states no minutes (use method: time to level by time)'
		]);
		expect(messages(itemText({ why: '{ problem: x }' }))).toEqual([
			'unknown reason "problem" (use problems, data, risk, level)'
		]);
		expect(messages(itemText({ why: 'because' }))).toEqual([
			'why must be a mapping of problems, data, risk and level to short reasons'
		]);
		expect(messages(itemText({ setting: 'emergency', method: 'time', level: '99284' }))[0]).toBe(
			'the emergency setting is levelled by mdm only, not time'
		);
	});
});

describe('buildEmLevel: a time item', () => {
	const time = (over: Record<string, string | undefined>, scenario?: string) =>
		itemText(
			{
				method: 'time',
				problems: undefined,
				data: undefined,
				risk: undefined,
				minutes: '32',
				...over
			},
			scenario
		);

	it('builds a valid item: the minutes reach the level and the note states them', () => {
		const { item, problems } = buildFromText(time({}));
		expect(problems).toEqual([]);
		expect(item).toMatchObject({ method: 'time', minutes: 32, level: '99214' });
		expect(item?.grid).toBeUndefined();
	});

	it('an exact threshold is met; one minute under is the level below', () => {
		expect(messages(time({ minutes: '30' }, 'Total time: 30 minutes.'))).toEqual([]);
		expect(messages(time({ minutes: '29' }, 'Total time: 29 minutes.'))).toEqual([
			'29 minutes selects 99213 in this setting, not 99214'
		]);
	});

	it('refuses minutes the note does not state', () => {
		expect(messages(time({}, 'Total time: 33 minutes.'))).toEqual([
			'the scenario must state the total time as "32 minutes"'
		]);
	});

	it('refuses minutes outside the range time items ask about', () => {
		expect(messages(time({ minutes: '55', level: '99215' }, 'Total: 55 minutes.'))[0]).toMatch(
			/55 minutes is outside what time items in this setting ask \(10 to 54/
		);
		expect(messages(time({ minutes: '9', level: '99212' }, 'Total: 9 minutes.'))[0]).toMatch(
			/outside/
		);
		expect(messages(time({ minutes: 'thirty' }))).toEqual([
			'a time item states minutes: the total time on the date, a whole number'
		]);
	});

	it('refuses a grid or grid reasons on a time item', () => {
		expect(messages(time({ risk: 'low' }))).toEqual(['a time item has no MDM grid: remove risk']);
		expect(messages(time({ why: '{ data: x, level: 32 minutes reach 30. }' }))).toEqual([
			'a time item has no MDM grid: why.data is never shown'
		]);
	});

	it('discharge day: time only; 30 minutes or less, more than 30', () => {
		const d = (minutes: string, level: string) =>
			messages(
				time({ setting: 'hospital-discharge', minutes, level }, `Total: ${minutes} minutes.`)
			);
		expect(d('30', '99238')).toEqual([]);
		expect(d('31', '99239')).toEqual([]);
		expect(d('30', '99239')).toEqual(['30 minutes selects 99238 in this setting, not 99239']);
		expect(messages(itemText({ setting: 'hospital-discharge', level: '99238' }))[0]).toBe(
			'the hospital-discharge setting is levelled by time only, not mdm'
		);
	});
});
