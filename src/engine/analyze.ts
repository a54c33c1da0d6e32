/**
 * Turns text into the terms the index holds: normalise, split, drop stop
 * words, stem. The kb build runs every indexed field through this same
 * function: the kb ships normalised words, and the engine stems them at load
 * with the same `stem` it applies to questions, so index terms and query
 * terms can never drift apart.
 */
import { normalize } from './normalize.js';
import { porterStem } from './stemmer.js';
import { STOP_WORDS } from './stop-words.js';

/** One analysed word of a question: what was typed and the stem it indexes as. */
export interface Term {
  raw: string;
  stem: string;
}

/** Longest word we keep; anything longer is not a word a visitor meant. */
const MAX_WORD = 40;

/** The Porter stem of one normalised word (lunr's stemmer). */
export function stem(word: string): string {
  return porterStem(word);
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
 * The text as the kb ships it: its normalised words without stop words,
 * repeats kept because term frequency is part of the score. The engine stems
 * them at load.
 */
export function indexWords(text: unknown): string {
  return words(text)
    .filter((w) => !isStopWord(w))
    .join(' ');
}

/**
 * A fingerprint of the stop-word list. The kb drops stop words before it
 * ships a phrasing, so a payload is only right for an engine that drops the
 * same ones; loadKnowledge compares the two.
 */
export function stopWordStamp(): string {
  let h = 0x811c9dc5; // FNV-1a
  for (const ch of [...STOP_WORDS].sort().join(' ')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(36);
}
