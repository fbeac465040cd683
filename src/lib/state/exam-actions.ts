/**
 * What the resume banner and the exam page's in-progress card can do to an exam they do not hold
 * open: abandon it, or submit one whose time is up. Both go through the same engine and store
 * transactions as the exam page, and tell the other tabs.
 */
import { catalog } from './catalog.svelte';
import { announceExam } from './exam-channel';
import { ExamEngine } from './exam-engine';
import { storage } from './storage.svelte';

/** Abandons the exam (not scored, no attempts); false if it had closed meanwhile. */
export async function abandonExam(id: string, now = Date.now()): Promise<boolean> {
	if (!(await storage.open()) || !storage.exams)
		throw new Error('This browser is not letting the app store anything.');
	const { abandoned } = await storage.exams.abandon(id, now);
	announceExam({ id, abandoned: true });
	return abandoned;
}

/**
 * Opens the exam through the engine, which submits one whose deadline has passed (scored with
 * the answers it has, dated at the deadline), exactly as opening it on the exam page would.
 */
export async function submitTimedOut(id: string, clock: () => number = Date.now): Promise<void> {
	if (!(await storage.open()) || !storage.exams)
		throw new Error('This browser is not letting the app store anything.');
	const exam = await storage.exams.get(id);
	if (!exam) throw new Error('There is no such exam on this device.');
	const engine = await ExamEngine.open(id, {
		exams: storage.exams,
		items: await catalog.itemsByIds(exam.itemIds),
		clock
	});
	if (engine.submitted) announceExam({ id, submitted: true });
}
