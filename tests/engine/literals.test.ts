import { describe, expect, it } from 'vitest';
import { crisisRules, crisisText } from '../../src/engine/crisis.js';
import { personRules } from '../../src/engine/intent.js';
import { mayMatch, requiredLiterals } from '../../src/engine/literals.js';
import { normalize } from '../../src/engine/normalize.js';
import { readCases, readLines } from './fixtures.js';

describe('requiredLiterals', () => {
  it('names the words a match cannot do without', () => {
    expect(requiredLiterals(/\bto end it\b/)).toEqual(['to end it']);
    expect(requiredLiterals(/\b(?:kill|hurt) (?:my|him)self\b/)).toEqual(['self']); // the longest it is sure of
    expect(requiredLiterals(/\b(?:overdosed|od) again\b/)).toEqual([' again']);
    expect(requiredLiterals(/\b(?:overdosed|oded)\b/)).toEqual(['overdosed', 'oded']);
    expect(requiredLiterals(/\bi am (?:a )?burden\b/)).toEqual(['burden']);
    expect(requiredLiterals(/\bhow (?:many|much)\b(?: \w+){0,6} lethal\b/)).toEqual([' lethal']);
    expect(requiredLiterals(/(?:kill|end)+/)).toEqual(['kill', 'end']);
  });
  it('never counts what a match may leave out or look at without taking', () => {
    expect(requiredLiterals(/(?:overdose)?/)).toBeNull();
    expect(requiredLiterals(/x*/)).toBeNull();
    expect(requiredLiterals(/(?:ab){0,3}c/)).toEqual(['c']);
    expect(requiredLiterals(/(?=.*goodbye)note/)).toEqual(['note']);
    expect(requiredLiterals(/(?!no)\w+/)).toBeNull();
    expect(requiredLiterals(/(?:breath|\w+ing)/)).toEqual(['breath', 'ing']); // one from each way it can match
    expect(requiredLiterals(/(?:breath|\w+)/)).toBeNull();
    expect(requiredLiterals(/a|/)).toBeNull();
  });
  it('gives up, rather than guess, on what it does not read', () => {
    expect(requiredLiterals(/suicide/i)).toBeNull(); // case folding
    expect(requiredLiterals(/\u0041bc/)).toBeNull(); // the escape's digits are not words
    expect(requiredLiterals(/(a)\1/)).toBeNull();
    expect(requiredLiterals(/[a-c]x/)).toEqual(['x']);
    expect(requiredLiterals(/uncontrollabl[ey]/)).toEqual(['uncontrollabl']);
    expect(requiredLiterals(/[^a]/)).toBeNull();
    expect(requiredLiterals(/(?<word>a)/)).toBeNull();
    expect(requiredLiterals(/\.\$/)).toEqual(['.$']);
  });
  it('keeps a need small: past 64 strings it is no help', () => {
    const words = Array.from({ length: 70 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i}`);
    expect(requiredLiterals(new RegExp(`(?:${words.join('|')})`))).toBeNull();
    expect(requiredLiterals(new RegExp(`(?:${words.join('|')}) zz`))).toEqual([' zz']);
  });
});

// Both lists of rules that skip what cannot match, each with the text it runs on.
describe.each([
  { name: 'crisis', rules: crisisRules(), textOf: crisisText, inSets: 100 },
  { name: 'asking-for-a-person', rules: personRules(), textOf: normalize, inSets: 30 },
])('the $name rules read through requiredLiterals', ({ rules, textOf, inSets }) => {
  it('name a need for nearly every rule, so most messages run few of them', () => {
    expect(rules.filter((r) => r.need).length).toBeGreaterThanOrEqual(rules.length - 2);
  });

  // The claim the crisis check rests on: a rule skipped for want of its words could not have matched.
  const check = (texts: string[]) => {
    let matched = 0;
    for (const text of texts) {
      const s = textOf(text);
      for (const { pattern, need } of rules) {
        const m = pattern.exec(s);
        if (!m) continue;
        matched++;
        expect(mayMatch(need, m[0]), `${pattern} on "${s}"`).toBe(true);
      }
    }
    return matched;
  };

  it('hold for every message in the test sets', () => {
    const texts = [
      ...['crisis', 'not-crisis', 'escalate', 'out-of-scope', 'questions', 'holdout/questions'].flatMap((name) => readCases(name).map((c) => c.question)),
      ...readLines('hostile'),
    ];
    expect(check(texts)).toBeGreaterThan(inSets);
  });

  it('hold for thousands of generated messages made of the rules\' own words', () => {
    // Seeded, so a failure is the same failure on every run.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const pieces = [...new Set(rules.flatMap((r) => r.need ?? []).flatMap((w) => [w.trim(), ...w.split(' ')]))].filter(Boolean);
    const filler = ['i', 'my', 'son', 'he', 'not', 'a', 'the', 'to', 'and', 'again', 'right now', 'pills', 'of', 'so'];
    const texts: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const length = 1 + Math.floor(random() * 8);
      texts.push(Array.from({ length }, () => (random() < 0.6 ? pick(pieces) : pick(filler))).join(' '));
    }
    expect(check(texts)).toBeGreaterThan(1000);
  });
});
