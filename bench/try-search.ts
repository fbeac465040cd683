import { readFileSync } from 'node:fs';
import { parseCodeBook, CODEBOOK_FILES, type CodeBookTexts } from '../src/lib/codebook/data.ts';
import { SearchIndex } from '../src/lib/codebook/search.ts';
const texts = Object.fromEntries(Object.entries(CODEBOOK_FILES).map(([k, f]) => [k, readFileSync(`/work/codebook/codesets/${f}`, 'utf8')])) as unknown as CodeBookTexts;
let t0 = performance.now();
const data = parseCodeBook(texts);
console.log('parse', (performance.now() - t0).toFixed(0), data.entries.length);
t0 = performance.now();
const idx = new SearchIndex(data);
console.log('index', (performance.now() - t0).toFixed(0), idx.size);
for (const q of process.argv.slice(2)) {
  const t = performance.now();
  const r = idx.search(q);
  console.log(`\n${q}  (${(performance.now() - t).toFixed(1)} ms, total ${r.total})`);
  for (const h of r.hits.slice(0, 6)) console.log(`  ${h.code.padEnd(9)} ${h.billable ? 'B' : 'h'} ${h.title.slice(0, 90)}${h.via ? '  via ' + h.via.slice(0, 60) : ''}`);
}
const qs = ['type 2 diabetes without complications', 'fracture of femur', 'chf', 'hypertension with heart failure', 'pneumonia', 'acute kidney failure', 'streptococcal sore throat', 'sepsis', 'major depressive disorder'];
const times: number[] = [];
for (let rep = 0; rep < 3; rep++)
  for (const q of qs) for (let i = 1; i <= q.length; i++) { const t = performance.now(); idx.search(q.slice(0, i)); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log('keystrokes', times.length, 'p50', times[times.length >> 1]!.toFixed(2), 'p95', times[Math.floor(times.length * 0.95)]!.toFixed(2), 'max', times[times.length - 1]!.toFixed(2));
