import { describe, expect, it } from 'vitest';
import { contrast, luminance, textOn } from '../../src/widget/theme.js';

describe('textOn', () => {
  it('reaches 4.5:1 on every #rgb theme color', () => {
    const hex = '0123456789abcdef';
    let worst = Infinity;
    for (const r of hex) for (const g of hex) for (const b of hex) {
      const color = `#${r}${g}${b}`;
      worst = Math.min(worst, contrast(luminance(color)!, luminance(textOn(color))!));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('puts white on dark colors and black on light ones', () => {
    expect(textOn('#0f5f6b')).toBe('#ffffff');
    expect(textOn('#ffd400')).toBe('#000000');
  });
});
