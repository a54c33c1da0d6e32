/**
 * `npm run bench`: builds first (the npm script does), then measures and
 * prints one markdown report, also written to bench/results.md.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readPayloadText } from '../src/kb/write.js';
import { engineAccuracy, latency, loadTime, plainSearchAccuracy, readCases } from './engine.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(3)} ms`;

const text = readPayloadText('dist');
const { ms: loadMs, knowledge } = loadTime(text);
const sets = ['questions', 'escalate', 'crisis', 'not-crisis', 'out-of-scope'].map((name) => ({
  name,
  cases: readCases(`tests/fixtures/${name}.txt`),
}));
const holdout = { name: 'holdout/questions', cases: readCases('tests/fixtures/holdout/questions.txt') };
const all = sets.flatMap((s) => s.cases.map((c) => c.question));
const lat = latency(knowledge, all);

const lines = [
  '# admissions-chat benchmark',
  '',
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Medians and percentiles; timings vary on shared machines.`,
  '',
  '## Engine (Node)',
  '',
  '| figure | value |',
  '|---|---|',
  `| entries | ${knowledge.entries.length} |`,
  `| payload size | ${(text.length / 1000).toFixed(1)} KB raw, ${(gzipSync(text, { level: 9 }).length / 1000).toFixed(1)} KB gzip |`,
  `| index load (JSON.parse + lunr.Index.load), median of 21 | ${ms(loadMs)} |`,
  `| per-question latency over ${all.length} questions × 5 passes | p50 ${ms(lat.p50)}, p99 ${ms(lat.p99)} |`,
  '',
  '## Accuracy: engine vs plain `index.search` on the same index',
  '',
  '| question set | cases | engine: right | engine: right or offered | engine: wrong answer | plain index.search | index.search threw |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...[...sets, holdout].map((s) => {
    const plain = plainSearchAccuracy(knowledge, s.cases);
    const engine = engineAccuracy(knowledge, s.cases);
    return `| ${s.name} | ${s.cases.length} | ${pct(engine.right)} | ${pct(engine.reached)} | ${pct(engine.wrong)} | ${pct(plain.accuracy)} | ${plain.errors} |`;
  }),
  '',
  'Plain `index.search` has no crisis, escalation or confidence logic: its top hit is taken as the answer, and no hit (or a thrown query-parse error) as a fallback; a not-crisis trap always counts as right for it. "Right or offered" also counts a fallback whose "did you mean" choices include the right entry (one tap away).',
];
const report = `${lines.join('\n')}\n`;
writeFileSync('bench/results.md', report);
process.stdout.write(report);
