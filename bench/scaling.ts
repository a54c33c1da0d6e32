/**
 * How the knowledge payload scales: generated knowledge bases of 50, 500 and
 * 5,000 entries (generate.ts), each built with the kb's own tooling into a
 * temporary folder, in three layouts:
 *
 * - plain lunr: lunr's serialised index over the same fields (the old
 *   payload's index), loaded with JSON.parse + lunr.Index.load;
 * - words: what the kb ships below PACK_INDEX_FROM entries, everything
 *   derived at load;
 * - packed: what it ships from PACK_INDEX_FROM entries on, the index packed
 *   in and unpacked per term on first use.
 *
 * "Index" bytes are the payload without the answers' HTML, which is the
 * same in every layout and reported on its own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import { loadKnowledge, type KnowledgePayload } from '../src/engine/index.js';
import { buildPayload, PACK_INDEX_FROM } from '../src/kb/build.js';
import { compileKnowledge } from '../src/kb/compile.js';
import { lunrIndex } from '../src/kb/lunr-index.js';
import type { Problem } from '../src/kb/problem.js';
import { readKnowledge } from '../src/kb/read.js';
import { writePayload } from '../src/kb/write.js';
import { collect, latency, median } from './engine.js';
import { generateKnowledge } from './generate.js';
import { sizeOf, type Size } from './sizes.js';

export interface Layout {
  name: string;
  index: Size;
  /** Load time, ms: median, min, max. */
  load: number[];
  /** Per question, ms: median over passes, and the worst pass's p99 (the first: lazy work happens there). */
  p50: number;
  p99: number;
  worstP99: number;
}

export interface Scale {
  entries: number;
  /** What `npm run kb -- build` ships at this size. */
  shipped: string;
  /** The payload file the kb wrote, and the answers' HTML alone. */
  file: Size;
  answers: Size;
  layouts: Layout[];
}

/** Median, min and max of `runs` timings of `f`. */
function timed(f: () => void, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return [median(times), Math.min(...times), Math.max(...times)];
}

const withoutAnswers = (p: KnowledgePayload): KnowledgePayload => ({ ...p, entries: p.entries.map(([id, q, , ...rest]) => [id, q, '', ...rest]) });

/**
 * Measures one generated size.
 *
 * @param questions asked of each layout, `passes` times
 */
export function measureScale(entries: number, questions: string[], passes = 3): Scale {
  const dir = mkdtempSync(join(tmpdir(), 'admissions-chat-bench-'));
  try {
    const root = generateKnowledge(entries, dir);
    const { payload, problems } = compileKnowledge(root);
    if (!payload) throw new Error(`generated knowledge has problems: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`);
    const { file } = writePayload(join(dir, 'dist'), payload);
    const written = readFileSync(join(dir, 'dist', file));
    const source = readKnowledge(root, [] as Problem[]);
    const words = buildPayload(source, [], false);
    const packed = buildPayload(source, [], true);
    const runs = entries >= 5000 ? 5 : 11;
    const plain = JSON.stringify(lunrIndex(words));
    const lunrLoaded = lunr.Index.load(JSON.parse(plain));
    const plainLatency = latencyOfLunr(lunrLoaded, questions);
    const layouts: Layout[] = [
      { name: 'plain lunr index', index: sizeOf(plain), load: timed(() => lunr.Index.load(JSON.parse(plain)), runs), ...plainLatency },
      ...[
        ['words (derived at load)', words],
        ['packed index', packed],
      ].map(([name, p]) => {
        const text = JSON.stringify(p);
        const lat = latency(loadKnowledge(JSON.parse(text)), questions, passes, true);
        return { name: name as string, index: sizeOf(JSON.stringify(withoutAnswers(p as KnowledgePayload))), load: timed(() => loadKnowledge(JSON.parse(text)), runs), ...lat };
      }),
    ];
    const answers = sizeOf(JSON.stringify(payload.entries.map((e) => e[2])));
    return { entries, shipped: payload.index ? 'packed index' : 'words (derived at load)', file: sizeOf(written), answers, layouts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A plain lunr index's `search` per question, for scale (it has no engine around it, so it is a floor, not a peer). */
function latencyOfLunr(index: lunr.Index, questions: string[]): { p50: number; p99: number; worstP99: number } {
  const times: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    try {
      index.search(q);
    } catch {
      // lunr's query parser throws on some visitor text; the time still counts.
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p99 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)];
  return { p50: times[Math.floor(times.length / 2)], p99, worstP99: p99 };
}

export { PACK_INDEX_FROM };
