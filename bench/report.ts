/** Small formatting helpers for the bench's markdown. */
import { median } from './engine.js';

export interface Stat {
  median: number;
  min: number;
  max: number;
}

export function stat(values: readonly number[]): Stat {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length ? { median: median(v), min: Math.min(...v), max: Math.max(...v) } : { median: NaN, min: NaN, max: NaN };
}

/** `12.3 ms [10.1–15.0]`: median with min and max. */
export function msRange(s: Stat, digits = 1): string {
  if (Number.isNaN(s.median)) return 'n/a';
  return `${s.median.toFixed(digits)} ms [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;
}

export const ms = (x: number, digits = 1) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(digits)} ms`);
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** Ours as a share of theirs: `0.02×`. */
export const ratio = (ours: number, theirs: number) => (theirs > 0 && Number.isFinite(ours) ? `${(ours / theirs).toFixed(2)}×` : 'n/a');

export function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
