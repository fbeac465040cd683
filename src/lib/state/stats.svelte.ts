/**
 * The stats page's data: read from the running totals and index-backed ranges only (a learner
 * has 300,000 attempts after two years; nothing here reads the attempt or review log), shaped
 * by the pure functions in `$lib/stats/charts`, with bank and section titles from the catalog.
 */
import { localDay } from '$lib/db/totals';
import { PRESETS, type Preset } from '$lib/exam/presets';
import { timezoneOffset } from '$lib/format';
import { srsSettings } from '$lib/srs/settings';
import {
	accuracyByWeek,
	ACCURACY_WEEKS,
	examScores,
	forecast,
	forecastEnd,
	HEAT_DAYS,
	heatMap,
	paceSeconds,
	paceShare,
	sectionKey,
	weakestCodes,
	weakestSections,
	weekOf,
	type ExamScores,
	type ForecastDay,
	type Heat,
	type Pace,
	type SectionKey,
	type SectionWeeks,
	type WeakCode,
	type WeakSection,
	WEAK_WINDOW_DAYS
} from '$lib/stats/charts';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

/** Everything the page shows, computed once per visit. */
export interface StatsView {
	now: number;
	offset: number;
	/** No answer and no exam yet: the page shows its empty state. */
	empty: boolean;
	accuracy: SectionWeeks[];
	heat: Heat;
	forecast: ForecastDay[];
	pace: Pace;
	/** The exam whose pace the times are held against (the drill settings' target exam). */
	target: Pick<Preset, 'id' | 'title' | 'minutes' | 'items'>;
	exams: ExamScores;
	weakSections: WeakSection[];
	weakCodes: WeakCode[];
}

export class StatsState {
	/** The figures, once loaded; undefined while loading or when the database is unavailable. */
	view = $state<StatsView | undefined>(undefined);
	loaded = $state(false);
	/** `bank/section` to "Bank · Section" titles, filled from the bank summaries. */
	#titles = $state<Record<string, { bank: string; section: string }>>({});

	/** The words for a section: its bank's and its own title, never its ids (ids until loaded). */
	sectionTitle(s: SectionKey): { bank: string; section: string } {
		return this.#titles[sectionKey(s)] ?? { bank: s.bankId, section: s.section };
	}

	async load(now = Date.now()): Promise<void> {
		const offset = timezoneOffset(now);
		const summaries = catalog.loadSummaries();
		if (!(await storage.open()) || !storage.stats || !storage.exams || !storage.settings) {
			this.loaded = true;
			return;
		}
		try {
			const today = localDay(now, offset);
			// Per-section rows only for the windows that split by section (12 weeks of accuracy, the
			// weakest sections' 28 days); the year of the heat map and the pace is one row a day.
			const from = Math.min(today - WEAK_WINDOW_DAYS + 1, weekOf(today) - 7 * (ACCURACY_WEEKS - 1));
			const end = forecastEnd(now, offset);
			const [days, daily, dues, overdue, exams, codes, stored] = await Promise.all([
				storage.stats.daysFrom(from),
				storage.stats.dailyFrom(today - HEAT_DAYS + 1),
				storage.stats.dueBetween(now, end),
				storage.stats.dueBefore(now),
				storage.exams.history(),
				storage.stats.codes(),
				storage.settings.get('srs', undefined)
			]);
			const preset = PRESETS.find((p) => p.id === srsSettings(stored).targetExam) ?? PRESETS[0]!;
			const scores = examScores(exams);
			this.view = {
				now,
				offset,
				empty: daily.length === 0 && scores.all.length === 0,
				accuracy: accuracyByWeek(days, now, offset),
				heat: heatMap(daily, now, offset),
				forecast: forecast(dues, overdue, now, offset),
				pace: paceShare(daily, paceSeconds(preset.minutes, preset.items)),
				target: {
					id: preset.id,
					title: preset.title,
					minutes: preset.minutes,
					items: preset.items
				},
				exams: scores,
				weakSections: weakestSections(days, now, offset),
				weakCodes: weakestCodes(codes)
			};
		} catch (e) {
			storage.fail(e);
		}
		await summaries;
		const titles: Record<string, { bank: string; section: string }> = {};
		for (const b of catalog.summaries ?? [])
			for (const s of b.sections)
				titles[sectionKey({ bankId: b.id, section: s.id })] = { bank: b.title, section: s.title };
		this.#titles = titles;
		this.loaded = true;
		// For `npm run bench -- history`: when this part of the page was ready.
		performance.mark('stats:charts');
	}
}
