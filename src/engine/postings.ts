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
  /** Documents with a phrasing whose anchor this term is (see `phraseAnchor`), ascending; a packed index only (`anchorPhrasings`). */
  anchors: number[];
  /** Distinct documents holding the term, once counted. */
  df?: number;
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

/** An index being built, one document at a time (`addDocument`), so that a caller can pause between documents. */
export interface Building {
  index: Postings;
  stemOf: (word: string) => string;
  /** word -> its stem and the stem's posting: one map lookup per word. */
  byWord: Map<string, { stem: string; posting: Posting }>;
}

/** Starts an empty index; `stemOf` gives the stem of a word (the identity for words that are stems already). */
export function startPostings(boosts: readonly number[], stemOf: (word: string) => string = (w) => w): Building {
  return { index: { boosts, terms: new Map(), lengths: boosts.map(() => []), average: boosts.map(() => 0), size: 0 }, stemOf, byWord: new Map() };
}

/**
 * Adds the next document: each field a list of segments (a phrasing, say) of
 * words, each distinct word stemmed once.
 *
 * This loop is most of what loading costs, and it runs once, in code the
 * browser has not optimised yet: indexed loops and no destructuring, which
 * unoptimised code pays for through the iterator protocol.
 *
 * @returns the stems of every segment, shaped as `fields`
 */
export function addDocument(b: Building, fields: readonly (readonly (readonly string[])[])[]): string[][][] {
  const { index, byWord } = b;
  const nf = index.boosts.length;
  const doc = index.size++;
  const result: string[][][] = [];
  for (let f = 0; f < nf; f++) {
    const segments = fields[f] ?? [];
    const stemmed: string[][] = [];
    let length = 0;
    for (let g = 0; g < segments.length; g++) {
      const words = segments[g];
      const out: string[] = [];
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        let known = byWord.get(w);
        if (known === undefined) {
          const stem = b.stemOf(w);
          let posting = index.terms.get(stem) as Posting | undefined;
          if (posting === undefined) {
            posting = { order: index.terms.size, docs: [], counts: [], anchors: [] };
            for (let k = 0; k < nf; k++) {
              posting.docs.push([]);
              posting.counts.push([]);
            }
            index.terms.set(stem, posting);
          }
          known = { stem, posting };
          byWord.set(w, known);
        }
        const list = known.posting.docs[f];
        const last = list.length - 1;
        if (list[last] === doc) known.posting.counts[f][last]++;
        else {
          list.push(doc);
          known.posting.counts[f].push(1);
        }
        out.push(known.stem);
      }
      length += words.length;
      stemmed.push(out);
    }
    index.lengths[f].push(length);
    result.push(stemmed);
  }
  return result;
}

/** The finished index (field means computed). */
export function finishPostings(b: Building): Postings {
  const { index } = b;
  index.average = index.lengths.map((l) => l.reduce((x, y) => x + y, 0) / (index.size || 1));
  return index;
}

/**
 * Builds the index at once (see `addDocument`).
 *
 * @param docs per document, per field, its segments of words, in order (repeats count)
 * @returns the index, and the stems of every segment, shaped as `docs`
 */
export function buildPostings(
  docs: readonly (readonly (readonly (readonly string[])[])[])[],
  boosts: readonly number[],
  stemOf?: (word: string) => string,
): { index: Postings; stems: string[][][][] } {
  const b = startPostings(boosts, stemOf);
  const stems = docs.map((fields) => addDocument(b, fields));
  return { index: finishPostings(b), stems };
}

/** The index as the kb ships it for a large knowledge base: terms in order, their postings, field lengths. */
export interface PackedPostings {
  /** Terms in the build's order, space-separated. */
  terms: string;
  /** Per term: per field `;`-separated, documents as base-36 gaps, `*count` when above 1; then its anchored documents. */
  postings: string[];
  /** Per field: each document's field length, base 36, `,`-separated. */
  lengths: string[];
}

const b36 = (n: number) => n.toString(36);

