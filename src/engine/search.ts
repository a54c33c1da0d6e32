/**
 * Ranks entries for analysed question terms, and measures how much of the
 * question each hit really covers.
 *
 * Visitor text never reaches lunr's query parser (`index.search`), which
 * throws on `:` `~` `^` and turns `+`/`-`/`*` into operators: every clause is
 * built here through `index.query`, pipeline-free, all OPTIONAL.
 */
import type { QueryTerm } from './expand.js';
import { hasTerm, type Knowledge, type EntryDoc } from './knowledge.js';

/** One ranked entry. */
export interface Hit {
  entry: EntryDoc;
  score: number;
  /** idf-weighted share of the question's terms this entry matched (0..1). */
  coverage: number;
}

/** idf of an index term, as lunr computes it; unknown terms get the maximum. */
function idf(knowledge: Knowledge, stem: string): number {
  const n = knowledge.size;
  if (!hasTerm(knowledge, stem)) return Math.log(1 + n);
  const posting = knowledge.postings[stem];
  const docs = new Set<string>();
  for (const [field, refs] of Object.entries(posting)) {
    if (field === '_index' || !refs || typeof refs !== 'object') continue;
    for (const ref of Object.keys(refs)) docs.add(ref);
  }
  const df = docs.size;
  return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
}

/**
 * Ranks entries for the terms, best first.
 *
 * @param knowledge a loaded knowledge base
 * @param terms expanded question terms (non-empty; an empty lunr query returns every document)
 * @param limit how many hits to return
 */
export function search(knowledge: Knowledge, terms: QueryTerm[], limit = 5): Hit[] {
  if (terms.length === 0) return [];
  const results = knowledge.index.query((q) => {
    for (const term of terms) {
      for (const [stem, boost] of term.variants) q.term(stem, { usePipeline: false, boost });
    }
  });
  // A term weighs what its rarest known variant weighs; a word the index has never seen weighs the most.
  const weights = terms.map((t) => {
    const known = [...t.variants.keys()].filter((v) => hasTerm(knowledge, v));
    return known.length ? Math.max(...known.map((v) => idf(knowledge, v))) : Math.log(1 + knowledge.size);
  });
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return results.slice(0, limit).map((r) => {
    const matched = new Set(Object.keys(r.matchData.metadata));
    let covered = 0;
    // Credit follows the best matched variant's boost: a synonym or a spelling
    // guess is weaker evidence that the entry is about what was typed.
    terms.forEach((t, i) => {
      let credit = 0;
      for (const [v, boost] of t.variants) if (matched.has(v)) credit = Math.max(credit, Math.min(1, boost * 1.4));
      covered += weights[i] * credit;
    });
    return { entry: knowledge.entries[Number(r.ref)], score: r.score, coverage: covered / total };
  });
}
