import { describe, expect, it } from 'vitest';
import { allowedEdits, corrector, editDistance } from '../../src/engine/spelling.js';

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('insurnace', 'insurance', 2)).toBe(1);
    expect(editDistance('detoxx', 'detox', 2)).toBe(1);
  });
  it('stops early once past the limit', () => {
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});

describe('corrector', () => {
  const correct = corrector(['insurance', 'outpatient', 'detox', 'medication']);
  it('corrects a typo to the nearest known word', () => {
    expect(correct('insurence')).toBe('insurance');
    expect(correct('outpatiant')).toBe('outpatient');
  });
  it('leaves short words and unknown words alone', () => {
    expect(allowedEdits('iop')).toBe(0);
    expect(correct('iop')).toBe('iop');
    expect(correct('weather')).toBe('weather');
  });
});
