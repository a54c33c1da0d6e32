import { describe, expect, it } from 'vitest';
import { stem } from '../../src/engine/index.js';
import { compileSynonyms, vocabulary, type SynonymRule } from '../../src/engine/lexicon.js';
import { defaultKnowledge } from './knowledge-fixture.js';

const rule = (word: string, ...expansions: string[]): SynonymRule => ({ word, expansions });
/** The map as a plain object, keys in the map's order. */
const compile = (rules: SynonymRule[]) => Object.fromEntries(compileSynonyms(rules));

describe('compileSynonyms', () => {
  it('maps a one-word expansion both ways', () => {
    expect(compile([rule('rehab', 'treatment')])).toEqual({ rehab: ['treatment'], treatment: ['rehab'] });
  });

  it('maps a phrase one way: the word to every stem of the phrase, never a phrase word back', () => {
    expect(compile([rule('iop', 'intensive outpatient')])).toEqual({ iop: ['intens', 'outpati'] });
  });

  it('maps stems, not words', () => {
    const map = compile([rule('meds', 'medications')]);
    expect(map).toEqual({ [stem('meds')]: [stem('medications')], [stem('medications')]: [stem('meds')] });
    expect(map).toEqual({ med: ['medic'], medic: ['med'] });
  });

  it('folds case and punctuation of the word', () => {
    expect(compile([rule('IOP', 'Intensive Outpatient!')])).toEqual({ iop: ['intens', 'outpati'] });
  });

  it('merges rules for the same stem, sorted and without repeats', () => {
    const map = compile([rule('rehab', 'treatment', 'rehabilitation'), rule('rehab', 'recovery program', 'treatment')]);
    expect(map.rehab).toEqual(['program', 'recoveri', 'rehabilit', 'treatment']);
    expect(map.treatment).toEqual(['rehab']);
    expect(map.recoveri).toBeUndefined();
  });

  it('never maps a stem to itself', () => {
    expect(compile([rule('therapist', 'therapists', 'counselor')])).toEqual({ therapist: ['counselor'], counselor: ['therapist'] });
  });

  it('judges "one word" after stop words are dropped: "live in" maps both ways', () => {
    expect(compile([rule('inpatient', 'live in')])).toEqual({ inpati: ['live'], live: ['inpati'] });
  });

  it('skips a rule whose word is a stop word', () => {
    expect(compile([rule('u', 'you'), rule('pls', 'please')])).toEqual({});
  });

  it('compiles the project synonyms with every value a list of stems that are not the key', () => {
    const map = Object.fromEntries(defaultKnowledge().synonyms);
    expect(Object.keys(map).length).toBeGreaterThan(10);
    for (const [k, v] of Object.entries(map)) {
      expect(v.length, k).toBeGreaterThan(0);
      expect(v, k).not.toContain(k);
      expect(v, k).toEqual([...v].sort());
    }
    expect(map.iop).toEqual(expect.arrayContaining(['intens', 'outpati']));
  });
});

describe('vocabulary', () => {
  it('keeps words of three letters or more, no stop words, no digits', () => {
    const counts = new Map([['iop', 3], ['cost', 1], ['what', 9], ['is', 9], ['24x7', 2], ['rn', 4], ['detox', 2]]);
    expect(vocabulary(counts)).toEqual(['iop', 'detox', 'cost']);
  });

  it('lists the most frequent first, ties alphabetically', () => {
    expect(vocabulary(new Map([['zeta', 1], ['alpha', 1], ['mid', 5]]))).toEqual(['mid', 'alpha', 'zeta']);
  });
});
