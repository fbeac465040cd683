import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline, chaptersOf, lateralityGroups } from '../../scripts/lib/icd10cm-outline';

const read = (f: string) => readFileSync(resolve(f), 'utf8');

describe('icd10cm outline', () => {
	it('is what npm run codesets:outline makes of codesets/ (run it after a code-set change)', () => {
		const built = buildOutline({
			codes: read('codesets/icd10cm-2027.tsv'),
			categories: read('codesets/icd10cm-2027-categories.tsv'),
			chapters: read('codesets/icd10cm-2026-chapters.tsv')
		});
		expect(JSON.parse(read('src/lib/grading/icd10cm-outline.json'))).toEqual(built);
	});

	it('puts a category no range holds in the chapter of the category before it', () => {
		const chapters = 'chapter\ttitle\n1\tOne (A00-B99)\n2\tTwo (C00-D49)\n';
		const categories = 'category\tsection\nA00\tx\nB99\tx\nB9A\tx\nC00\tx\n';
		expect(chaptersOf(categories, chapters)).toEqual(['A00 B99 B9A', 'C00']);
	});

	it('groups codes whose titles differ only in the side, and nothing else', () => {
		const codes = [
			'code\tbillable\ttitle',
			'H40.111\t0\tPrimary open-angle glaucoma, right eye',
			'H40.1111\t1\tPrimary open-angle glaucoma, right eye, mild stage',
			'H40.112\t0\tPrimary open-angle glaucoma, left eye',
			'H40.113\t0\tPrimary open-angle glaucoma, bilateral',
			'H40.119\t0\tPrimary open-angle glaucoma, unspecified eye',
			'C43.111\t1\tMalignant melanoma of right upper eyelid, including canthus',
			'C43.121\t1\tMalignant melanoma of left upper eyelid, including canthus',
			'E11.21\t1\tType 2 diabetes mellitus with diabetic nephropathy',
			'E11.22\t1\tType 2 diabetes mellitus with diabetic chronic kidney disease',
			'E11.8\t1\tType 2 diabetes mellitus with unspecified complications',
			'E11.9\t1\tType 2 diabetes mellitus without complications'
		].join('\n');
		expect(lateralityGroups(codes)).toEqual(['H4011:1239', 'C43111 C43121']);
	});
});
