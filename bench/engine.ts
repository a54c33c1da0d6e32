/**
 * Engine figures in Node: load time, per-question latency, and accuracy of
 * the engine against a plain lunr `index.search` over the same fields and
 * terms. Medians and percentiles only; this is a report, never a pass/fail
 * test (shared machines are noisy).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import { answer, loadKnowledge, type Knowledge } from '../src/engine/index.js';
import { parseEvalFile, type EvalCase } from '../src/kb/eval.js';
import { DEMO_CENTER } from '../src/shared/index.js';

export type Case = EvalCase;

/** Reads `question => expected` lines with the kb's own eval-file parser. */
export function readCases(file: string): Case[] {
  return parseEvalFile(file, readFileSync(file, 'utf8'), []);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Time to parse and load the payload, over `runs` runs: median, min, max. */
export function loadTime(text: string, runs = 21): { ms: number[]; knowledge: Knowledge } {
  const times: number[] = [];
  let knowledge!: Knowledge;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    knowledge = loadKnowledge(JSON.parse(text));
    times.push(performance.now() - t0);
  }
  return { ms: [median(times), Math.min(...times), Math.max(...times)], knowledge };
}

/** Collects garbage when node runs with --expose-gc (npm run bench does), so one measurement does not pay for the last. */
export const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Per-question latency: p50 and p99 of each of `passes` timed passes over
 * the questions, as the median over passes, and the worst pass's p99 (one
 * pass that the machine's other work interrupted moves the median little).
 * Without `firstPass`, after one untimed warm-up pass. With it, the first
 * pass is timed too: that is where work deferred from loading (unpacking
 * postings, the spelling vocabulary) is paid, and it shows as the worst pass.
 */
export function latency(knowledge: Knowledge, questions: string[], passes = 5, firstPass = false): { p50: number; p99: number; worstP99: number } {
  const center = { ...DEMO_CENTER };
  if (!firstPass) for (const q of questions) answer(knowledge, q, center);
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let p = 0; p < passes; p++) {
    collect();
    const times: number[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      answer(knowledge, q, center);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    p50s.push(percentile(times, 50));
    p99s.push(percentile(times, 99));
  }
  return { p50: median(p50s), p99: median(p99s), worstP99: Math.max(...p99s) };
}

const KINDS = new Set(['answer', 'fallback', 'escalate', 'crisis']);

/** Share of cases the engine gets right. */
export function engineAccuracy(knowledge: Knowledge, cases: Case[]): { right: number; reached: number; wrong: number } {
  const center = { ...DEMO_CENTER };
  let right = 0;
  let offered = 0;
  let wrong = 0;
  for (const c of cases) {
    const r = answer(knowledge, c.question, center);
    if (c.expect === 'not-crisis') right += r.kind !== 'crisis' ? 1 : 0;
    else if (KINDS.has(c.expect)) right += r.kind === c.expect ? 1 : 0;
    else if (r.kind === 'answer') r.id === c.expect ? right++ : wrong++;
    else if (r.kind === 'fallback' && r.suggestions.some((s) => s.id === c.expect)) offered++;
  }
  return { right: right / cases.length, reached: (right + offered) / cases.length, wrong: wrong / cases.length };
}

/**
 * Share of cases a plain `index.search(question)` gets right on a lunr index
 * of the same fields and terms (src/kb/lunr-index.ts): top hit = its answer,
 * no hit or a thrown parse error = fallback.
 * It has no notion of crisis or escalation, so those cases count as wrong.
 */
export function plainSearchAccuracy(index: lunr.Index, knowledge: Knowledge, cases: Case[]): { accuracy: number; errors: number } {
  let errors = 0;
  const ok = cases.filter((c) => {
    let hits: lunr.Index.Result[] = [];
    try {
      hits = index.search(c.question);
    } catch {
      errors++;
    }
    const top = hits[0] ? knowledge.entries[Number(hits[0].ref)].id : 'fallback';
    if (c.expect === 'not-crisis') return true;
    return top === c.expect;
  });
  return { accuracy: ok.length / cases.length, errors };
}
