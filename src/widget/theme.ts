/**
 * The theme color a site owner picks, and a text color that stays readable
 * on it (WCAG 1.4.3: 4.5:1 for normal text).
 */

/** Relative luminance of an sRGB color given as #rgb or #rrggbb; null if not hex. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two luminances. */
export function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * White or black, whichever reads better on the color. Pure black, not a
 * softer near-black: only the pair white/black guarantees 4.5:1 for every
 * background (the worst case, luminance 0.18, still gets 4.58:1).
 */
export function textOn(color: string): string {
  const l = luminance(color);
  if (l === null) return '#ffffff';
  return contrast(l, 1) >= contrast(l, 0) ? '#ffffff' : '#000000';
}
