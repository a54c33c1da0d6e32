/**
 * The prebuilt knowledge payload: the one seam between build time (src/kb)
 * and query time (this folder). The kb writes it as JSON; the widget and the
 * CLI load it with `loadKnowledge`, which checks it before trusting it.
 *
 * The payload ships words, not an index: each entry's alternates and tags as
 * normalised words without stop words. Loading stems them with the engine's
 * own stemmer and derives the inverted index, the synonym map and the exact
 * phrasings (the spelling vocabulary waits for the first misspelling). That
 * is a quarter of the bytes of a serialised lunr index, and index terms can
 * never drift from query terms.
 *
 * Deriving costs time in proportion to the knowledge base, so for a large one
 * the kb also ships the index packed (`index`): loading then only splits its
 * term list, each posting is unpacked when a question first needs it, and an
 * entry's phrasings are stemmed when a question could match them.
 */
import { isStopWord, stem, stopWordStamp, words } from './analyze.js';
import { compileSynonyms, vocabulary } from './lexicon.js';
import type { AnswerFiles } from './answers.js';
import { addDocument, finishPostings, packPostings, phraseAnchor, startPostings, unpackPostings, type PackedPostings, type Postings } from './postings.js';

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
  /** Large knowledge bases only: the index, packed, and the spelling vocabulary (space-separated, most frequent first). */
  index?: PackedPostings & { vocabulary: string };
  /** As the widget ships it: answers in files of their own (answers.ts), each entry's `html` empty here. */
  answers?: AnswerFiles;
}

export { MANIFEST_FILE, type KnowledgeManifest } from './manifest.js';

/** A loaded knowledge base, ready for `answer`. Some parts are filled on first use. */
export interface Knowledge {
  entries: EntryDoc[];
  /** Entry id -> position (document number); `entryById` for the entry. */
  positions: Map<string, number>;
  /** Answers shipped apart, and which files have been added (answers.ts); null when every answer came with the payload. */
  answers: (AnswerFiles & { loaded: boolean[] }) | null;
  /** The inverted index over question, alternates and tags (entry position = document). */
  index: Postings;
  /** Per entry: the stems of its question and of each alternate (see `phrasingsOf`). */
  phrasings: (string[][] | undefined)[];
  /** stem -> stems it may also be written as (from knowledge/synonyms.txt). */
  synonyms: Map<string, string[]>;
  /** Normalised words, most frequent first, for spelling correction (see `vocabularyOf`). */
  vocabulary: string[] | null;
  /** The payload, for what is derived on first use. */
  source: KnowledgePayload;
  /** Stems of the words seen so far. */
  stems: Map<string, string>;
  /** Number of entries, for idf. */
  size: number;
}

/** The entry with this id, or undefined. */
export function entryById(knowledge: Knowledge, id: string): EntryDoc | undefined {
  const doc = knowledge.positions.get(id);
  return doc === undefined ? undefined : knowledge.entries[doc];
}

/** True when the stem is a term of the index. */
export function hasTerm(knowledge: Knowledge, stem: string): boolean {
  return knowledge.index.terms.has(stem);
}

/** Thrown when a payload cannot be used; the message says what to do. */
export class KnowledgeError extends Error {
  // Set in the constructor, not as a class field: for the widget's es2020
  // target a field brings the bundler's defineProperty helpers along.
  constructor(message: string) {
    super(message);
    this.name = 'KnowledgeError';
  }
}

/** The parts of a joined list; none for an empty or missing one. */
const split = (text: unknown, by: string): string[] => (typeof text === 'string' && text ? text.split(by) : []);

/** Stems of words, each distinct word stemmed once per knowledge base. */
function stemAll(knowledge: Knowledge, list: readonly string[]): string[] {
  const { stems } = knowledge;
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    let s = stems.get(list[i]);
    if (s === undefined) stems.set(list[i], (s = stem(list[i])));
    out.push(s);
  }
  return out;
}

/** Synonym rules as shipped: word and expansions, each normalised text. */
const rulesOf = (synonyms: unknown) =>
  split(synonyms, '|').map((rule) => {
    const [word, expansions] = rule.split('=');
    return { word, expansions: split(expansions, ',') };
  });

/** Normalised words of an entry's question that the index holds. */
const questionWords = (question: string) => words(question).filter((w) => !isStopWord(w));

/** A payload's `answers`, checked: one file per `per` entries. */
function answerFiles(answers: unknown, size: number): Knowledge['answers'] {
  if (answers === undefined) return null;
  const a = answers as Partial<AnswerFiles> | null;
  if (
    !a ||
    !Number.isInteger(a.per) ||
    a.per! < 1 ||
    !Array.isArray(a.files) ||
    a.files.length !== Math.ceil(size / a.per!) ||
    !a.files.every((f) => typeof f === 'string' && f)
  ) {
    throw new KnowledgeError('the payload\'s answers files do not fit its entries: rebuild with `npm run kb -- build`');
  }
  return { files: a.files, per: a.per!, loaded: a.files.map(() => false) };
}

/**
 * Entries a step of `loadKnowledgeInSteps` handles: a few milliseconds on a
 * 4x-throttled CPU, so that a caller can stop at a time budget of its own
 * with little overrun (the widget's is SLICE_MS in widget/idle.ts). The first
 * step, which runs the code for the first time, takes longer.
 */
export const ENTRIES_PER_STEP = 4;

/**
 * Checks and loads a parsed payload at once.
 *
 * @throws KnowledgeError when the payload is not a knowledge payload, or was
 *   built with another payload format or another stop-word list.
 */
