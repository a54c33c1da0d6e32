/**
 * Writes the knowledge base as the widget fetches it: the index (every
 * entry's words, no answers) and the answers in small files of their own,
 * all content-hashed, plus a small manifest that names the index. Hashed
 * files can be cached for a year; only the manifest, a few bytes, must be
 * fetched fresh to pick up a rebuilt knowledge base. All sit next to the
 * widget script in the output folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  joinAnswers,
  loadKnowledge,
  MANIFEST_FILE,
  PAYLOAD_FORMAT,
  splitAnswers,
  type Knowledge,
  type KnowledgeManifest,
  type KnowledgePayload,
} from '../engine/index.js';

const BUILT = /^admissions-chat\.(?:kb|answers)\.[0-9a-f]{10}\.json$/;

const hashOf = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 10);

/**
 * Writes index, answers files and manifest; removes the files of earlier
 * builds. Returns the file names written (index first).
 */
export function writePayload(outDir: string, payload: KnowledgePayload): { file: string; answers: string[] } {
  mkdirSync(outDir, { recursive: true });
  const { index, files } = splitAnswers(payload);
  const write = (kind: 'kb' | 'answers', json: string) => {
    const file = `admissions-chat.${kind}.${hashOf(json)}.json`;
    writeFileSync(join(outDir, file), json);
    return file;
  };
  index.answers!.files = files.map((html) => write('answers', JSON.stringify(html)));
  const file = write('kb', JSON.stringify(index));
  const manifest: KnowledgeManifest = { format: PAYLOAD_FORMAT, file, entries: payload.entries.length };
  // Write-then-rename: a server never reads a half-written manifest.
  writeFileSync(join(outDir, `${MANIFEST_FILE}.tmp`), JSON.stringify(manifest));
  renameSync(join(outDir, `${MANIFEST_FILE}.tmp`), join(outDir, MANIFEST_FILE));
  // Only now are the old files unreferenced: a failed write above leaves the previous build whole.
  const keep = new Set([file, ...index.answers!.files]);
  for (const old of readdirSync(outDir)) if (BUILT.test(old) && !keep.has(old)) rmSync(join(outDir, old));
  return { file, answers: index.answers!.files };
}

/** The built payload, found through the manifest in an output folder, with its answers joined back in. */
export function readPayload(outDir: string): KnowledgePayload {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(outDir, file), 'utf8'));
  const manifest = read(MANIFEST_FILE) as KnowledgeManifest;
  const index = read(manifest.file) as KnowledgePayload;
  return joinAnswers(index, index.answers?.files.map(read) ?? []);
}

/** Loads the built knowledge base from an output folder, every answer in. */
export function readBuilt(outDir: string): Knowledge {
  return loadKnowledge(readPayload(outDir));
}
