/**
 * The engine ranks with its own index (src/engine/postings.ts) instead of
 * lunr's. These tests hold it to lunr 2.3.9 exactly: the same documents, in
 * the same order, with the same scores to the last bit, for every question
 * of the question sets, on the default knowledge base.
 */
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { expand } from '../../src/engine/expand.js';
import { withoutGreeting } from '../../src/engine/intent.js';
import { buildPostings, documentFrequency, phraseAnchor, rank } from '../../src/engine/postings.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import { lunrIndex } from '../../src/kb/lunr-index.js';
import { defaultKnowledge } from './knowledge-fixture.js';
import { readCases } from './fixtures.js';

const knowledge = defaultKnowledge();
const { payload } = compileKnowledge('knowledge');
const reference = lunrIndex(payload!);

/** The clauses `search` sends for a question: every variant of every term, with its boost. */
function clauses(question: string): [string, number][] {
  return expand(knowledge, analyze(withoutGreeting(question)).slice(0, 32)).flatMap((t) => [...t.variants]);
}

function lunrRank(cs: [string, number][]) {
  return reference
    .query((q) => {
      for (const [term, boost] of cs) q.term(term, { usePipeline: false, boost });
    })
    .map((r) => ({ doc: Number(r.ref), score: r.score, terms: new Set(Object.keys(r.matchData.metadata)) }));
}

const questions = ['questions', 'holdout/questions', 'out-of-scope', 'escalate', 'not-crisis'].flatMap((name) => readCases(name).map((c) => c.question));

describe('rank', () => {
  it('holds the same terms, in the same order, as lunr', () => {
    const inverted = (reference as unknown as { invertedIndex: Record<string, { _index: number }> }).invertedIndex;
    expect(knowledge.index.terms.size).toBe(Object.keys(inverted).length);
    for (const [term, p] of knowledge.index.terms) expect(p.order, term).toBe(inverted[term]._index);
  });

  it(`ranks each of ${questions.length} questions exactly as lunr does: documents, order, scores and matched terms`, () => {
    let compared = 0;
    for (const q of questions) {
      const cs = clauses(q);
      if (cs.length === 0) continue;
      expect(rank(knowledge.index, cs), q).toEqual(lunrRank(cs));
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('adds up the boosts of a term given twice, as lunr does', () => {
    const cs: [string, number][] = [
      ['iop', 1],
      ['cost', 0.5],
      ['iop', 0.7],
      ['nosuchterm', 1],
    ];
    expect(rank(knowledge.index, cs)).toEqual(lunrRank(cs));
  });

  it('returns nothing for no clauses or only unknown terms', () => {
    expect(rank(knowledge.index, [])).toEqual([]);
    expect(rank(knowledge.index, [['zzzz', 1]])).toEqual([]);
  });
});

describe('buildPostings', () => {
  const { index, stems } = buildPostings(
    [
      [[['iops', 'cost']], [['iop'], ['iop', 'price']], []],
      [[['detox']], [], [['iops']]],
    ],
    [3, 2, 2],
    (w) => w.replace(/s$/, ''),
  );

  it('stems each segment, keeping the shape it was given', () => {
    expect(stems).toEqual([
      [[['iop', 'cost']], [['iop'], ['iop', 'price']], []],
      [[['detox']], [], [['iop']]],
    ]);
  });

  it('numbers terms in the order it first meets them and counts them per field', () => {
    expect([...index.terms.keys()]).toEqual(['iop', 'cost', 'price', 'detox']);
    expect(index.terms.get('iop')).toEqual({ order: 0, docs: [[0], [0], [1]], counts: [[1], [2], [1]], anchors: [] });
  });

  it('keeps field lengths and their means', () => {
    expect(index.lengths).toEqual([
      [2, 1],
      [3, 0],
      [0, 1],
    ]);
    expect(index.average).toEqual([1.5, 1.5, 0.5]);
  });

  it('counts a document once however many fields hold the term', () => {
    expect(documentFrequency(index, 'iop')).toBe(2);
    expect(documentFrequency(index, 'price')).toBe(1);
    expect(documentFrequency(index, 'nothing')).toBe(0);
  });

  it('anchors a phrasing at its rarest stem in question and alternates, the earlier term on a tie', () => {
    expect(phraseAnchor(index, ['iop', 'price'])!.order).toBe(2);
    expect(phraseAnchor(index, ['cost', 'price'])!.order).toBe(1);
    expect(phraseAnchor(index, ['price', 'cost'])!.order).toBe(1);
    expect(phraseAnchor(index, ['iop', 'nothing'])).toBeUndefined();
  });

  it('ranks a small index as lunr does', () => {
    const builder = new lunr.Builder();
    builder.pipeline.reset();
    builder.searchPipeline.reset();
    builder.ref('r');
    builder.field('q', { boost: 3 });
    builder.field('a', { boost: 2 });
    builder.field('t', { boost: 2 });
    builder.add({ r: '0', q: 'iop cost', a: 'iop iop price', t: '' });
    builder.add({ r: '1', q: 'detox', a: '', t: 'iop' });
    const small = builder.build();
    const cs: [string, number][] = [
      ['iop', 1],
      ['detox', 0.5],
    ];
    const expected = small
      .query((q) => cs.forEach(([t, boost]) => q.term(t, { usePipeline: false, boost })))
      .map((r) => ({ doc: Number(r.ref), score: r.score, terms: new Set(Object.keys(r.matchData.metadata)) }));
    expect(rank(index, cs)).toEqual(expected);
  });
});

describe('rank with a limit', () => {
  it('returns the first documents of the full ranking, equal scores in the same order', () => {
    const all = questions.slice(0, 200).map((q) => clauses(q)).filter((cs) => cs.length);
    for (const cs of all) {
      const full = rank(knowledge.index, cs);
      for (const limit of [1, 3, 5]) expect(rank(knowledge.index, cs, limit)).toEqual(full.slice(0, limit));
    }
  });

  it('keeps the earlier of two equal scores first', () => {
    const { index } = buildPostings([[[['iop']]], [[['iop']]], [[['iop']]]], [1]);
    expect(rank(index, [['iop', 1]], 2).map((r) => r.doc)).toEqual([0, 1]);
    expect(rank(index, [['iop', 1]]).map((r) => r.doc)).toEqual([0, 1, 2]);
  });
});
