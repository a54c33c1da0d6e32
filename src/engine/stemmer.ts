/**
 * The Porter stemmer exactly as lunr 2.3.9 ships it (lunr.stemmer; MIT,
 * Copyright (C) 2020 Oliver Nightingale), as a plain function.
 *
 * Why a copy: lunr is one UMD file that a bundler cannot tree-shake, so
 * importing it for the stemmer alone put all of lunr (about 8 KB gzip) into
 * the widget. The engine ranks with its own lunr-compatible scorer
 * (rank.ts); this is the only piece of lunr it still needs.
 * tests/engine/stemmer.test.ts checks it against lunr.stemmer word for word.
 */

const STEP2: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};

const STEP3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };

const c = '[^aeiou]'; // consonant
const v = '[aeiouy]'; // vowel
const C = `${c}[^aeiouy]*`; // consonant sequence
const V = `${v}[aeiou]*`; // vowel sequence

const MGR0 = new RegExp(`^(${C})?${V}${C}`); // [C]VC... is m>0
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`); // [C]VC[V] is m=1
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`); // [C]VCVC... is m>1
const S_V = new RegExp(`^(${C})?${v}`); // vowel in stem

const RE_1A = /^(.+?)(ss|i)es$/;
const RE2_1A = /^(.+?)([^s])s$/;
const RE_1B = /^(.+?)eed$/;
const RE2_1B = /^(.+?)(ed|ing)$/;
const LAST = /.$/;
const RE2_1B_2 = /(at|bl|iz)$/;
const RE3_1B_2 = /([^aeiouylsz])\1$/;
const CVC = new RegExp(`^${C}${v}[^aeiouwxy]$`);
const RE_1C = /^(.+?[^aeiou])y$/;
const RE_2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const RE_3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
const RE_4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const RE2_4 = /^(.+?)(s|t)(ion)$/;
const RE_5 = /^(.+?)e$/;
const RE_5_1 = /ll$/;

/** The Porter stem of one lowercase word, as lunr.stemmer computes it. */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  const initialY = w[0] === 'y';
  if (initialY) w = `Y${w.slice(1)}`;

  // Step 1a
  if (RE_1A.test(w)) w = w.replace(RE_1A, '$1$2');
  else if (RE2_1A.test(w)) w = w.replace(RE2_1A, '$1$2');

  // Step 1b
  let m = RE_1B.exec(w);
  if (m) {
    if (MGR0.test(m[1])) w = w.replace(LAST, '');
  } else if ((m = RE2_1B.exec(w)) && S_V.test(m[1])) {
    w = m[1];
    if (RE2_1B_2.test(w)) w += 'e';
    else if (RE3_1B_2.test(w)) w = w.replace(LAST, '');
    else if (CVC.test(w)) w += 'e';
  }

  // Step 1c: a final y after a consonant that is not the first letter becomes i.
  if ((m = RE_1C.exec(w))) w = `${m[1]}i`;

  // Step 2
  if ((m = RE_2.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP2[m[2]];

  // Step 3
  if ((m = RE_3.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP3[m[2]];

  // Step 4
  if ((m = RE_4.exec(w))) {
    if (MGR1.test(m[1])) w = m[1];
  } else if ((m = RE2_4.exec(w))) {
    const s = m[1] + m[2];
    if (MGR1.test(s)) w = s;
  }

  // Step 5
  if ((m = RE_5.exec(w))) {
    const s = m[1];
    if (MGR1.test(s) || (MEQ1.test(s) && !CVC.test(s))) w = s;
  }
  if (RE_5_1.test(w) && MGR1.test(w)) w = w.replace(LAST, '');

  return initialY ? `y${w.slice(1)}` : w;
}
