/**
 * What the home page says about the plan toward exam day. Reads the settings, the item index,
 * the ids of the items that have a card, and today's reviews (an indexed range): never the whole
 * attempts or reviews log.
 */
import type { ExamPreset } from '$lib/content/types';
import { timezoneOffset } from '$lib/format';
import { learnerDay } from '$lib/srs/day';
import {
	dayLabel,
	dayOfDate,
	planFromSettings,
	planSentence,
	unseenAtDayStart
} from '$lib/srs/plan';
import type { ExamPlan } from '$lib/srs/plan';
import { srsSettings } from '$lib/srs/settings';
import { catalog } from './catalog.svelte';
import { storage } from './storage.svelte';

/** 'unset': no exam date; 'past': the date has gone by; 'ready': a plan to show. */
export type ExamPlanStatus = 'loading' | 'unset' | 'past' | 'ready' | 'error';

export class ExamPlanState {
	status = $state<ExamPlanStatus>('loading');
	/** The target exam, for the words around the plan. */
	exam = $state<ExamPreset>('CPC');
	/** "Sunday, December 20", once a date is set. */
	examDay = $state<string | undefined>(undefined);
	plan = $state<ExamPlan | undefined>(undefined);
	sentence = $state<string | undefined>(undefined);
	problem = $state<string | undefined>(undefined);

	constructor(private readonly clock: () => number = Date.now) {}

	/** Reads what the plan needs; call again after the settings change. */
	async load(): Promise<void> {
		try {
			if (!(await storage.open()) || !storage.settings || !storage.drill) {
				throw new Error(storage.error?.message ?? 'Storage is not available.');
			}
			const settings = srsSettings(await storage.settings.get('srs', undefined));
			const now = this.clock();
			const today = learnerDay(now, settings.dayStartHour, timezoneOffset(now));
			const day = settings.examDate === undefined ? undefined : dayOfDate(settings.examDate);
			this.exam = settings.targetExam;
			this.examDay = day === undefined ? undefined : dayLabel(day, today, true);
			if (day === undefined || day < today) {
				this.plan = undefined;
				this.sentence = undefined;
				this.status = day === undefined ? 'unset' : 'past';
				return;
			}
			const [index, known, reviewsToday] = await Promise.all([
				catalog.index(),
				storage.drill.knownIds(),
				storage.drill.reviewsOn(today)
			]);
			const pool = index.entries.filter((e) => e.exams.includes(settings.targetExam));
			const unseen = unseenAtDayStart(
				pool.map((e) => e.id),
				known,
				reviewsToday
			);
			this.plan = planFromSettings(settings, today, unseen);
			this.sentence = this.plan && planSentence(this.plan, settings.targetExam);
			this.status = 'ready';
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}
}
