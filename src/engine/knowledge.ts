/**
 * The prebuilt knowledge payload: the one seam between build time (src/kb)
 * and query time (this folder). The kb writes it as JSON; the widget and the
 * CLI load it with `loadKnowledge`, which checks the format and lunr versions
 * before trusting it, the way lunr's Index.load checks its own.
 */
import lunr from 'lunr';

/** Bumped whenever the payload shape changes; a mismatch means "rebuild the kb". */
export const PAYLOAD_FORMAT = 1;

/** One FAQ entry as the widget shows it (position in `entries` = lunr ref). */
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

/** The JSON file the kb build writes (content-hashed) and the widget fetches. */
export interface KnowledgePayload {
  format: number;
  /** lunr.version at build time; the index is only valid for the same version. */
  lunr: string;
  /** lunr's own serialisation of the index over question, alternates and tags. */
  index: object;
  entries: EntryDoc[];
  /** stem -> stems it may also be written as (from knowledge/synonyms.txt). */
  synonyms: Record<string, string[]>;
  /** Normalised words of the knowledge base, most frequent first, for spelling correction. */
  vocabulary: string[];
  /** phraseKey of every question and alternate -> entry position. */
  phrases: Record<string, number>;
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
  index: lunr.Index;
  /** lunr's inverted index (term -> field -> ref -> metadata); untyped in @types/lunr. */
  postings: Record<string, Record<string, unknown>>;
  entries: EntryDoc[];
  byId: Map<string, EntryDoc>;
  synonyms: Map<string, string[]>;
  vocabulary: string[];
  phrases: Map<string, number>;
  /** Number of documents, for idf. */
  size: number;
}

/** True when the stem is a term of the index. */
export function hasTerm(knowledge: Knowledge, stem: string): boolean {
  return Object.prototype.hasOwnProperty.call(knowledge.postings, stem);
}

/** Thrown when a payload cannot be used; the message says what to do. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

/**
 * Checks and loads a parsed payload.
 *
 * @throws KnowledgeError when the payload is not a knowledge payload, was built
 *   with another payload format or another lunr version.
 */
export function loadKnowledge(payload: unknown): Knowledge {
  const p = payload as Partial<KnowledgePayload> | null;
  if (!p || typeof p !== 'object' || !Array.isArray(p.entries) || !p.index) {
    throw new KnowledgeError('not a knowledge payload: run `npm run kb -- build`');
  }
  if (p.format !== PAYLOAD_FORMAT) {
    throw new KnowledgeError(
      `payload format ${String(p.format)} but this engine reads format ${PAYLOAD_FORMAT}: rebuild with \`npm run kb -- build\``,
    );
  }
  if (p.lunr !== lunr.version) {
    throw new KnowledgeError(
      `index built with lunr ${String(p.lunr)} but lunr ${lunr.version} is loaded: rebuild with \`npm run kb -- build\``,
    );
  }
  const entries = p.entries;
  const index = lunr.Index.load(p.index);
  return {
    index,
    postings: (index as unknown as { invertedIndex: Knowledge['postings'] }).invertedIndex,
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    synonyms: new Map(Object.entries(p.synonyms ?? {})),
    vocabulary: p.vocabulary ?? [],
    phrases: new Map(Object.entries(p.phrases ?? {})),
    size: entries.length,
  };
}
