import { describe, expect, it } from 'vitest';
import { analyze, normalize, phraseKey } from '../../src/engine/index.js';

describe('normalize', () => {
  it('lowercases, folds accents and drops punctuation', () => {
    expect(normalize('PHP vs. IOP: what’s the Difference?')).toBe('php vs iop what the difference');
    expect(normalize('Español, café')).toBe('espanol cafe');
  });
  it('expands contractions the way visitors type them', () => {
    expect(normalize("I can't, I don't, im ok")).toBe('i can not i do not i am ok');
  });
  it('keeps 24/7 as one term and splits hyphenated words', () => {
    expect(normalize('24/7 12-step co-pay')).toBe('24x7 12 step co pay');
  });
  it('turns lunr syntax and markup into nothing special', () => {
    expect(normalize('+insurance -medicaid iop^2 suboxone~ q:iop *')).toBe('insurance medicaid iop 2 suboxone q iop');
    expect(normalize('<script>alert(1)</script>')).toBe('script alert 1 script');
  });
  it('never fails on what is not a string, and caps very long input', () => {
    expect(normalize(undefined)).toBe('');
    expect(normalize(null)).toBe('');
    expect(normalize(42)).toBe('42');
    expect(normalize('a'.repeat(10_000)).length).toBeLessThanOrEqual(2000);
  });
});

describe('analyze', () => {
  it('drops stop words and stems what is left', () => {
    expect(analyze('How many hours a week is IOP?').map((t) => t.stem)).toEqual(['mani', 'hour', 'week', 'iop']);
  });
  it('gives nothing for a question made only of filler', () => {
    expect(analyze('what is it? how do i...')).toEqual([]);
  });
  it('gives the same phrase key to the same question asked differently', () => {
    expect(phraseKey(analyze('what is iop'))).toBe(phraseKey(analyze("What's an IOP?")));
  });
});
