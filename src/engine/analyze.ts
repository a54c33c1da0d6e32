/**
 * Turns text into the terms the index holds: normalise, split, drop stop
 * words, stem. The kb build runs every indexed field through this same
 * function and hands lunr the result with empty pipelines, so index terms and
 * query terms can never drift apart (and the serialized index names no
 * pipeline function that a browser would have to register).
 */
import lunr from 'lunr';
import { normalize } from './normalize.js';
import { STOP_WORDS } from './stop-words.js';

/** One analysed word of a question: what was typed and the stem it indexes as. */
export interface Term {
  raw: string;
  stem: string;
}

/** Longest word we keep; anything longer is not a word a visitor meant. */
const MAX_WORD = 40;

/** The Porter stem of one normalised word. */
export function stem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

/** Normalised words of the text, in order, stop words included. */
export function words(text: unknown): string[] {
  const s = normalize(text);
  return s ? s.split(' ').filter((w) => w.length <= MAX_WORD) : [];
}

/** True when the word is filler that says nothing about the topic. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * Analysed terms of the text: stop words removed, stems de-duplicated.
 *
 * @param text a question or an indexed field
 * @param correct optional per-word spelling correction applied before stemming
 */
export function analyze(text: unknown, correct?: (word: string) => string): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const w of words(text)) {
    if (isStopWord(w)) continue;
    const raw = correct ? correct(w) : w;
    if (isStopWord(raw)) continue;
    const s = stem(raw);
    if (!s || seen.has(s)) continue;
    seen.add(s);
    terms.push({ raw, stem: s });
  }
  return terms;
}

/**
 * The order-free identity of a phrasing: its sorted stems. Two phrasings with
 * the same key are the same question to the engine ("what is iop", "whats an
 * IOP?"), so the kb refuses a key shared by two entries and the engine
 * answers a key it knows without ranking.
 */
export function phraseKey(terms: readonly Term[]): string {
  return terms
    .map((t) => t.stem)
    .sort()
    .join(' ');
}

/**
 * The text as the index stores it: its stems joined by spaces, repeats kept
 * because term frequency is part of the BM25 score.
 */
export function indexText(text: unknown): string {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map(stem)
    .filter(Boolean)
    .join(' ');
}
