/**
 * `npm run banks:audit -- <bank | section | bank/section | item id>...`: prints each chosen item
 * with its key, the official title of every ICD-10-CM, ICD-10-PCS and HCPCS code it mentions
 * (from the code sets of the item's codeSetYear) and the text of each guideline section it cites.
 */
import { existsSync } from 'node:fs';
import { auditItem, selectItems } from '../src/lib/content/audit.ts';
import { checkBanks } from './lib/banks.ts';
import { codeSetFiles, loadGuidelines, titleLookup } from './lib/review.ts';

const picks = process.argv.slice(2);
if (!picks.length) {
	console.error('usage: npm run banks:audit -- <bank | section | bank/section | item id>...');
	process.exit(2);
}
const { banks } = checkBanks();
const items = selectItems(
	banks.flatMap((b) => b.items),
	picks
);
if (!items.length) {
	console.error(`No bank, section or item is called ${picks.join(' or ')}.`);
	process.exit(2);
}
const guidelines = loadGuidelines();
for (const item of items) {
	const files = codeSetFiles(item.codeSetYear);
	const missing = Object.values(files).filter((f) => !existsSync(f));
	if (missing.length) {
		console.log(`== ${item.id}: no code sets for ${item.codeSetYear} (${missing.join(', ')})\n`);
		continue;
	}
	console.log(auditItem(item, titleLookup(item.codeSetYear), guidelines) + '\n');
}
console.log(`${items.length} item(s)`);
