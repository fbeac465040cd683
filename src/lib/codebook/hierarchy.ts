/**
 * The code book's tree: ICD-10-CM chapter > section > category > subcategory > code, PCS
 * section > table > code, HCPCS letter group > code. Every node has a string id used in URLs
 * (`/codes?c=<id>`): the code itself for codes (`E11.9`), `chapter:4`, `section:E08-E13`,
 * `pcs:0`, `hcpcs:J`, `hcpcs:modifiers` for the groups above them.
 */
import { codeKey, type CodeBookData, type CodeEntry, type CodeSystem } from './data';
import { normalizeCode } from './normalize';

/** The PCS sections (first character), as the CMS PCS tables name them. */
export const PCS_SECTIONS: Record<string, string> = {
	'0': 'Medical and Surgical',
	'1': 'Obstetrics',
	'2': 'Placement',
	'3': 'Administration',
	'4': 'Measurement and Monitoring',
	'5': 'Extracorporeal or Systemic Assistance and Performance',
	'6': 'Extracorporeal or Systemic Therapies',
	'7': 'Osteopathic',
	'8': 'Other Procedures',
	'9': 'Chiropractic',
	B: 'Imaging',
	C: 'Nuclear Medicine',
	D: 'Radiation Therapy',
	F: 'Physical Rehabilitation and Diagnostic Audiology',
	G: 'Mental Health',
	H: 'Substance Abuse Treatment',
	X: 'New Technology'
};

/** HCPCS Level II code groups by first letter (CMS's own grouping of the alpha-numeric file). */
export const HCPCS_GROUPS: Record<string, string> = {
	A: 'Transportation, medical and surgical supplies, miscellaneous',
	B: 'Enteral and parenteral therapy',
	C: 'Outpatient PPS (temporary hospital codes)',
	E: 'Durable medical equipment',
	G: 'Procedures and professional services (temporary)',
	H: 'Alcohol and drug abuse treatment, behavioral health',
	J: 'Drugs administered other than oral method, chemotherapy',
	K: 'Temporary codes (DME MACs)',
	L: 'Orthotic and prosthetic procedures and devices',
	M: 'Other medical services, quality measures',
	P: 'Pathology and laboratory services',
	Q: 'Temporary codes',
	R: 'Diagnostic radiology services',
	S: 'Temporary national codes (non-Medicare)',
	T: 'National codes for State Medicaid agencies',
	U: 'Laboratory tests (temporary)',
	V: 'Vision, hearing and speech-language services',
	modifiers: 'Level II modifiers'
};

export type NodeKind = 'chapter' | 'section' | 'pcs-section' | 'hcpcs-group' | 'code';

export interface TreeNode {
	id: string;
	kind: NodeKind;
	system: CodeSystem;
	/** Short label: the code, `Chapter 4`, `E08-E13`, `PCS section 0`, `J codes`. */
	label: string;
	title: string;
	/** Set for codes (kind 'code'). */
	entry?: CodeEntry;
}

/**
 * The Tabular's blocks nest: chapter 19 has T07-T88, which holds T20-T32, which holds T20-T25.
 * The sections file lists every block flat (in Tabular order, a block before the blocks inside
 * it), so this finds each block's parent: the nearest earlier block of the same chapter whose
 * span holds it, or the chapter. Spans are positions in the Tabular's category order, not
 * spellings: C7A sorts between C76 and C80 as text, but the Tabular lists it after C75.
 * Returns section id -> parent node id (`section:...` or `chapter:n`).
 */
export function sectionParents(data: CodeBookData): Map<string, string> {
	const position = new Map<string, number>();
	const spans = new Map<string, [number, number]>();
	[...data.categorySection.keys()].forEach((category, i) => position.set(category, i));
	// A block that holds categories spans them; a block that only holds blocks spans its range.
	for (const [category, section] of data.categorySection) {
		const at = position.get(category)!;
		const span = spans.get(section);
		spans.set(section, span ? [Math.min(span[0], at), Math.max(span[1], at)] : [at, at]);
	}
	for (const s of data.sections) {
		if (spans.has(s.id)) continue;
		const [first = '', last = first] = s.id.split('-');
		const a = position.get(first);
		const b = position.get(last);
		if (a !== undefined && b !== undefined) spans.set(s.id, [a, b]);
	}
	const parents = new Map<string, string>();
	data.sections.forEach((s, i) => {
		parents.set(s.id, `chapter:${s.chapter}`);
		const span = spans.get(s.id);
		if (!span) return;
		for (let j = i - 1; j >= 0 && data.sections[j]!.chapter === s.chapter; j--) {
			const outer = spans.get(data.sections[j]!.id);
			if (outer && outer[0] <= span[0] && span[1] <= outer[1]) {
				parents.set(s.id, `section:${data.sections[j]!.id}`);
				return;
			}
		}
	});
	return parents;
}

