import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../db/db';
import {
	exportFileName,
	kindPhrase,
	reportsMarkdown,
	utcMinute,
	type ReportedItem
} from './report-export';

const T = Date.UTC(2026, 11, 2, 14, 5);

function report(o: Partial<ReportRecord>): ReportRecord {
	return {
		id: 'r',
		itemId: 'cpc-em-0001',
		bankId: 'cpc',
		itemVersion: 'v1',
		kind: 'key',
		text: 'B is right.',
		at: T - 86_400_000,
		...o
	};
}

const items: Record<string, ReportedItem> = Object.fromEntries([
	['cpc-em-0001', { title: 'Office visit, moderate MDM', file: 'cpc/em/0001.md', version: 'v1' }],
	['cpc-em-0002', { title: 'New patient visit', file: 'cpc/em/0002.md', version: 'v9' }],
	['dx-0001', { title: 'Type 2 diabetes', file: 'diagnosis/0001.md', version: 'd1' }]
]);
const banks = { cpc: 'CPC practice', diagnosis: 'Diagnosis coding' };

describe('reports export', () => {
	it('groups by bank (title order) then item, with file, version and each report', () => {
		const md = reportsMarkdown(
			[
				report({ id: 'a', bankId: 'diagnosis', itemId: 'dx-0001', kind: 'code', at: T - 3 }),
				report({ id: 'b', itemId: 'cpc-em-0002', kind: 'wording', text: 'Line one\n\nLine two' }),
				report({ id: 'c', kind: 'rationale', at: T - 5, closedAt: T - 1 }),
				report({ id: 'd', kind: 'key', at: T - 10 })
			],
			items,
			banks,
			T
		);
		expect(md).toBe(
			[
				'# Problems reported in CodeDrill question items',
				'',
				'Exported 2026-12-02 14:05 UTC: 4 reports (3 open) on 3 items in 2 banks.',
				'',
				'## CPC practice (`cpc`)',
				'',
				'### `cpc-em-0001`: Office visit, moderate MDM',
				'',
				'- File: `cpc/em/0001.md`',
				'- Version now: `v1`',
				'',
				'1. **The answer key** · open · reported 2026-12-02 14:04 UTC · on version `v1`',
				'',
				'   > B is right.',
				'',
				'2. **The rationale** · closed 2026-12-02 14:04 UTC · reported 2026-12-02 14:04 UTC · on version `v1`',
				'',
				'   > B is right.',
				'',
				'### `cpc-em-0002`: New patient visit',
				'',
				'- File: `cpc/em/0002.md`',
				'- Version now: `v9`',
				'',
				'1. **The wording** · open · reported 2026-12-01 14:05 UTC · on version `v1`, which has changed since',
				'',
				'   > Line one',
				'   >',
				'   > Line two',
				'',
				'## Diagnosis coding (`diagnosis`)',
				'',
				'### `dx-0001`: Type 2 diabetes',
				'',
				'- File: `diagnosis/0001.md`',
				'- Version now: `d1`',
				'',
				'1. **A code** · open · reported 2026-12-02 14:04 UTC · on version `v1`, which has changed since',
				'',
				'   > B is right.',
				''
			].join('\n')
		);
	});

	it('still lists an item the banks dropped, and a bank it has no title for', () => {
		const md = reportsMarkdown(
			[report({ bankId: 'mine', itemId: 'gone-1', itemVersion: undefined, kind: 'other' })],
			items,
			banks,
			T
		);
		expect(md).toContain('## mine (`mine`)');
		expect(md).toContain('### `gone-1`\n\n- No longer in the question banks');
		expect(md).toContain('1. **Something else** · open · reported 2026-12-01 14:05 UTC\n');
		expect(md).toContain('1 report (1 open) on 1 item in 1 bank.');
	});

	it('keeps the learner text inside its quote: headings and backticks do not escape', () => {
		const md = reportsMarkdown(
			[report({ text: '# Not a heading\n- not a list', itemId: 'odd`id' })],
			items,
			banks,
			T
		);
		expect(md).toContain('   > # Not a heading\n   > - not a list');
		expect(md).toContain('### `` odd`id ``');
		expect(md.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(3);
	});

	it('says so when there is nothing to export', () => {
		expect(reportsMarkdown([], items, banks, T)).toBe(
			'# Problems reported in CodeDrill question items\n\n' +
				'Exported 2026-12-02 14:05 UTC: 0 reports (0 open) on 0 items in 0 banks.\n\n' +
				'No problems have been reported.\n'
		);
	});

	it('names the file by the day and the kind in a sentence', () => {
		expect(exportFileName(T)).toBe('codedrill-reports-2026-12-02.md');
		expect(utcMinute(0)).toBe('1970-01-01 00:00 UTC');
		expect(kindPhrase('key')).toBe('the answer key');
		expect(kindPhrase('code')).toBe('a code');
	});
});
