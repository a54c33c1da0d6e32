/**
 * Each word a visitor typed, with the index terms that may stand for it:
 * itself, a spelling correction when the word is not in the knowledge base,
 * and its synonyms from knowledge/synonyms.txt. Every variant is its own
 * OPTIONAL lunr clause with a lower boost, so a correction or a synonym can
 * support a match but never outweighs the word itself.
 */
import { stem as stemOf, type Term } from './analyze.js';
import { hasTerm, vocabularyOf, type Knowledge } from './knowledge.js';
import { corrector } from './spelling.js';

/** Boost of a spelling correction: likely, not certain, what was meant. */
export const CORRECTION_BOOST = 0.7;
/** Boost of a synonym: supports a match, counts less than the word typed. */
export const SYNONYM_BOOST = 0.5;

/** One question word and the index terms that may stand for it, with their boosts. */
export interface QueryTerm extends Term {
  variants: Map<string, number>;
}

const correctors = new WeakMap<Knowledge, (word: string) => string>();

/** True when the stem is an index term or a synonym key. */
export function isKnown(knowledge: Knowledge, stem: string): boolean {
  return hasTerm(knowledge, stem) || knowledge.synonyms.has(stem);
}

function correctorFor(knowledge: Knowledge): (word: string) => string {
  let correct = correctors.get(knowledge);
  if (!correct) {
    correct = corrector(vocabularyOf(knowledge), (w) => isKnown(knowledge, stemOf(w)));
    correctors.set(knowledge, correct);
  }
  return correct;
}

/** Adds corrections and synonyms to analysed terms. */
export function expand(knowledge: Knowledge, terms: Term[]): QueryTerm[] {
  return terms.map((term) => {
    const variants = new Map<string, number>([[term.stem, 1]]);
    const stems = [term.stem];
    if (!isKnown(knowledge, term.stem)) {
      // Made on the first word that needs it: most questions never do.
      const fixed = correctorFor(knowledge)(term.raw);
      if (fixed !== term.raw) {
        const s = stemOf(fixed);
        variants.set(s, CORRECTION_BOOST);
        stems.push(s);
      }
    }
    for (const s of stems) {
      const boost = variants.get(s)! * SYNONYM_BOOST;
      for (const syn of knowledge.synonyms.get(s) ?? []) if (!variants.has(syn)) variants.set(syn, boost);
    }
    return { ...term, variants };
  });
}
