/**
 * Builds the knowledge payload from a validated source: the lunr index over
 * question, alternates and tags (not the answer body, which doubles false
 * matches and triples the bytes), the rendered answers, the synonym map and
 * the spelling vocabulary.
 *
 * Every field goes through the engine's own `indexText`, and lunr gets empty
 * pipelines: index terms are exactly the terms `answer` queries with.
 */
import lunr from 'lunr';
import { analyze, indexText, isStopWord, normalize, phraseKey, words, PAYLOAD_FORMAT, type KnowledgePayload } from '../engine/index.js';
import type { Problem } from './problem.js';
import type { Source, SynonymRule } from './read.js';
import { renderAnswer } from './render.js';

/** Field name -> boost. One-letter names keep the serialised index small. */
const FIELDS = { q: 3, a: 2, t: 2 } as const;

/** stem -> stems: each rule both ways for one-word expansions, one way for phrases. */
export function compileSynonyms(rules: SynonymRule[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    if (!map.has(from)) map.set(from, new Set());
    map.get(from)!.add(to);
  };
  for (const rule of rules) {
    const [word] = analyze(rule.word);
    if (!word) continue;
    for (const expansion of rule.expansions) {
      const stems = analyze(expansion).map((t) => t.stem);
      for (const s of stems) add(word.stem, s);
      if (stems.length === 1) add(stems[0], word.stem);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [k, v] of [...map].sort(([a], [b]) => (a < b ? -1 : 1))) out[k] = [...v].sort();
  return out;
}

/** Words of the knowledge base, most frequent first, for spelling correction. */
function vocabulary(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of words(t)) if (!isStopWord(w) && /^[a-z]{3,}$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/**
 * Builds the payload.
 *
 * @param source a read knowledge folder that validate() found no problems in
 * @param problems rendering problems are appended here
 */
export function buildPayload(source: Source, problems: Problem[]): KnowledgePayload {
  const entries = source.entries.map((e) => {
    let html = '';
    try {
      html = renderAnswer(e.answer);
    } catch (error) {
      problems.push({ file: e.file, line: e.answerLine, message: (error as Error).message });
    }
    return { id: e.id!.value, question: e.question!.value, html, related: e.related.map((r) => r.value) };
  });
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('r');
  for (const [name, boost] of Object.entries(FIELDS)) builder.field(name, { boost });
  source.entries.forEach((e, i) => {
    builder.add({
      r: String(i),
      q: indexText(e.question!.value),
      a: indexText(e.alternates.map((a) => a.value).join(' . ')),
      t: indexText(e.tags.map((t) => t.value).join(' ')),
    });
  });
  const texts = source.entries.flatMap((e) => [e.question!.value, ...e.alternates.map((a) => a.value), ...e.tags.map((t) => t.value)]);
  const synonymWords = source.synonyms.flatMap((r) => [r.word, ...r.expansions]);
  const phrases: Record<string, number> = {};
  source.entries.forEach((e, i) => {
    for (const p of [e.question!, ...e.alternates]) {
      const key = phraseKey(analyze(p.value));
      if (key) phrases[key] = i;
    }
  });
  return {
    format: PAYLOAD_FORMAT,
    lunr: lunr.version,
    index: builder.build().toJSON(),
    entries,
    synonyms: compileSynonyms(source.synonyms),
    vocabulary: vocabulary([...texts, ...synonymWords.map(normalize)]),
    phrases,
  };
}
