/**
 * When is the best hit good enough to answer? lunr scores are unbounded and
 * not comparable across questions, so the decision rests on two relative
 * measures (../shared/research/lunr.md section 2.3): coverage, the
 * idf-weighted share of the question the top hit matched, rejects questions
 * the FAQ does not cover; the gap to the runner-up separates one clear answer
 * from "did you mean one of these?". A confident wrong answer is worse than
 * "let me connect you", so anything short of both becomes a fallback.
 */
import type { Hit } from './search.js';

/** Least coverage for an answer (or for a hit to be offered as a suggestion). */
export const MIN_COVERAGE = 0.5;
/** Least relative gap between the best and second-best score for an answer. */
export const MIN_GAP = 0.1;
/** Least coverage for a hit to be offered as "did you mean": a partial match is still worth one tap. */
export const MIN_SUGGEST = 0.25;

/** The decision, with up to three suggestions when unsure. */
export type Verdict =
  | { kind: 'answer'; confidence: number }
  | { kind: 'unsure'; confidence: number; suggestions: Hit['entry'][] };

/**
 * Decides between answering with the top hit and falling back.
 *
 * @param hits ranked hits
 * @param grounded false when the index knows none of the question's own words,
 *   so every match came from a spelling guess ("__proto__" -> "photo"): such a
 *   question is offered suggestions, never an answer
 */
export function decide(hits: Hit[], grounded = true): Verdict {
  const [top, second] = hits;
  if (!top || top.score <= 0) return { kind: 'unsure', confidence: 0, suggestions: [] };
  const gap = second ? (top.score - second.score) / top.score : 1;
  const confidence = round(top.coverage * Math.min(1, 0.5 + gap));
  if (!grounded) return { kind: 'unsure', confidence, suggestions: hits.slice(0, 3).map((h) => h.entry) };
  if (top.coverage >= MIN_COVERAGE && gap >= MIN_GAP) return { kind: 'answer', confidence };
  const suggestions = hits.filter((h) => h.coverage >= MIN_SUGGEST).slice(0, 3).map((h) => h.entry);
  return { kind: 'unsure', confidence, suggestions };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
