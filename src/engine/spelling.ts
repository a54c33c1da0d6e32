/**
 * Spelling correction against the knowledge base's own vocabulary.
 *
 * lunr's fuzzy matching works on stems, so a typo that defeats the stemmer
 * ("insurnace" -> "insurnac") is three edits from "insur" and never found.
 * Correcting the raw word against the words the FAQ actually uses fixes that
 * without inventing topics the FAQ does not have.
 */

/** Damerau (optimal string alignment) distance, or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prevPrev[j - 2] + 1);
      }
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Edits allowed for a word of this length: none for short words, where a typo is a different word. */
export function allowedEdits(word: string): number {
  if (word.length < 5) return 0;
  return word.length >= 8 ? 2 : 1;
}

/**
 * Makes a corrector over a vocabulary listed most frequent first, so that a
 * tie goes to the more common word.
 *
 * @param vocabulary known words, most frequent first
 * @param isKnown extra test for words that need no correction (e.g. their stem is indexed)
 */
export function corrector(
  vocabulary: readonly string[],
  isKnown: (word: string) => boolean = () => false,
): (word: string) => string {
  const known = new Set(vocabulary);
  // Words bucketed by length, each bucket still most frequent first: a word
  // of length n is only compared with words whose length is within the edits allowed.
  const byLength = new Map<number, string[]>();
  for (const w of vocabulary) {
    if (!byLength.has(w.length)) byLength.set(w.length, []);
    byLength.get(w.length)!.push(w);
  }
  return (word) => {
    const max = allowedEdits(word);
    if (max === 0 || known.has(word) || isKnown(word)) return word;
    let best = word;
    let bestDistance = max + 1;
    let bestRank = Infinity;
    for (let len = word.length - max; len <= word.length + max; len++) {
      const bucket = byLength.get(len) ?? [];
      for (let rank = 0; rank < bucket.length; rank++) {
        const candidate = bucket[rank];
        // Typos rarely touch the first letter except by swapping it with the second.
        if (candidate[0] !== word[0] && !(candidate[0] === word[1] && candidate[1] === word[0])) continue;
        const d = editDistance(word, candidate, Math.min(max, bestDistance));
        // Nearer wins; at equal distance the more frequent word (earlier in its bucket, then shorter bucket) wins.
        if (d < bestDistance || (d === bestDistance && d <= max && rank < bestRank)) {
          best = candidate;
          bestDistance = d;
          bestRank = rank;
        }
      }
    }
    return best;
  };
}
