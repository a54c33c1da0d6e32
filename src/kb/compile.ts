/**
 * The kb pipeline in one call: read → validate → build. Problems from every
 * stage are collected, and no payload comes out if there is even one, so a
 * broken knowledge base never produces a half-built index.
 */
import type { KnowledgePayload } from '../engine/index.js';
import { buildPayload } from './build.js';
import type { Problem } from './problem.js';
import { readKnowledge } from './read.js';
import { validate } from './validate.js';

/**
 * Checks a knowledge folder and builds its payload when it is clean.
 *
 * @param packIndex ship the index packed (default: from PACK_INDEX_FROM entries)
 */
export function compileKnowledge(dir: string, packIndex?: boolean): { payload: KnowledgePayload | null; problems: Problem[]; entries: number } {
  const problems: Problem[] = [];
  const source = readKnowledge(dir, problems);
  validate(source, problems);
  if (problems.length) return { payload: null, problems, entries: source.entries.length };
  const payload = buildPayload(source, problems, packIndex);
  return { payload: problems.length ? null : payload, problems, entries: source.entries.length };
}
