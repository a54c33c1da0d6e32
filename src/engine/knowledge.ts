/**
 * The prebuilt knowledge payload: the one seam between build time (src/kb)
 * and query time (this folder). The kb writes it as JSON; the widget and the
 * CLI load it with `loadKnowledge`, which checks it before trusting it.
 *
 * The payload ships words, not an index: each entry's alternates and tags as
 * normalised words without stop words. Loading stems them with the engine's
 * own stemmer and derives everything else (the inverted index, the synonym
 * map, the spelling vocabulary, the exact phrasings). That is a quarter of
 * the bytes of a serialised lunr index, it takes a few milliseconds, and
 * index terms can never drift from query terms.
 */
import { isStopWord, stem, stopWordStamp, words } from './analyze.js';
import { compileSynonyms, vocabulary } from './lexicon.js';
import { buildPostings, type Postings } from './postings.js';

/** Bumped whenever the payload shape changes; a mismatch means "rebuild the kb". */
export const PAYLOAD_FORMAT = 2;

/** Indexed fields in order (question, alternates, tags) and their boosts. */
export const FIELD_BOOSTS = [3, 2, 2] as const;

/** One FAQ entry as the widget shows it. */
export interface EntryDoc {
  /** Stable id from the knowledge file. */
  id: string;
  /** The canonical question. */
  question: string;
  /** The answer, rendered and sanitised at build time; may hold {{center}} / {{phone}}. */
  html: string;
  /** Ids of related entries, in the author's order. */
  related: string[];
}

/**
 * One entry as the kb ships it. A tuple, and lists as joined strings, because
 * the payload is on the way to every first answer: field names repeated 62
 * times, and JSON's quotes around every phrasing, cost 3% of it after gzip.
 */
export type PayloadEntry = [
  id: string,
  question: string,
  html: string,
  /** Related ids, space-separated. */
  related: string,
  /** Alternate phrasings as `indexWords` leaves them ("whats an IOP?" -> "iop"), `|`-separated. */
  alternates: string,
  /** Tags the same way. */
  tags: string,
];

/** The JSON file the kb build writes (content-hashed) and the widget fetches. */
export interface KnowledgePayload {
  format: number;
  /** `stopWordStamp()` of the build: words were dropped with this list. */
  stopWords: string;
  entries: PayloadEntry[];
  /** Synonym rules as `word=expansion,expansion`, normalised without stop words, `|`-separated. */
  synonyms: string;
}

/** The manifest's fixed name; it sits next to the widget script and names the payload. */
export const MANIFEST_FILE = 'admissions-chat.kb.json';

/** The small, always-fresh file that names the current content-hashed payload. */
export interface KnowledgeManifest {
  format: number;
  /** File name of the payload, relative to the manifest. */
  file: string;
  entries: number;
}

/** A loaded knowledge base, ready for `answer`. */
export interface Knowledge {
  entries: EntryDoc[];
  byId: Map<string, EntryDoc>;
  /** The inverted index over question, alternates and tags (entry position = document). */
  index: Postings;
  /** Per entry: the stems of its question and of each alternate, for exact-phrasing lookups. */
  phrasings: string[][][];
  /** stem -> stems it may also be written as (from knowledge/synonyms.txt). */
  synonyms: Map<string, string[]>;
  /** Normalised words of the knowledge base, most frequent first, for spelling correction. */
  vocabulary: string[];
  /** Number of entries, for idf. */
  size: number;
}

/** True when the stem is a term of the index. */
export function hasTerm(knowledge: Knowledge, stem: string): boolean {
  return knowledge.index.terms.has(stem);
}

/** Thrown when a payload cannot be used; the message says what to do. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

/** The parts of a joined list; none for an empty or missing one. */
const split = (text: unknown, by: string): string[] => (typeof text === 'string' && text ? text.split(by) : []);

/**
 * Checks and loads a parsed payload.
 *
 * @throws KnowledgeError when the payload is not a knowledge payload, or was
 *   built with another payload format or another stop-word list.
 */
export function loadKnowledge(payload: unknown): Knowledge {
  const p = payload as Partial<KnowledgePayload> | null;
  if (!p || typeof p !== 'object' || !Array.isArray(p.entries)) {
    throw new KnowledgeError('not a knowledge payload: run `npm run kb -- build`');
  }
  if (p.format !== PAYLOAD_FORMAT) {
    throw new KnowledgeError(
      `payload format ${String(p.format)} but this engine reads format ${PAYLOAD_FORMAT}: rebuild with \`npm run kb -- build\``,
    );
  }
  if (p.stopWords !== stopWordStamp()) {
    throw new KnowledgeError('payload built with another stop-word list than this engine uses: rebuild with `npm run kb -- build`');
  }
  // Each distinct word is stemmed once (a knowledge base repeats its words a
  // lot), and counted for the spelling vocabulary on the way.
  const stems = new Map<string, string>();
  const counts = new Map<string, number>();
  const stemAll = (list: string[], count = true) =>
    list.map((w) => {
      let s = stems.get(w);
      if (s === undefined) stems.set(w, (s = stem(w)));
      if (count) counts.set(w, (counts.get(w) ?? 0) + 1);
      return s;
    });
  const entries: EntryDoc[] = [];
  const fields: string[][][] = [];
  const phrasings: string[][][] = [];
  for (const [id, text, html, related, alternates, tags] of p.entries) {
    entries.push({ id, question: text, html, related: split(related, ' ') });
    const q = stemAll(words(text).filter((w) => !isStopWord(w)));
    const a = split(alternates, '|').map((x) => stemAll(split(x, ' ')));
    fields.push([q, a.flat(), stemAll(split(tags, '|').flatMap((x) => split(x, ' ')))]);
    phrasings.push([q, ...a]);
  }
  const rules = split(p.synonyms, '|').map((rule) => {
    const [word, expansions] = rule.split('=');
    return { word, expansions: split(expansions, ',') };
  });
  for (const r of rules) for (const text of [r.word, ...r.expansions]) stemAll(split(text, ' '));
  // Rule text is normalised already: split and stem it, no need to normalise it again.
  const synonyms = compileSynonyms(rules, (text) => [...new Set(stemAll(split(text, ' '), false))]);
  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    index: buildPostings(fields, FIELD_BOOSTS),
    phrasings,
    synonyms,
    vocabulary: vocabulary(counts),
    size: entries.length,
  };
}

/**
 * The entry that lists this exact phrasing (the same stems, in any order),
 * or undefined. When two entries do, the later one, as the kb's validation
 * refuses that anyway.
 *
 * @param query the question's distinct stems
 */
export function findPhrasing(knowledge: Knowledge, query: readonly string[]): number | undefined {
  if (query.length === 0) return undefined;
  const wanted = new Set(query);
  // Every stem of a phrasing is in its entry's question or alternates: the rarest stem names the candidates.
  let candidates: number[] | null = null;
  for (const s of wanted) {
    const p = knowledge.index.terms.get(s);
    if (!p) return undefined;
    const docs = [...new Set([...p.docs[0], ...p.docs[1]])];
    if (!candidates || docs.length < candidates.length) candidates = docs;
  }
  for (const doc of candidates!.sort((a, b) => b - a)) {
    for (const phrasing of knowledge.phrasings[doc]) {
      const have = new Set(phrasing);
      if (have.size === wanted.size && [...have].every((s) => wanted.has(s))) return doc;
    }
  }
  return undefined;
}
