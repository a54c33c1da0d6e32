/**
 * Text normalisation shared by the index build and the query side.
 *
 * lunr's own trimmer is ASCII-only and its tokenizer splits only on spaces and
 * hyphens, so `week?`, `what's` and `café` reach the index as junk terms. We
 * fold every question and every indexed field through this one function
 * instead, so both sides of the seam see exactly the same words.
 */

/** Longest input we read. A question is a sentence or two; more is pasted text. */
export const MAX_QUESTION_LENGTH = 2000;

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\b(can)'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|would|should|could|must|need)n'?t\b/g, '$1 not'],
  [/\bi'?m\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\bi'?ll\b/g, 'i will'],
  [/\bi'?d\b/g, 'i would'],
  [/'(re|ve|ll|d|s)\b/g, ''],
];

/**
 * Lowercases, folds accents and curly quotes, expands contractions and turns
 * everything that is not a letter, digit or inner hyphen into a space.
 *
 * @param text anything a visitor typed (or a knowledge field)
 * @returns words separated by single spaces; '' when nothing is left
 */
export function normalize(text: unknown): string {
  let s = typeof text === 'string' ? text : text == null ? '' : String(text);
  if (s.length > MAX_QUESTION_LENGTH) s = s.slice(0, MAX_QUESTION_LENGTH);
  s = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // español -> espanol
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`\u00b4]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  return s
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => `${m.replace(/\./g, '')} `) // I.O.P. -> iop
    .replace(/(\d+)\s*\/\s*(\d+)/g, '$1x$2') // 24/7 -> 24x7 on both sides
    .replace(/[^a-z0-9\s-]+/g, ' ')
    .replace(/-+/g, ' ') // "12-step" and "12 step" must meet; lunr splits on hyphens too
    .replace(/\s+/g, ' ')
    .trim();
}