export function loadKnowledge(payload: unknown): Knowledge {
  const steps = loadKnowledgeInSteps(payload);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Loads a parsed payload in steps of a few entries: a caller on a page's
 * main thread can yield between steps, so that deriving the index is never
 * one long task. The same work as `loadKnowledge`, which runs every step at
 * once.
 *
 * @throws KnowledgeError (on the first step) as loadKnowledge does
 */
export function* loadKnowledgeInSteps(payload: unknown, perStep = ENTRIES_PER_STEP): Generator<void, Knowledge, void> {
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
  const entries = p.entries.map(([id, question, html, related]): EntryDoc => ({ id, question, html, related: split(related, ' ') }));
  const size = entries.length;
  const knowledge: Knowledge = {
    entries,
    positions: new Map(entries.map((e, i) => [e.id, i])),
    answers: answerFiles(p.answers, size),
    index: null as unknown as Postings,
    phrasings: new Array(size),
    synonyms: new Map(),
    vocabulary: null,
    source: p as KnowledgePayload,
    stems: new Map(),
    size,
  };
  if (p.index) {
    knowledge.index = unpackPostings(p.index, FIELD_BOOSTS, size);
    knowledge.vocabulary = split(p.index.vocabulary, ' ');
  } else {
    const building = startPostings(FIELD_BOOSTS, (w) => {
      const s = stem(w);
      knowledge.stems.set(w, s);
      return s;
    });
    for (let doc = 0; doc < size; doc++) {
      if (doc && doc % perStep === 0) yield;
      const [, question, , , alternates, tags] = p.entries[doc];
      const [[q], a] = addDocument(building, [
        [questionWords(question)],
        split(alternates, '|').map((x) => x.split(' ')),
        [split(tags, '|').flatMap((x) => x.split(' '))],
      ]);
      knowledge.phrasings[doc] = [q, ...a];
    }
    yield;
    knowledge.index = finishPostings(building);
  }
  yield;
  // Rule text is normalised already: split and stem it, no need to normalise it again.
  knowledge.synonyms = compileSynonyms(rulesOf(p.synonyms), (text) => [...new Set(stemAll(knowledge, split(text, ' ')))]);
  return knowledge;
}

/**
 * The payload with its index packed in, for a large knowledge base: bigger,
 * but loading no longer grows with it. Tags are dropped, as only the index
 * used them.
 */
export function withPackedIndex(payload: KnowledgePayload): KnowledgePayload {
  const knowledge = loadKnowledge({ ...payload, index: undefined });
  anchorPhrasings(knowledge);
  return {
    ...payload,
    entries: payload.entries.map(([id, question, html, related, alternates]) => [id, question, html, related, alternates, '']),
    index: { ...packPostings(knowledge.index), vocabulary: vocabularyOf(knowledge).join(' ') },
  };
}

/**
 * Lists each entry under the anchor of each of its phrasings (see
 * `phraseAnchor`), for a packed index. A derived index leaves its anchors
 * empty: for a small knowledge base, checking every entry that holds the
 * question's rarest stem costs a question less than anchoring costs a load.
 */
export function anchorPhrasings(knowledge: Knowledge): void {
  for (let doc = 0; doc < knowledge.size; doc++) {
    for (const phrasing of phrasingsOf(knowledge, doc)) {
      const anchors = phraseAnchor(knowledge.index, phrasing)?.anchors;
      if (anchors && anchors[anchors.length - 1] !== doc) anchors.push(doc);
    }
  }
}

/** The stems of an entry's question and of each of its alternates. */
export function phrasingsOf(knowledge: Knowledge, doc: number): string[][] {
  let list = knowledge.phrasings[doc];
  if (!list) {
    const [, question, , , alternates] = knowledge.source.entries[doc];
    list = [questionWords(question), ...split(alternates, '|').map((x) => split(x, ' '))].map((w) => stemAll(knowledge, w));
    knowledge.phrasings[doc] = list;
  }
  return list;
}

/**
 * The spelling vocabulary, most frequent first: every word of the questions,
 * alternates, tags and synonym rules. Counted on first use, as most
 * questions never need a spelling correction.
 */
export function vocabularyOf(knowledge: Knowledge): string[] {
  if (!knowledge.vocabulary) {
    const counts = new Map<string, number>();
    const count = (list: readonly string[]) => {
      for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
    };
    for (const [, question, , , alternates, tags] of knowledge.source.entries) {
      count(questionWords(question));
      for (const text of [...split(alternates, '|'), ...split(tags, '|')]) count(text.split(' '));
    }
    for (const r of rulesOf(knowledge.source.synonyms)) for (const text of [r.word, ...r.expansions]) count(split(text, ' '));
    knowledge.vocabulary = vocabulary(counts);
  }
  return knowledge.vocabulary;
}

/**
 * The entry that lists this exact phrasing (the same stems, in any order),
 * or undefined. When two entries do, the later one, as the kb's validation
 * refuses that anyway. Only entries whose question or alternates hold the
 * question's rarest stem can list it; a packed index narrows them to those
 * anchored at that stem (see `phraseAnchor`).
 *
 * @param query the question's distinct stems
 */
export function findPhrasing(knowledge: Knowledge, query: readonly string[]): number | undefined {
  const wanted = new Set(query);
  const anchor = phraseAnchor(knowledge.index, wanted);
  if (!anchor) return undefined;
  const docs = knowledge.source.index ? anchor.anchors : holders(anchor.docs[0], anchor.docs[1]);
  for (let i = docs.length - 1; i >= 0; i--) {
    for (const phrasing of phrasingsOf(knowledge, docs[i])) {
      if (phrasing.every((s) => wanted.has(s)) && new Set(phrasing).size === wanted.size) return docs[i];
    }
  }
  return undefined;
}

/** The documents of two ascending lists, ascending, each once. */
const holders = (a: readonly number[], b: readonly number[]): number[] => [...new Set(a.concat(b))].sort((x, y) => x - y);
