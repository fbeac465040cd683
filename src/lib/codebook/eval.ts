/**
 * Scores a search against a set of look-ups with known answers (bench/codebook-eval/): recall@1,
 * recall@10 and mean reciprocal rank, by kind of look-up and overall. Pure: the caller passes the
 * rows and a search function, so the bench runs it on the real index and the tests on a fake one.
 */

/** One look-up: what was typed and the codes that would be a right landing place. */
export interface EvalRow {
	kind: string;
	query: string;
	/** Codes, or prefixes ending in `*` that accept every code starting with them. */
	accept: string[];
	note: string;
	/** 1-based line in the source file, so a bad row can be named. */
	line: number;
}

export type EvalSystem = 'icd10cm' | 'icd10pcs' | 'hcpcs';

/** What a search returned, best first; the code (and system) is scored, the title is for reports. */
export interface RankedHit {
	code: string;
	/** When given, an accepted code only matches a hit of its own system (see `systemOf`). */
	system?: EvalSystem;
	title?: string;
}

export type SearchFn = (query: string) => readonly RankedHit[];

/** A look-up whose answer was not in the top `depth` results. */
export interface EvalMiss {
	row: EvalRow;
	/** The first result, to show what the search preferred. */
	first?: RankedHit;
}

export interface EvalFigures {
	kind: string;
	n: number;
	recallAt1: number;
	recallAt10: number;
	/** Mean of 1/rank over the top 10; a look-up not found there counts 0. */
	mrr: number;
	misses: EvalMiss[];
}

export interface EvalReport {
	/** In the order the kinds first appear in the rows. */
	kinds: EvalFigures[];
	overall: EvalFigures;
}

const COLUMNS = ['kind', 'query', 'accept', 'note'];

/**
 * Reads the TSV form (header `kind query accept note`). A malformed row throws naming its line:
 * a silently skipped row would make the figures look better than they are.
 */
export function parseEvalTsv(text: string, file = 'everyday.tsv'): EvalRow[] {
	const lines = text.split(/\r?\n/);
	if (lines[0]?.split('\t').join(' ') !== COLUMNS.join(' ')) {
		throw new Error(`${file}:1: the header must be ${COLUMNS.join(', ')} (tab-separated)`);
	}
	const rows: EvalRow[] = [];
	lines.forEach((text, i) => {
		if (i === 0 || text.trim() === '') return;
		const [kind = '', query = '', accept = '', note = '', ...extra] = text.split('\t');
		const codes = accept.split(' ').filter(Boolean);
		if (extra.length > 0 || !kind || !query.trim() || codes.length === 0) {
			throw new Error(`${file}:${i + 1}: needs a kind, a query and at least one accepted code`);
		}
		rows.push({ kind, query, accept: codes, note, line: i + 1 });
	});
	return rows;
}

/**
 * The code system an accepted code or prefix belongs to, from its shape: ICD-10-CM is dotted
 * after three characters (or is a three-character category), HCPCS is a letter and four digits
 * (or a shorter run of digits as a prefix), PCS is the rest (seven characters, or a prefix of
 * them). The system matters because the systems share starts: `J18*` (pneumonia) must not accept
 * the HCPCS drug J1815, nor `L50*` (urticaria) the prosthesis L5000.
 */
export function systemOf(accepted: string): EvalSystem {
	const code = accepted.replace(/\*$/, '');
	if (code.includes('.') || /^[A-Z]\d[\dA-Z]$/.test(code)) return 'icd10cm';
	if (/^[A-Z]\d{1,4}$/.test(code)) return 'hcpcs';
	return 'icd10pcs';
}

/**
 * True when the hit is one of the accepted codes or starts with an accepted `prefix*`, in the
 * accepted code's system when the hit says its own.
 */
export function accepts(accept: readonly string[], hit: RankedHit): boolean {
	return accept.some((a) => {
		if (hit.system && hit.system !== systemOf(a)) return false;
		return a.endsWith('*') ? hit.code.startsWith(a.slice(0, -1)) : hit.code === a;
	});
}

/** The 1-based rank of the first accepted result within `depth`, or 0 when there is none. */
export function rankOf(accept: readonly string[], hits: readonly RankedHit[], depth = 10): number {
	const i = hits.slice(0, depth).findIndex((h) => accepts(accept, h));
	return i + 1;
}

interface Scored {
	row: EvalRow;
	rank: number;
	first?: RankedHit;
}

function figures(kind: string, scored: Scored[]): EvalFigures {
	const n = scored.length;
	const share = (count: number) => (n === 0 ? 0 : count / n);
	return {
		kind,
		n,
		recallAt1: share(scored.filter((s) => s.rank === 1).length),
		recallAt10: share(scored.filter((s) => s.rank > 0).length),
		mrr: share(scored.reduce((sum, s) => sum + (s.rank > 0 ? 1 / s.rank : 0), 0)),
		misses: scored.filter((s) => s.rank === 0).map(({ row, first }) => ({ row, first }))
	};
}

/** Runs every row through `search` once and scores the top 10. */
export function evaluate(rows: readonly EvalRow[], search: SearchFn): EvalReport {
	const scored: Scored[] = rows.map((row) => {
		const hits = search(row.query);
		return { row, rank: rankOf(row.accept, hits), first: hits[0] };
	});
	const kinds = [...new Set(rows.map((r) => r.kind))];
	return {
		kinds: kinds.map((k) =>
			figures(
				k,
				scored.filter((s) => s.row.kind === k)
			)
		),
		overall: figures('everyday', scored)
	};
}

/** A Markdown table of the figures, one line per kind and the overall line in bold. */
export function figuresTable(report: EvalReport): string {
	const f = (x: number) => x.toFixed(2);
	const line = (r: EvalFigures, bold = false) => {
		const cells = [r.kind, String(r.n), f(r.recallAt1), f(r.recallAt10), f(r.mrr)];
		return `| ${(bold ? cells.map((c) => `**${c}**`) : cells).join(' | ')} |`;
	};
	return [
		'| kind | n | recall@1 | recall@10 | MRR |',
		'| --- | --- | --- | --- | --- |',
		...report.kinds.map((r) => line(r)),
		line(report.overall, true)
	].join('\n');
}

/** One miss as a report line: the query, what was expected, and what came first instead. */
export function missLine(miss: EvalMiss): string {
	const first = miss.first
		? `${miss.first.code}${miss.first.title ? ` ${miss.first.title}` : ''}`
		: 'no results';
	return `"${miss.row.query}" -> ${miss.row.accept.join(' ')}; first: ${first}`;
}
