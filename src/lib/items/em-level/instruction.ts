/** What the learner is asked to do, in one sentence (the component and the blind text). */
import type { EmLevelItem } from './types.ts';

export function instruction(item: EmLevelItem): string {
	return item.method === 'mdm'
		? 'Level this visit by medical decision making: rate the problems addressed, the data reviewed and analyzed, and the risk of patient management, then choose the code (two of the three elements must meet or exceed a level).'
		: 'Level this visit by total time on the date of the encounter: choose the code.';
}
