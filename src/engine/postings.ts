/**
 * The inverted index and its ranking, built at load from the stems of each
 * entry's fields, and scoring exactly as lunr 2.3.9's `Index.query` does
 * with OPTIONAL, pipeline-free term clauses (BM25 field weights rounded to
 * three places, cosine against the query vector, fields summed in the order
 * lunr meets them).
 *
 * Why not lunr itself: its serialised index was 21 KB gzip for 62 entries
 * and lunr 8 KB more in the widget, while the stems it is built from ship in
 * a quarter of that. tests/engine/postings.test.ts compares every ranking
 * with a real lunr index built from the same fields.
 */

/** lunr's BM25 constants. */
const K1 = 1.2;
const B = 0.75;

/** One term's documents per field, ascending, with how often the field holds it. */
export interface Posting {
  /** Order in which the build first met the term (lunr's term index): dot products add up in this order. */
  order: number;
  docs: number[][];
  counts: number[][];
}

/** The index over the fields of every entry. */
export interface Postings {
  /** Boost of each field, in field order. */
  boosts: readonly number[];
  terms: Map<string, Posting>;
  /** Per field, per document: how many terms the field holds. */
  lengths: number[][];
  /** Per field: mean length over documents. */
  average: number[];
  size: number;
}

/** One ranked document. */
export interface Ranked {
  doc: number;
  score: number;
  /** Index terms of the query this document matched, in any field. */
  terms: Set<string>;
}

/**
 * Builds the index.
 *
 * @param docs per document, per field, the field's stems in order (repeats count)
 * @param boosts per field
 */
export function buildPostings(docs: readonly (readonly (readonly string[])[])[], boosts: readonly number[]): Postings {
  const terms = new Map<string, Posting>();
  const lengths = boosts.map(() => [] as number[]);
  docs.forEach((fields, doc) => {
    boosts.forEach((_, f) => {
      const stems = fields[f] ?? [];
      lengths[f].push(stems.length);
      for (const s of stems) {
        let p = terms.get(s);
        if (!p) {
          p = { order: terms.size, docs: boosts.map(() => []), counts: boosts.map(() => []) };
          terms.set(s, p);
        }
        const list = p.docs[f];
        if (list[list.length - 1] === doc) p.counts[f][list.length - 1]++;
        else {
          list.push(doc);
          p.counts[f].push(1);
        }
      }
    });
  });
  const average = lengths.map((l) => l.reduce((a, b) => a + b, 0) / (docs.length || 1));
  return { boosts, terms, lengths, average, size: docs.length };
}

/** Distinct documents holding the term in any field. */
export function documentFrequency(index: Postings, stem: string): number {
  const p = index.terms.get(stem);
  if (!p) return 0;
  return new Set(p.docs.flat()).size;
}

/** lunr's idf: it counts a document once per field that holds the term. */
function lunrIdf(index: Postings, p: Posting): number {
  let withTerm = 0;
  for (const list of p.docs) withTerm += list.length;
  return Math.log(1 + Math.abs((index.size - withTerm + 0.5) / (withTerm + 0.5)));
}

/** The weight lunr's builder stores for a term in one field of one document. */
function weight(index: Postings, idf: number, f: number, doc: number, tf: number): number {
  const score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (index.lengths[f][doc] / index.average[f])) + tf);
  return Math.round(score * index.boosts[f] * 1000) / 1000;
}

/**
 * Ranks documents for weighted terms, best first, as lunr ranks a query of
 * one OPTIONAL clause per term. Terms the index does not hold add nothing.
 *
 * @param clauses [stem, boost] in query order; a stem may repeat (boosts add up)
 */
export function rank(index: Postings, clauses: readonly (readonly [string, number])[]): Ranked[] {
  // The query vector: summed boost per known term. Every clause searches every field.
  const query = new Map<string, number>();
  // Field matches in the order lunr records them (key: doc * fields + field), with each term's count there.
  const matches = new Map<number, { doc: number; f: number; hits: [Posting, string, number][] }>();
  const nf = index.boosts.length;
  for (const [stem, boost] of clauses) {
    const p = index.terms.get(stem);
    if (!p) continue;
    const seen = query.has(stem);
    query.set(stem, (query.get(stem) ?? 0) + boost);
    if (seen) continue;
    for (let f = 0; f < nf; f++) {
      const docs = p.docs[f];
      for (let i = 0; i < docs.length; i++) {
        const key = docs[i] * nf + f;
        const hit: [Posting, string, number] = [p, stem, p.counts[f][i]];
        const m = matches.get(key);
        if (m) m.hits.push(hit);
        else matches.set(key, { doc: docs[i], f, hits: [hit] });
      }
    }
  }
  // lunr adds up in term-index order, and floating-point sums depend on the order.
  const order = (stem: string) => index.terms.get(stem)!.order;
  let sumOfSquares = 0;
  for (const [, v] of [...query].sort((a, b) => order(a[0]) - order(b[0]))) sumOfSquares += v * v;
  const magnitude = Math.sqrt(sumOfSquares);
  const idfs = new Map<Posting, number>();
  const results: Ranked[] = [];
  const byDoc = new Map<number, Ranked>();
  for (const { doc, f, hits } of matches.values()) {
    let dot = 0;
    for (const [p, stem, tf] of hits.sort((a, b) => a[0].order - b[0].order)) {
      let idf = idfs.get(p);
      if (idf === undefined) idfs.set(p, (idf = lunrIdf(index, p)));
      dot += query.get(stem)! * weight(index, idf, f, doc, tf);
    }
    const score = dot / magnitude || 0;
    const ranked = byDoc.get(doc);
    if (ranked) {
      ranked.score += score;
      for (const h of hits) ranked.terms.add(h[1]);
    } else {
      const r = { doc, score, terms: new Set(hits.map((h) => h[1])) };
      byDoc.set(doc, r);
      results.push(r);
    }
  }
  return results.sort((a, b) => b.score - a.score);
}
