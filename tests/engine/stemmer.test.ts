import lunr from 'lunr';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { words } from '../../src/engine/index.js';
import { vocabularyOf } from '../../src/engine/knowledge.js';
import { porterStem } from '../../src/engine/stemmer.js';
import { defaultKnowledge } from './knowledge-fixture.js';

const lunrStem = (w: string) => lunr.stemmer(new lunr.Token(w, {})).toString();

/** Every word of the knowledge base and of the question sets, and words that exercise each Porter step. */
function sample(): string[] {
  const text = ['questions', 'holdout/questions', 'crisis', 'escalate', 'not-crisis', 'out-of-scope', 'hostile']
    .map((name) => readFileSync(`tests/fixtures/${name}.txt`, 'utf8'))
    .join(' ');
  const knowledge = defaultKnowledge();
  return [
    ...new Set([
      ...words(text),
      ...vocabularyOf(knowledge),
      ...knowledge.entries.flatMap((e) => words(e.html.replace(/<[^>]+>/g, ' '))),
      ...'caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll yes yelling youth y ya yy ied ies'.split(
        ' ',
      ),
    ]),
  ];
}

describe('porterStem', () => {
  it('stems every sample word exactly as lunr.stemmer does', () => {
    const words = sample();
    expect(words.length).toBeGreaterThan(1500);
    const differ = words.filter((w) => porterStem(w) !== lunrStem(w));
    expect(differ).toEqual([]);
  });
});
