/**
 * The inverted index and its ranking. Built at load from the stems of each
 * entry's fields, or, for a large knowledge base, shipped packed and each
 * term's posting unpacked the first time a question uses it. It scores
 * exactly as lunr 2.3.9's `Index.query` does
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

/** A posting as shipped, unpacked on first use. */
export interface Packed {
  order: number;
  packed: string;
}

/** The index over the fields of every entry. */
export interface Postings {
  /** Boost of each field, in field order. */
  boosts: readonly number[];
  terms: Map<string, Posting | Packed>;
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
    for (let f = 0; f < boosts.length; f++) {
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
    }
  });
  const average = lengths.map((l) => l.reduce((a, b) => a + b, 0) / (docs.length || 1));
  return { boosts, terms, lengths, average, size: docs.length };
}

/** The index as the kb ships it for a large knowledge base: terms in order, their postings, field lengths. */
export interface PackedPostings {
  /** Terms in the build's order, space-separated. */
  terms: string;
  /** Per term: per field `;`-separated, documents as base-36 gaps, `*count` when above 1. */
  postings: string[];
  /** Per field: each document's field length, base 36, `,`-separated. */
  lengths: string[];
}

const b36 = (n: number) => n.toString(36);

/** Packs an index for shipping. */
export function packPostings(index: Postings): PackedPostings {
  const terms = [...index.terms.keys()];
  const postings = terms.map((t) => {
    const p = posting(index, t)!;
    return p.docs
      .map((docs, f) => docs.map((d, i) => b36(d - (i ? docs[i - 1] : 0)) + (p.counts[f][i] > 1 ? `*${b36(p.counts[f][i])}` : '')).join(','))
      .join(';');
  });
  return { terms: terms.join(' '), postings, lengths: index.lengths.map((l) => l.map(b36).join(',')) };
}

/** A shipped index, ready at once: each posting is unpacked when a question first needs it. */
export function unpackPostings(packed: PackedPostings, boosts: readonly number[], size: number): Postings {
  const terms = new Map<string, Posting | Packed>();
  packed.terms.split(' ').forEach((t, order) => t && terms.set(t, { order, packed: packed.postings[order] }));
  const lengths = boosts.map((_, f) => (packed.lengths[f] ? packed.lengths[f].split(',').map((n) => parseInt(n, 36)) : []));
  const average = lengths.map((l) => l.reduce((a, b) => a + b, 0) / (size || 1));
  return { boosts, terms, lengths, average, size };
}

/** The posting of an index term, unpacking it on first use; undefined for a term the index lacks. */
export function posting(index: Postings, stem: string): Posting | undefined {
  const p = index.terms.get(stem);
  if (!p || !('packed' in p)) return p;
  const fields = p.packed.split(';');
  const docs: number[][] = [];
  const counts: number[][] = [];
  index.boosts.forEach((_, f) => {
    const d: number[] = [];
    const c: number[] = [];
    let doc = 0;
    for (const item of fields[f] ? fields[f].split(',') : []) {
      const [gap, count] = item.split('*');
      doc += parseInt(gap, 36);
      d.push(doc);
      c.push(count ? parseInt(count, 36) : 1);
    }
    docs.push(d);
    counts.push(c);
  });
  const unpacked = { order: p.order, docs, counts };
  index.terms.set(stem, unpacked);
  return unpacked;
}

/** Distinct documents holding the term in any field. */
export function documentFrequency(index: Postings, stem: string): number {
  const p = posting(index, stem);
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
    const p = posting(index, stem);
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
  const order = (stem: string) => posting(index, stem)!.order;
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
