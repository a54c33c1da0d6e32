import { describe, expect, it } from 'vitest';
import { detectCrisis, warmUp } from '../../src/engine/index.js';

describe('detectCrisis', () => {
  it('recognises suicidal statements, in slang and misspelled', () => {
    for (const text of ['I want to kill myself', 'i dont want to live anymore', 'thinking about ending my life', 'kms', 'im suicidal', 'i feel sucidal', 'k1ll mys3lf']) {
      expect(detectCrisis(text), text).toMatchObject({ kind: 'suicide', who: 'self' });
    }
  });
  it('words it for a loved one when the visitor writes about someone else', () => {
    expect(detectCrisis('my wife talks about ending her life')).toMatchObject({ kind: 'suicide', who: 'other' });
    expect(detectCrisis('my son overdosed')).toMatchObject({ kind: 'overdose', who: 'other' });
  });
  it('recognises overdose and dangerous withdrawal as emergencies', () => {
    expect(detectCrisis("he's not breathing")).toMatchObject({ kind: 'overdose' });
    expect(detectCrisis('I took a whole bottle of pills')).toMatchObject({ kind: 'overdose', pills: true });
    expect(detectCrisis('stopped drinking 2 days ago and now im having a seizure')).toMatchObject({ kind: 'withdrawal' });
  });
  it('does not fire on negation, questions about risk, or idioms', () => {
    for (const text of ["I'm not suicidal, just asking about groups", 'what is the risk of overdose after detox?', "I'm dying to know the schedule", 'killing time before group', 'can alcohol withdrawal cause seizures?']) {
      expect(detectCrisis(text), text).toBeNull();
    }
  });
  it('checks the same message twice for the price of once, and never carries one message\'s verdict to the next', () => {
    const first = detectCrisis('I want to kill myself');
    expect(detectCrisis('I want to kill myself')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(detectCrisis('what are your hours')).toBeNull();
    expect(detectCrisis('I want to kill myself')).toEqual(first);
    expect(detectCrisis(undefined)).toBeNull();
  });
  it('is not changed by warming the rules up', () => {
    detectCrisis('my son overdosed');
    for (const _ of warmUp());
    expect(detectCrisis('my son overdosed')).toMatchObject({ kind: 'overdose', who: 'other' });
    expect(detectCrisis('how long is the program')).toBeNull();
  });
});
