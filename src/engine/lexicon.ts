/**
 * The word lists the engine derives from a knowledge base at load: the
 * synonym map (stems) and the spelling vocabulary (words, most frequent
 * first). Both are computed from the words the kb ships, so neither costs
 * payload bytes of its own.
 */
import { analyze, isStopWord } from './analyze.js';

/** One synonym rule: a word and what it also means ("iop" -> "intensive outpatient"). */
export interface SynonymRule {
  word: string;
  expansions: readonly string[];
}

/**
 * stem -> stems: each rule both ways for one-word expansions, one way for phrases; keys and values sorted.
 *
 * @param stemsOf the distinct stems of rule text: by default `analyze`'s; the
 *   loader passes a faster one for text the kb already normalised
 */
export function compileSynonyms(
  rules: readonly SynonymRule[],
  stemsOf: (text: string) => string[] = (text) => analyze(text).map((t) => t.stem),
): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    if (!map.has(from)) map.set(from, new Set());
    map.get(from)!.add(to);
  };
  for (const rule of rules) {
    const [word] = stemsOf(rule.word);
    if (!word) continue;
    for (const expansion of rule.expansions) {
      const stems = stemsOf(expansion);
      for (const s of stems) add(word, s);
      if (stems.length === 1) add(stems[0], word);
    }
  }
  // Values sorted, so that the order of query clauses (and so of equal scores) never depends on rule order.
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * The spelling vocabulary from counted normalised words: no stop words, letters
 * only, at least 3; most frequent first, ties alphabetical, so that a
 * spelling tie goes to the more common word.
 */
export function vocabulary(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .filter(([w]) => /^[a-z]{3,}$/.test(w) && !isStopWord(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
}
