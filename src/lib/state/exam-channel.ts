/**
 * Tells the other tabs that an exam closed (submitted or abandoned), so a tab holding it stops
 * taking answers and a resume banner goes away. A BroadcastChannel; no-op where there is none.
 */
export interface ExamNews {
	id: string;
	submitted?: boolean;
	abandoned?: boolean;
}

const NAME = 'codedrill-exams';

export function announceExam(news: ExamNews): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(NAME);
	channel.postMessage(news);
	channel.close();
}

/** Calls `on` for each piece of news from another tab; returns the function that stops it. */
export function listenForExams(on: (news: ExamNews) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(NAME);
	channel.onmessage = (e: MessageEvent<ExamNews>) => on(e.data);
	return () => channel.close();
}
