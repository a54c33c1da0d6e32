/**
 * Builds the knowledge payload from a validated source: each entry's id,
 * question, rendered answer and related ids, its alternates and tags as the
 * words the engine indexes (normalised, stop words dropped), and the synonym
 * rules the same way. The index itself is not shipped: the engine builds it
 * at load from these words (src/engine/knowledge.ts), which is a quarter of
 * the bytes of a serialised lunr index.
 *
 * The answer body is not indexed (it doubles false matches); only question,
 * alternates and tags are.
 */
import { indexWords, stopWordStamp, withPackedIndex, PAYLOAD_FORMAT, type KnowledgePayload, type PayloadEntry } from '../engine/index.js';
import type { Problem } from './problem.js';
import type { Source } from './read.js';
import { renderAnswer } from './render.js';

/** Normalised words of each text, dropping the ones with nothing left. */
function shipped(texts: readonly { value: string }[] | readonly string[]): string[] {
  return texts.map((t) => indexWords(typeof t === 'string' ? t : t.value)).filter(Boolean);
}

/**
 * From this many entries the payload also carries the index, packed.
 * Deriving it at load costs about 0.06 ms per entry in Node, so roughly
 * 0.25 ms per entry on a phone-speed CPU (4x slower): past ~200 entries that
 * is a long task (> 50 ms) on first open. A packed index loads in the time it
 * takes to split its term list, whatever the size, but adds about a third
 * to the payload's gzip bytes, which matter more below this.
 * (`npm run bench`, scaling table.)
 */
export const PACK_INDEX_FROM = 250;

/**
 * Builds the payload.
 *
 * @param source a read knowledge folder that validate() found no problems in
 * @param problems rendering problems are appended here
 * @param packIndex ship the index packed (by default for PACK_INDEX_FROM entries or more)
 */
export function buildPayload(source: Source, problems: Problem[], packIndex?: boolean): KnowledgePayload {
  const entries = source.entries.map((e) => {
    let html = '';
    try {
      html = renderAnswer(e.answer);
    } catch (error) {
      problems.push({ file: e.file, line: e.answerLine, message: (error as Error).message });
    }
    const entry: PayloadEntry = [
      e.id!.value,
      e.question!.value,
      html,
      e.related.map((r) => r.value).join(' '),
      shipped(e.alternates).join('|'),
      shipped(e.tags).join('|'),
    ];
    return entry;
  });
  const synonyms = source.synonyms
    .map((r) => [indexWords(r.word), shipped(r.expansions).join(',')])
    .filter(([word, expansions]) => word || expansions)
    .map(([word, expansions]) => `${word}=${expansions}`);
  const payload: KnowledgePayload = { format: PAYLOAD_FORMAT, stopWords: stopWordStamp(), entries, synonyms: synonyms.join('|') };
  return (packIndex ?? source.entries.length >= PACK_INDEX_FROM) ? withPackedIndex(payload) : payload;
}