export class CodeTree {
	readonly data: CodeBookData;
	#byKey = new Map<string, number>();
	/**
	 * Per entry: its parent entry (>= 0), or -1 - k for the k-th group node in `#groups` (a
	 * section, PCS section, HCPCS group). Numbers, not 190,000 key strings: tens of MB less.
	 */
	#parent: Int32Array;
	#groups: string[] = [];
	#groupNumber = new Map<string, number>();
	/** Children of group nodes and roots: group ids, or entry numbers for codes. */
	#groupChildren = new Map<string, (string | number)[]>();
	/** Children of codes: entry numbers. */
	#codeChildren = new Map<number, number[]>();
	/** Section id -> the block or chapter that holds it (see sectionParents). */
	#sectionParent: Map<string, string>;

	constructor(data: CodeBookData) {
		this.data = data;
		data.entries.forEach((e, i) => this.#byKey.set(codeKey(e.system, e.code), i));
		this.#sectionParent = sectionParents(data);
		for (const c of data.chapters) this.#add('root:icd10cm', `chapter:${c.number}`);
		for (const s of data.sections) this.#add(this.#sectionParent.get(s.id)!, `section:${s.id}`);
		for (const k of Object.keys(PCS_SECTIONS)) this.#add('root:icd10pcs', `pcs:${k}`);
		for (const k of Object.keys(HCPCS_GROUPS)) this.#add('root:hcpcs', `hcpcs:${k}`);
		this.#parent = new Int32Array(data.entries.length);
		data.entries.forEach((e, i) => {
			const parent = this.#parentOf(e);
			if (typeof parent === 'number') {
				this.#parent[i] = parent;
				const list = this.#codeChildren.get(parent);
				if (list) list.push(i);
				else this.#codeChildren.set(parent, [i]);
				return;
			}
			let g = this.#groupNumber.get(parent);
			if (g === undefined) {
				g = this.#groups.push(parent) - 1;
				this.#groupNumber.set(parent, g);
			}
			this.#parent[i] = -1 - g;
			this.#add(parent, i);
		});
	}

	#add(parent: string, child: string | number): void {
		const list = this.#groupChildren.get(parent);
		if (list) list.push(child);
		else this.#groupChildren.set(parent, [child]);
	}