/** Packs an index for shipping. */
export function packPostings(index: Postings): PackedPostings {
  const terms = [...index.terms.keys()];
  const gaps = (docs: number[], counts?: number[]) =>
    docs.map((d, i) => b36(d - (i ? docs[i - 1] : 0)) + (counts && counts[i] > 1 ? `*${b36(counts[i])}` : '')).join(',');
  const postings = terms.map((t) => {
    const p = posting(index, t)!;
    return [...p.docs.map((docs, f) => gaps(docs, p.counts[f])), gaps(p.anchors)].join(';');
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
  const sections = p.packed.split(';');
  const docs: number[][] = [];
  const counts: number[][] = [];
  // One section per field, then the anchors.
  for (let f = 0; f <= index.boosts.length; f++) {
    const d: number[] = [];
    const c: number[] = [];
    let doc = 0;
    for (const item of sections[f] ? sections[f].split(',') : []) {
      const star = item.indexOf('*');
      doc += parseInt(star < 0 ? item : item.slice(0, star), 36);
      d.push(doc);
      c.push(star < 0 ? 1 : parseInt(item.slice(star + 1), 36));
    }
    docs.push(d);
    counts.push(c);
  }
  const anchors = docs.pop()!;
  counts.pop();
  const unpacked: Posting = { order: p.order, docs, counts, anchors };
  index.terms.set(stem, unpacked);
  return unpacked;
}

/** Distinct documents holding the term in any field. */
export function documentFrequency(index: Postings, stem: string): number {
  const p = posting(index, stem);
  if (!p) return 0;
  p.df ??= new Set(p.docs.flat()).size;
  return p.df;
}

/**
 * The anchor of a phrasing (a set of stems, all in its entry's question or
 * alternates): its rarest stem there, the earlier term on a tie. A question
 * whose stems are exactly a phrasing has the same anchor, so finding that
 * phrasing only means checking the few documents anchored at that term, not
 * every document holding a common word like "iop". Undefined when a stem is
 * not an index term.
 */
export function phraseAnchor(index: Postings, stems: Iterable<string>): Posting | undefined {
  let best: Posting | undefined;
  let bestCount = Infinity;
  for (const s of stems) {
    const p = posting(index, s);
    if (!p) return undefined;
    const count = p.docs[0].length + p.docs[1].length;
    if (count < bestCount || (count === bestCount && p.order < best!.order)) {
      best = p;
      bestCount = count;
    }
  }
  return best;
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
 * lunr's result depends on two orders, both kept here: each field's dot
 * product adds terms in term-index order, and a document's fields (and equal
 * scores) come in the order its field matches were first met, clause by
 * clause. Typed arrays instead of lunr's objects per match: a common word
 * can match every document of a large knowledge base.
 *
 * @param clauses [stem, boost] in query order; a stem may repeat (boosts add up)
 * @param limit how many of the best documents to return (all by default)
 */
export function rank(index: Postings, clauses: readonly (readonly [string, number])[], limit = Infinity): Ranked[] {
  const nf = index.boosts.length;
  // The query vector: summed boost per known term, terms in clause order.
  const query = new Map<string, { p: Posting; boost: number }>();
  for (const [stem, boost] of clauses) {
    const q = query.get(stem);
    if (q) q.boost += boost;
    else {
      const p = posting(index, stem);
      if (p) query.set(stem, { p, boost });
    }
  }
  if (query.size === 0) return [];
  // Field matches in the order lunr first meets them (key: doc * fields + field).
  const seen = new Uint8Array(index.size * nf);
  const firstMet: number[] = [];
  for (const { p } of query.values()) {
    for (let f = 0; f < nf; f++) {
      for (const doc of p.docs[f]) {
        const key = doc * nf + f;
        if (!seen[key]) {
          seen[key] = 1;
          firstMet.push(key);
        }
      }
    }
  }
  // Dot products, adding terms in term-index order, as lunr's sparse vectors do.
  const byOrder = [...query].sort((a, b) => a[1].p.order - b[1].p.order);
  const dots = new Float64Array(index.size * nf);
  let sumOfSquares = 0;
  for (const [, { p, boost }] of byOrder) {
    sumOfSquares += boost * boost;
    const idf = lunrIdf(index, p);
    for (let f = 0; f < nf; f++) {
      const docs = p.docs[f];
      for (let i = 0; i < docs.length; i++) dots[docs[i] * nf + f] += boost * weight(index, idf, f, docs[i], p.counts[f][i]);
    }
  }
  const magnitude = Math.sqrt(sumOfSquares);
  // Document scores: fields added in the order first met; documents listed in that order too.
  const scores = new Float64Array(index.size);
  const listed = new Uint8Array(index.size);
  const docs: number[] = [];
  for (const key of firstMet) {
    const doc = Math.floor(key / nf);
    scores[doc] += dots[key] / magnitude || 0;
    if (!listed[doc]) {
      listed[doc] = 1;
      docs.push(doc);
    }
  }
  // Best first; equal scores keep the order first met (a stable sort's order).
  const best = limit >= docs.length ? docs.sort((a, b) => scores[b] - scores[a]) : top(docs, scores, limit);
  return best.map((doc) => {
    const terms = new Set<string>();
    for (const [stem, { p }] of query) if (p.docs.some((list) => includesSorted(list, doc))) terms.add(stem);
    return { doc, score: scores[doc], terms };
  });
}

/** The `k` best documents by score, ties in list order, without sorting them all. */
function top(docs: readonly number[], scores: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (const doc of docs) {
    if (out.length === k && scores[doc] <= scores[out[k - 1]]) continue;
    let i = out.length;
    while (i > 0 && scores[out[i - 1]] < scores[doc]) i--;
    out.splice(i, 0, doc);
    if (out.length > k) out.pop();
  }
  return out;
}

/** True when a sorted list holds the value (binary search: postings of common words are long). */
function includesSorted(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === value) return true;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
