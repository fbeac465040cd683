/**
 * The one bank validator: schema checks plus cross-checks against the official code sets.
 * Used by the build (vite plugin), `npm run banks:check`, the unit tests and, later, the importer.
 * It never throws on bad input: every problem comes back as `file:line: message`.
 */
import { isCodeSetYear, type CodeSetYear, type CodeSets } from '../codebook/codesets.ts';
import {
	CPT_MODIFIERS,
	ICD10CM_DOTTED,
	ICD10PCS,
	parseProcedureLine,
	procedureKind
} from '../grading/codes.ts';
import { parseItemFile, parseYaml, sizeProblem, type ParsedFile } from './parse.ts';
import {
	CODE_SYSTEMS,
	EXAM_PRESETS,
	type Bank,
	type BankMeta,
	type CodeKey,
	type CodeSystem,
	type ExamPreset,
	type Item,
	type Problem
} from './types.ts';
import type { BaseFields, KindChecker } from '../items/kind.ts';
import { ITEM_TYPES, isItemType, kindOfType } from '../items/registry.ts';

export interface SourceFile {
	/** Path as it should appear in messages, e.g. `question-banks/cpc/cpc-em-0001.md`. */
	path: string;
	/** The bank (folder) it belongs to; undefined for a file beside the bank folders. */
	bank?: string;
	/** The file as read: bytes are decoded here, so that bytes that are not UTF-8 are refused. */
	text: string | Uint8Array;
}

