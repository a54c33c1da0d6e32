/**
 * Ranks entries for analysed question terms, and measures how much of the
 * question each hit really covers.
 *
 * Visitor text never reaches a query parser: every variant of every term is
 * one weighted clause, ranked as lunr ranks OPTIONAL term clauses.
 */
import type { QueryTerm } from './expand.js';
import { hasTerm, type Knowledge, type EntryDoc } from './knowledge.js';
import { documentFrequency, rank } from './postings.js';

/** One ranked entry. */
export interface Hit {
  entry: EntryDoc;
  score: number;
  /** idf-weighted share of the question's terms this entry matched (0..1). */
  coverage: number;
}

/** idf of an index term over distinct entries; unknown terms get the maximum. */
function idf(knowledge: Knowledge, stem: string): number {
  const n = knowledge.size;
  if (!hasTerm(knowledge, stem)) return Math.log(1 + n);
  const df = documentFrequency(knowledge.index, stem);
  return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
}

/**
 * Ranks entries for the terms, best first.
 *
 * @param knowledge a loaded knowledge base
 * @param terms expanded question terms
 * @param limit how many hits to return
 */
export function search(knowledge: Knowledge, terms: QueryTerm[], limit = 5): Hit[] {
  if (terms.length === 0) return [];
  const results = rank(
    knowledge.index,
    terms.flatMap((t) => [...t.variants]),
    limit,
  );
  // A term weighs what its rarest known variant weighs; a word the index has never seen weighs the most.
  const weights = terms.map((t) => {
    const known = [...t.variants.keys()].filter((v) => hasTerm(knowledge, v));
    return known.length ? Math.max(...known.map((v) => idf(knowledge, v))) : Math.log(1 + knowledge.size);
  });
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return results.slice(0, limit).map((r) => {
    const matched = r.terms;
    let covered = 0;
    // Credit follows the best matched variant's boost: a synonym or a spelling
    // guess is weaker evidence that the entry is about what was typed.
    terms.forEach((t, i) => {
      let credit = 0;
      for (const [v, boost] of t.variants) if (matched.has(v)) credit = Math.max(credit, Math.min(1, boost * 1.4));
      covered += weights[i] * credit;
    });
    return { entry: knowledge.entries[r.doc], score: r.score, coverage: covered / total };
  });
}