	/** The parent entry's number, or a group's id (a PCS table the book lacks stays a key). */
	#parentOf(e: CodeEntry): number | string {
		const n = normalizeCode(e.code);
		if (e.system === 'icd10cm') {
			// The parent is the longest shorter code that exists: S72.001A -> S72.001, and
			// T39.1X1 -> T39.1 (there is no T39.1X).
			for (let len = n.length - 1; len >= 3; len--) {
				const i = this.#byKey.get(`icd10cm:${n.slice(0, len)}`);
				if (i !== undefined) return i;
			}
			const section = this.data.categorySection.get(n.slice(0, 3));
			return section ? `section:${section}` : 'root:icd10cm';
		}
		if (e.system === 'icd10pcs') {
			if (n.length <= 3) return `pcs:${n[0]}`;
			return this.#byKey.get(`icd10pcs:${n.slice(0, 3)}`) ?? `icd10pcs|${n.slice(0, 3)}`;
		}
		return e.modifier ? 'hcpcs:modifiers' : `hcpcs:${n[0]}`;
	}

	/** The entry for a code in any typed form (`e119`, `E11.9`); `system` settles a clash. */
	find(code: string, system?: CodeSystem): CodeEntry | undefined {
		const n = normalizeCode(code);
		// A dot only appears in ICD-10-CM codes; otherwise HCPCS, then PCS, then CM.
		const order: CodeSystem[] = system
			? [system]
			: code.includes('.')
				? ['icd10cm']
				: ['hcpcs', 'icd10pcs', 'icd10cm'];
		for (const s of order) {
			const i = this.#byKey.get(`${s}:${n}`);
			if (i !== undefined) return this.data.entries[i];
		}
		return undefined;
	}

	/** Every system that has this code (a few undotted CM codes look like HCPCS codes). */
	systemsOf(code: string): CodeSystem[] {
		const n = normalizeCode(code);
		return (['icd10cm', 'icd10pcs', 'hcpcs'] as const).filter((s) => this.#byKey.has(`${s}:${n}`));
	}

	/** The node for an id (`E11.9`, `e119`, `chapter:4`, ...), or undefined. */
	node(id: string, system?: CodeSystem): TreeNode | undefined {
		const [kind, rest = ''] = id.includes(':') ? id.split(/:(.*)/s) : ['code', id];
		if (kind === 'chapter') {
			const c = this.data.chapters.find((ch) => String(ch.number) === rest);
			return (
				c && {
					id,
					kind: 'chapter',
					system: 'icd10cm',
					label: `Chapter ${c.number}`,
					title: c.title
				}
			);
		}
		if (kind === 'section') {
			const s = this.data.sections.find((sec) => sec.id === rest);
			return s && { id, kind: 'section', system: 'icd10cm', label: s.id, title: s.title };
		}
		if (kind === 'pcs') {
			const t = PCS_SECTIONS[rest];
			return t === undefined
				? undefined
				: { id, kind: 'pcs-section', system: 'icd10pcs', label: `Section ${rest}`, title: t };
		}
		if (kind === 'hcpcs') {
			const t = HCPCS_GROUPS[rest];
			const label = rest === 'modifiers' ? 'Modifiers' : `${rest} codes`;
			return t === undefined
				? undefined
				: { id, kind: 'hcpcs-group', system: 'hcpcs', label, title: t };
		}
		if (kind !== 'code') return undefined;
		const entry = this.find(id, system);
		return entry && this.#codeNode(entry);
	}

	#codeNode(entry: CodeEntry): TreeNode {
		return {
			id: entry.code,
			kind: 'code',
			system: entry.system,
			label: entry.code,
			title: entry.title,
			entry
		};
	}

	#entryNode(i: number): TreeNode {
		return this.#codeNode(this.data.entries[i]!);
	}

	parent(node: TreeNode): TreeNode | undefined {
		if (node.kind === 'code') {
			const i = this.#byKey.get(codeKey(node.system, node.id));
			if (i === undefined) return undefined;
			const p = this.#parent[i]!;
			return p >= 0 ? this.#entryNode(p) : this.node(this.#groups[-1 - p]!);
		}
		if (node.kind === 'section') {
			const parent = this.#sectionParent.get(node.id.slice('section:'.length));
			return parent === undefined ? undefined : this.node(parent);
		}
		return undefined;
	}

	/** From the top (a chapter, PCS section or HCPCS group) down to the node's parent. */
	ancestors(node: TreeNode): TreeNode[] {
		const out: TreeNode[] = [];
		for (let p = this.parent(node); p; p = this.parent(p)) out.unshift(p);
		return out;
	}

	children(node: TreeNode): TreeNode[] {
		if (node.kind === 'code') {
			const i = this.#byKey.get(codeKey(node.system, node.id));
			return i === undefined
				? []
				: (this.#codeChildren.get(i) ?? []).map((j) => this.#entryNode(j));
		}
		return this.#groupNodes(node.id);
	}

	#groupNodes(id: string): TreeNode[] {
		return (this.#groupChildren.get(id) ?? []).flatMap((k) =>
			typeof k === 'number' ? [this.#entryNode(k)] : (this.node(k) ?? [])
		);
	}

	/** The top of each system's tree: CM chapters, PCS sections, HCPCS groups. */
	roots(system: CodeSystem): TreeNode[] {
		return this.#groupNodes(`root:${system}`);
	}

	siblings(node: TreeNode): TreeNode[] {
		const parent = this.parent(node);
		const all = parent ? this.children(parent) : this.roots(node.system);
		return all.filter((n) => n.id !== node.id);
	}
}