/** A source file whose bytes were decoded. */
interface TextFile extends SourceFile {
	text: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a file, or the line of its first byte that is not UTF-8. A lenient decoder would
 * ship U+FFFD in place of each bad byte, and a learner would read the replacement marks.
 */
export function decodeSource(path: string, bytes: Uint8Array): string | Problem {
	try {
		return UTF8.decode(bytes);
	} catch {
		let line = 1;
		let start = 0;
		for (let i = 0; i <= bytes.length; i++) {
			if (i < bytes.length && bytes[i] !== 0x0a) continue;
			try {
				UTF8.decode(bytes.subarray(start, i));
			} catch {
				break;
			}
			line++;
			start = i + 1;
		}
		return {
			file: path,
			line,
			message: 'the file is not valid UTF-8 text; save it as UTF-8'
		};
	}
}

/** Names that look like a bank file but would not be read as one; skipping them would hide an item. */
function nearMissName(path: string): string | undefined {
	const name = path.split('/').pop() ?? path;
	if (/\.(md|markdown|mdown)$/i.test(name) && !name.endsWith('.md')) {
		return `"${name}" is not read as an item: item files end in ".md" (lower case)`;
	}
	if (/\.ya?ml$/i.test(name) && name !== 'bank.yaml') {
		return `"${name}" is not read: the one YAML file of a bank is "bank.yaml"`;
	}
	return undefined;
}

export interface ValidationResult {
	banks: Bank[];
	problems: Problem[];
}

const COMMON_FIELDS = [
	'id',
	'type',
	'exams',
	'section',
	'systems',
	'codeSetYear',
	'difficulty',
	'tags'
];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringList(v: unknown): v is string[] {
	return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function fileStem(path: string): string {
	return (path.split('/').pop() ?? path).replace(/\.md$/, '');
}

export function validateBanks(files: SourceFile[], codes: CodeSets): ValidationResult {
	const problems: Problem[] = [];
	const metas = new Map<string, BankMeta>();
	const itemsByBank = new Map<string, Item[]>();
	const itemFiles: TextFile[] = [];

	for (const source of files) {
		const folder = source.bank;
		if (!folder) continue; // e.g. question-banks/README.md
		const nearMiss = nearMissName(source.path);
		if (nearMiss) {
			problems.push({ file: source.path, line: 1, message: nearMiss });
			continue;
		}
		const text =
			typeof source.text === 'string' ? source.text : decodeSource(source.path, source.text);
		if (typeof text !== 'string') {
			problems.push(text);
			continue;
		}
		const f: TextFile = { ...source, text };
		if (f.path.endsWith('/bank.yaml')) {
			const meta = validateManifest(f, folder, problems);
			if (meta) metas.set(folder, meta);
		} else if (f.path.endsWith('.md')) {
			itemFiles.push(f);
		}
	}

	const seen = new Map<string, string>();
	for (const f of itemFiles) {
		const folder = f.bank ?? '';
		const meta = metas.get(folder);
		if (!meta) {
			problems.push({
				file: f.path,
				line: 1,
				message: `bank folder "${folder}" has no valid bank.yaml`
			});
			continue;
		}
		const parsed = parseItemFile(f.path, f.text);
		problems.push(...parsed.problems);
		if (parsed.problems.length) continue;
		const item = new ItemChecker(f.path, parsed, meta, codes, problems).check();
		if (!item) continue;
		const earlier = seen.get(item.id);
		if (earlier) {
			problems.push({
				file: f.path,
				line: parsed.lineOf(['id']),
				message: `id "${item.id}" is already used by ${earlier}`
			});
			continue;
		}
		seen.set(item.id, f.path);
		const list = itemsByBank.get(meta.id) ?? [];
		list.push(item);
		itemsByBank.set(meta.id, list);
	}

	const banks = [...metas.values()]
		.map((m) => ({
			...m,
			items: (itemsByBank.get(m.id) ?? []).sort((a, b) => a.id.localeCompare(b.id))
		}))
		.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
	problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	return { banks, problems };
}

const MANIFEST_FIELDS = ['id', 'title', 'description', 'order', 'sections'];
/** Where a bank without `order` is listed: after the ordered ones, by id. */
export const UNORDERED = 1000;
const SECTION_FIELDS = ['id', 'title'];

function validateManifest(f: TextFile, folder: string, problems: Problem[]): BankMeta | undefined {
	const tooBig = sizeProblem(f.path, f.text);
	if (tooBig) {
		problems.push(tooBig);
		return undefined;
	}
	const y = parseYaml(f.path, f.text);
	if (y.problems.length) {
		problems.push(...y.problems);
		return undefined;
	}
	const data = y.data;
	const before = problems.length;
	const fail = (path: (string | number)[], message: string) =>
		problems.push({ file: f.path, line: y.lineOf(path), message });
	if (!isRecord(data)) {
		fail([], 'bank.yaml must be a mapping with id, title, description and sections');
		return undefined;
	}
	// Unknown keys are refused as in item files: a typo would be ignored, and `__proto__` is hostile.
	for (const key of Object.keys(data)) {
		if (!MANIFEST_FIELDS.includes(key)) {
			fail([key], `unknown field "${key}" in bank.yaml (use ${MANIFEST_FIELDS.join(', ')})`);
		}
	}
	if (data.id !== folder) fail(['id'], `id must equal the folder name "${folder}"`);
	if (typeof data.title !== 'string' || !data.title.trim()) fail(['title'], 'title is required');
	if (typeof data.description !== 'string') fail(['description'], 'description is required');
	if (
		data.order !== undefined &&
		!(
			Number.isInteger(data.order) &&
			(data.order as number) >= 1 &&
			(data.order as number) < UNORDERED
		)
	)
		fail(
			['order'],
			`order must be a whole number from 1 to ${UNORDERED - 1} (where the bank is listed)`
		);
	const sections: BankMeta['sections'] = [];
	if (!Array.isArray(data.sections) || data.sections.length === 0) {
		fail(['sections'], 'sections must list at least one { id, title }');
	} else {
		data.sections.forEach((s: unknown, i: number) => {
			const extra = isRecord(s)
				? Object.keys(s).find((k) => !SECTION_FIELDS.includes(k))
				: undefined;
			if (!isRecord(s) || typeof s.id !== 'string' || typeof s.title !== 'string') {
				fail(['sections', i], 'each section needs a string id and title');
			} else if (extra !== undefined) {
				fail(['sections', i, extra], `unknown field "${extra}" in a section (use id, title)`);
			} else if (!ID.test(s.id)) {
				fail(['sections', i], `section id "${s.id}" must be lower-case words joined by hyphens`);
			} else if (sections.some((t) => t.id === s.id)) {
				fail(['sections', i], `section id "${s.id}" appears twice`);
			} else {
				sections.push({ id: s.id, title: s.title });
			}
		});
	}
	if (problems.length > before) return undefined;
	return {
		id: folder,
		title: String(data.title),
		description: String(data.description).trim(),
		order: typeof data.order === 'number' ? data.order : UNORDERED,
		sections
	};
}

/** Checks one parsed item file and builds the Item, recording each problem with its line. */
class ItemChecker implements KindChecker {
	private readonly start: number;
	/** The item's ICD-10-CM year; until it is read (or if it is wrong), the newest one given. */
	year: CodeSetYear;
	data: Record<string, unknown> = {};
	text: Record<string, string> = {};
	systems: CodeSystem[] = [];
	constructor(
		private readonly file: string,
		private readonly parsed: ParsedFile,
		private readonly bank: BankMeta,
		readonly codes: CodeSets,
		private readonly problems: Problem[]
	) {
		this.start = problems.length;
		this.year = codes.years[codes.years.length - 1] ?? 2026;
	}

	fail(path: (string | number)[], message: string): void {
		this.problems.push({ file: this.file, line: this.parsed.lineOf(path), message });
	}

	failAt(line: number, message: string): void {
		this.problems.push({ file: this.file, line, message });
	}

	section(title: string) {
		return this.parsed.sections.get(title);
	}

	sourceOf(path: (string | number)[]): string | undefined {
		return this.parsed.sourceOf(path);
	}

	check(): Item | undefined {
		const d = this.parsed.data;
		if (!isRecord(d)) {
			this.failAt(1, 'the front matter must be a YAML mapping');
			return undefined;
		}
		const type = d.type;
		if (!isItemType(type)) {
			this.fail(['type'], `type must be one of ${ITEM_TYPES.join(', ')}`);
			return undefined;
		}
		const kind = kindOfType(type);
		this.data = d;
		for (const key of Object.keys(d)) {
			if (!COMMON_FIELDS.includes(key) && !kind.fields.includes(key)) {
				this.fail([key], `unknown field "${key}" for a ${type} item`);
			}
		}
		const stem = fileStem(this.file);
		if (typeof d.id !== 'string' || !ID.test(d.id)) {
			this.fail(['id'], 'id must be lower-case words and numbers joined by hyphens');
		} else if (d.id !== stem) {
			this.fail(['id'], `id "${d.id}" must equal the file name "${stem}"`);
		}
		const exams = this.list(d, 'exams', EXAM_PRESETS) as ExamPreset[];
		if (exams.length === 0)
			this.fail(['exams'], `exams must name at least one of ${EXAM_PRESETS.join(', ')}`);
		const systems = this.list(d, 'systems', CODE_SYSTEMS) as CodeSystem[];
		this.systems = systems;
		if (!this.bank.sections.some((s) => s.id === d.section)) {
			this.fail(
				['section'],
				`section "${String(d.section)}" is not one of this bank's sections: ${this.bank.sections.map((s) => s.id).join(', ')}`
			);
		}
		if (!isCodeSetYear(d.codeSetYear) || !this.codes.years.includes(d.codeSetYear)) {
			this.fail(
				['codeSetYear'],
				`codeSetYear must be ${this.codes.years.join(' or ')}, the ICD-10-CM year the key was checked against`
			);
		} else this.year = d.codeSetYear;
		if (d.difficulty !== 1 && d.difficulty !== 2 && d.difficulty !== 3) {
			this.fail(['difficulty'], 'difficulty must be 1, 2 or 3');
		}
		const tags = d.tags === undefined ? [] : d.tags;
		if (!isStringList(tags)) this.fail(['tags'], 'tags must be a list of words');

		const text = this.sections(type, kind.sections);
		this.text = text;
		const base: BaseFields = {
			id: String(d.id),
			bankId: this.bank.id,
			exams,
			section: String(d.section),
			systems,
			codeSetYear: this.year,
			difficulty: d.difficulty as 1 | 2 | 3,
			tags: isStringList(tags) ? tags : [],
			rationale: text.Rationale ?? '',
			file: this.file
		};
		this.checkCodesInText();

		const item = kind.build(this, base) as Item;
		return this.problems.length > this.start ? undefined : item;
	}

	private list(d: Record<string, unknown>, key: string, allowed: readonly string[]): string[] {
		const v = d[key];
		if (!isStringList(v)) {
			this.fail([key], `${key} must be a list, e.g. [${allowed.slice(0, 2).join(', ')}]`);
			return [];
		}
		v.forEach((x, i) => {
			if (!allowed.includes(x)) this.fail([key, i], `"${x}" is not one of ${allowed.join(', ')}`);
		});
		return v;
	}

	private sections(type: string, wanted: readonly string[]): Record<string, string> {
		const out: Record<string, string> = {};
		for (const [title, s] of this.parsed.sections) {
			if (!wanted.includes(title)) {
				this.failAt(
					s.line,
					`unexpected section "## ${title}" (a ${type} item has ${wanted.join(', ')})`
				);
			}
		}
		for (const title of wanted) {
			const s = this.parsed.sections.get(title);
			if (!s || !s.body.trim()) {
				this.failAt(s?.line ?? this.lastLine(), `missing or empty "## ${title}" section`);
			} else out[title] = s.body.trim();
		}
		return out;
	}

	private lastLine(): number {
		let last = 1;
		for (const s of this.parsed.sections.values()) last = Math.max(last, s.line);
		return last;
	}

	/** Every dotted ICD-10-CM code and every HCPCS code written anywhere must exist. */
	private checkCodesInText(): void {
		for (const s of this.parsed.sections.values()) {
			s.body.split('\n').forEach((raw, i) => {
				const line = s.firstBodyLine + i;
				for (const m of raw.matchAll(/\b[A-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}\b/g)) {
					if (!this.codes.icd10cm(m[0], this.year))
						this.failAt(line, `ICD-10-CM code ${m[0]} does not exist in FY${this.year}`);
				}
				for (const m of raw.matchAll(/\b[A-CE-V]\d{4}\b/g)) {
					if (!this.codes.hcpcs(m[0]))
						this.failAt(line, `HCPCS Level II code ${m[0]} does not exist`);
				}
			});
		}
	}

	modifierProblem(mod: string): string | undefined {
		if (/^\d{2}$/.test(mod)) {
			return CPT_MODIFIERS.has(mod) ? undefined : `modifier ${mod} is not a CPT modifier`;
		}
		const entry = this.codes.hcpcs(mod);
		if (!entry || entry.type !== 'modifier')
			return `modifier ${mod} is not a HCPCS Level II modifier`;
		if (entry.terminated) return `modifier ${mod} was terminated ${entry.terminated}`;
		return undefined;
	}

	codeKey(v: unknown, path: (string | number)[]): CodeKey | undefined {
		if (!isRecord(v)) {
			this.fail(path, 'answer must list codes under icd10cm, procedures and/or icd10pcs');
			return undefined;
		}
		const key = emptyKey();
		for (const k of Object.keys(v)) {
			if (k !== 'icd10cm' && k !== 'procedures' && k !== 'icd10pcs') {
				this.fail([...path, k], `unknown code list "${k}" (use icd10cm, procedures, icd10pcs)`);
				continue;
			}
			const raw = v[k];
			// Read codes as written, so `00790` keeps its zeros and `96372` is not a number.
			const list = Array.isArray(raw)
				? raw.map((x, i) => this.parsed.sourceOf([...path, k, i]) ?? x)
				: raw;
			if (!isStringList(list)) {
				this.fail([...path, k], `${k} must be a list of codes`);
				continue;
			}
			list.forEach((raw, i) => {
				const at = [...path, k, i];
				const code = raw.trim();
				const clash = list.slice(0, i).some((x) => x.trim().toUpperCase() === code.toUpperCase());
				if (clash) this.fail(at, `${code} is listed twice`);
				const why =
					k === 'icd10cm'
						? this.icdProblem(code)
						: k === 'icd10pcs'
							? this.pcsProblem(code)
							: this.procedureProblem(code);
				if (why) this.fail(at, why);
				key[k].push(code);
			});
		}
		if (!key.icd10cm.length && !key.procedures.length && !key.icd10pcs.length) {
			this.fail(path, 'answer lists no codes');
		}
		return key;
	}

	icdProblem(code: string): string | undefined {
		if (!ICD10CM_DOTTED.test(code))
			return `"${code}" is not written as a dotted ICD-10-CM code (e.g. E11.9)`;
		const entry = this.codes.icd10cm(code, this.year);
		if (!entry) return `ICD-10-CM code ${code} does not exist in FY${this.year}`;
		if (!entry.billable)
			return `ICD-10-CM code ${code} is a header, not billable; code to the highest specificity`;
		return undefined;
	}

	private pcsProblem(code: string): string | undefined {
		if (!ICD10PCS.test(code)) return `"${code}" is not a seven-character ICD-10-PCS code`;
		return this.codes.icd10pcs(code) ? undefined : `ICD-10-PCS code ${code} is not valid in FY2026`;
	}

	procedureProblem(raw: string): string | undefined {
		const line = parseProcedureLine(raw);
		if (!line || raw !== raw.toUpperCase().replace(/X(\d+)$/, 'x$1')) {
			return `"${raw}" must read CODE[-MOD...][ xUNITS], e.g. 99213-25 or J1100 x4`;
		}
		const kind = procedureKind(line.code);
		if (!kind)
			return `${line.code} is neither a CPT code (five digits, or four and F/T/U) nor HCPCS Level II`;
		if (kind === 'hcpcs') {
			const entry = this.codes.hcpcs(line.code);
			if (!entry || entry.type !== 'procedure')
				return `HCPCS Level II code ${line.code} does not exist`;
			if (entry.terminated)
				return `HCPCS Level II code ${line.code} was terminated ${entry.terminated}`;
		}
		if (line.units < 1) return `${raw}: units must be at least 1`;
		for (const mod of line.modifiers) {
			const why = this.modifierProblem(mod);
			if (why) return why;
		}
		return undefined;
	}

	checkSystems(key: CodeKey): void {
		const systems = this.systems;
		const used: CodeSystem[] = [];
		if (key.icd10cm.length) used.push('ICD-10-CM');
		if (key.icd10pcs.length) used.push('ICD-10-PCS');
		for (const p of key.procedures) {
			const kind = procedureKind(parseProcedureLine(p)?.code ?? '');
			if (kind === 'cpt') used.push('CPT');
			if (kind === 'hcpcs') used.push('HCPCS');
		}
		for (const s of new Set(used)) {
			if (!systems.includes(s))
				this.fail(['systems'], `the answer uses ${s} codes, so systems must list ${s}`);
		}
	}
}

function emptyKey(): CodeKey {
	return { icd10cm: [], procedures: [], icd10pcs: [] };
}
