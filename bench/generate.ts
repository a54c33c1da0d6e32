/**
 * Generated knowledge bases of any size, for the scaling table: copies of
 * the real entries for made-up sites of a multi-site center ("What is IOP
 * at Brennick?"), with some words swapped for other words of the knowledge
 * base so that copies are not byte-for-byte repeats. Deterministic: the same
 * size gives the same folder every run. Written as a real knowledge folder
 * and built with the kb's own tooling.
 */
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, isStopWord, phraseKey, words } from '../src/engine/index.js';
import type { Problem } from '../src/kb/problem.js';
import { readKnowledge, type SourceEntry } from '../src/kb/read.js';

/** mulberry32: a small deterministic PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['br', 'cl', 'd', 'f', 'gl', 'h', 'k', 'l', 'm', 'n', 'p', 'qu', 'r', 'st', 't', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'oo'];
const CODAS = ['n', 'nk', 'rd', 'ck', 'lm', 'st', 'ven', 'ton', 'wick', 'ford', 'dale', 'more'];

const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

/**
 * Writes a knowledge folder of `size` generated entries into `dir` (made if
 * missing) from the knowledge folder `from`, and returns its path.
 */
export function generateKnowledge(size: number, dir: string, from = 'knowledge', seed = 7): string {
  const problems: Problem[] = [];
  const source = readKnowledge(from, problems);
  if (problems.length) throw new Error(`${from} has problems: run npm run kb -- check`);
  const random = prng(seed + size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const known = new Set(source.entries.flatMap((e) => [e.question!.value, ...e.alternates.map((a) => a.value)]).flatMap(words));
  const vocabulary = [...known].filter((w) => /^[a-z]{4,}$/.test(w) && !isStopWord(w));
  const names = new Set<string>();
  const siteName = () => {
    for (;;) {
      const name = pick(ONSETS) + pick(VOWELS) + pick(CODAS);
      if (!known.has(name) && !names.has(name) && !isStopWord(name)) {
        names.add(name);
        return name;
      }
    }
  };
  /** Swaps one word of a phrasing for another knowledge-base word, now and then. */
  const vary = (text: string, p: number) =>
    random() < p ? text.replace(/\b[a-z]{4,}\b/g, (w) => (random() < 0.3 && !isStopWord(w) ? pick(vocabulary) : w)) : text;

  const root = join(dir, 'knowledge');
  mkdirSync(join(root, 'faq'), { recursive: true });
  copyFileSync(join(from, 'synonyms.txt'), join(root, 'synonyms.txt'));
  const bases = source.entries;
  const copies = Math.ceil(size / bases.length);
  const used = new Set<string>();
  const ids = new Set<string>();
  const entries: { id: string; base: SourceEntry; site: string; copy: number }[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const site = siteName();
    for (const base of bases) {
      if (entries.length === size) break;
      const id = `${base.id!.value}-${site}`;
      entries.push({ id, base, site, copy });
      ids.add(id);
    }
  }
  const questionOf = (base: SourceEntry, site: string) => `${base.question!.value.replace(/\?$/, '')} at ${capital(site)}?`;
  for (const { base, site } of entries) used.add(phraseKey(analyze(questionOf(base, site))));
  for (const { id, base, site } of entries) {
    const question = questionOf(base, site);
    const alternates: string[] = [];
    for (const a of base.alternates.map((x) => `${vary(x.value, 0.25)} ${site}`)) {
      const key = phraseKey(analyze(a));
      if (used.has(key)) continue; // a swap made two phrasings the same words: keep the first
      used.add(key);
      alternates.push(a);
    }
    const related = base.related.map((r) => `${r.value}-${site}`).filter((r) => ids.has(r));
    const tags = [...base.tags.map((t) => t.value), site];
    // Same word count (the kb caps answers at 120 words), some words swapped, the site named once.
    let named = false;
    const answer = base.answer.replace(/(?<=\s)[a-z]{5,}(?=\s)/g, (w) => {
      if (!named) {
        named = true;
        return capital(site);
      }
      return random() < 0.12 ? pick(vocabulary) : w;
    });
    const text = [
      '---',
      `id: ${id}`,
      `question: ${question}`,
      'alternates:',
      ...alternates.map((a) => `  - ${a}`),
      `tags: [${tags.join(', ')}]`,
      ...(related.length ? [`related: [${related.join(', ')}]`] : []),
      '---',
      answer,
    ].join('\n');
    writeFileSync(join(root, 'faq', `${id}.md`), text);
  }
  return root;
}
