/**
 * The knowledge base as a plain lunr 2.3.9 index over the same fields,
 * boosts and terms the engine builds at load. The widget never uses it: it
 * is the reference the engine's own ranking is checked against (tests), and
 * the baseline the bench compares with (plain `index.search`; the size and
 * load time of lunr's serialised index).
 */
import lunr from 'lunr';
import { indexWords, stem, type KnowledgePayload } from '../engine/index.js';

/** The engine's fields in order, with its boosts. */
const FIELDS = [
  ['q', 3],
  ['a', 2],
  ['t', 2],
] as const;

/** Stems of shipped words, space-separated, as lunr's tokenizer splits them. */
const stems = (text: string) => text.split(/[ |]/).filter(Boolean).map(stem).join(' ');

/** Builds a lunr index whose document refs are entry positions ("0", "1", ...). */
export function lunrIndex(payload: KnowledgePayload): lunr.Index {
  const builder = new lunr.Builder();
  // Terms arrive stemmed: lunr's own pipelines would stem twice.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('r');
  for (const [name, boost] of FIELDS) builder.field(name, { boost });
  payload.entries.forEach(([, question, , , alternates, tags], i) => {
    builder.add({ r: String(i), q: stems(indexWords(question)), a: stems(alternates), t: stems(tags) });
  });
  return builder.build();
}
