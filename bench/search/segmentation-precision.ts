/**
 * How exactly the index's reading of Chinese finds words, on the synthetic year's texts (../shared/data/year-2024:
 * grid event descriptions and 12345 complaints): per query word, the documents the search would return (the word
 * whole as a term; its pieces only when the whole finds nothing) against the documents that contain the word as a
 * substring (the truth), beside the same for single characters only (every character of the word present).
 *
 *   npx tsx bench/search/segmentation-precision.ts [dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuery, textTerms } from '@tiaojie/search';

const DIR = process.argv[2] ?? join(__dirname, '../../../shared/data/year-2024');
const QUERIES = [
  '漏水',
  '拖欠工资',
  '物业费',
  '押金',
  '抚养费',
  '交通事故',
  '商标',
  '电梯',
  '赔偿',
  '工程款',
  '征收',
  '医疗费',
  '退换',
  '工资',
  '危房',
  '乱停',
  '质量问题',
  '房东',
  '医院',
  '协商',
  '停车',
  '水',
  '费',
];

function column(file: string, encoding: string, name: string): string[] {
  const text = new TextDecoder(encoding).decode(readFileSync(join(DIR, file))).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  const at = header.indexOf(name);
  // the texts hold no commas of their own (Chinese punctuation), so a plain split reads the column
  return lines.slice(1).map((l) => l.split(',')[at] ?? '');
}

const docs = [
  ...column('grid_reports.csv', 'utf-8', '事件描述'),
  ...column('work_orders_12345.csv', 'gb18030', '诉求内容'),
];
const terms = docs.map((d) => new Set(textTerms(d)));
const total = { tp: 0, fp: 0, fn: 0, ctp: 0, cfp: 0 };
console.log(`${docs.length} documents`);
console.log('| query | truth | found | precision | recall | chars only: found | precision |');
for (const q of QUERIES) {
  const t = parseQuery(q, () => '').terms[0];
  if (t.kind !== 'words') continue;
  const truth = docs.map((d) => d.includes(q));
  let found = terms.map((s) => s.has(t.whole));
  if (!found.some(Boolean)) found = terms.map((s) => s.has(t.whole) || t.pieces.every((p) => s.has(p)));
  const chars = terms.map((s) => [...q].every((c) => s.has(c)));
  const tp = found.filter((f, i) => f && truth[i]).length;
  const fp = found.filter((f, i) => f && !truth[i]).length;
  const fn = truth.filter((x, i) => x && !found[i]).length;
  const ctp = chars.filter((f, i) => f && truth[i]).length;
  const cfp = chars.filter((f, i) => f && !truth[i]).length;
  Object.assign(total, {
    tp: total.tp + tp,
    fp: total.fp + fp,
    fn: total.fn + fn,
    ctp: total.ctp + ctp,
    cfp: total.cfp + cfp,
  });
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
  console.log(
    `| ${q} | ${tp + fn} | ${tp + fp} | ${pct(tp, tp + fp)} | ${pct(tp, tp + fn)} | ${ctp + cfp} | ${pct(ctp, ctp + cfp)} |`,
  );
}
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
console.log(
  `| all (micro) | ${total.tp + total.fn} | ${total.tp + total.fp} | ${pct(total.tp, total.tp + total.fp)} | ${pct(total.tp, total.tp + total.fn)} | ${total.ctp + total.cfp} | ${pct(total.ctp, total.ctp + total.cfp)} |`,
);
