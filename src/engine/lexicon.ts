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
  // Indexed loops and arrays, not Sets and spreads: this runs once per page,
  // on a cold open, in code the browser has not optimised yet.
  const map = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    const list = map.get(from);
    if (list === undefined) map.set(from, [to]);
    else if (list.indexOf(to) < 0) list.push(to);
  };
  for (let r = 0; r < rules.length; r++) {
    const word = stemsOf(rules[r].word)[0];
    if (!word) continue;
    const expansions = rules[r].expansions;
    for (let e = 0; e < expansions.length; e++) {
      const stems = stemsOf(expansions[e]);
      for (let i = 0; i < stems.length; i++) add(word, stems[i]);
      if (stems.length === 1) add(stems[0], word);
    }
  }
  // Values sorted, so that the order of query clauses (and so of equal scores) never depends on rule order.
  map.forEach((list) => list.sort());
  return map;
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
