import { expect, it } from 'vitest';
import { searchStatus } from './search-status';

it('counts the matches, naming the best few of many', () => {
	expect(searchStatus('gout', { shown: 1, total: 1 })).toBe('1 match.');
	expect(searchStatus('gout', { shown: 50, total: 1567 })).toBe('Best 50 of 1,567 matches.');
});

it('tells no close match from no match, and names the words nothing matches', () => {
	expect(searchStatus('xyzzy plugh', { shown: 0, total: 0, noCloseMatch: true })).toBe(
		'No close match for “xyzzy plugh”. Check the spelling, or try other or fewer words.'
	);
	expect(searchStatus('zzqxv', { shown: 0, total: 0, unmatched: ['zzqxv'] })).toBe(
		'No codes match “zzqxv”. Nothing in the code book matches “zzqxv”.'
	);
	expect(searchStatus('afib with rvr', { shown: 12, total: 12, unmatched: ['rvr'] })).toBe(
		'12 matches. Nothing in the code book matches “rvr”.'
	);
});
