/**
 * Writes the payload as a content-hashed file plus a small manifest that
 * names it. The hashed file can be cached for a year; only the manifest,
 * a few bytes, must be fetched fresh to pick up a rebuilt knowledge base.
 * Both sit next to the widget script in the output folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge, MANIFEST_FILE, PAYLOAD_FORMAT, type Knowledge, type KnowledgeManifest, type KnowledgePayload } from '../engine/index.js';

const PAYLOAD = /^admissions-chat\.kb\.[0-9a-f]{10}\.json$/;

/** Writes payload and manifest; removes payloads of earlier builds. Returns the payload's file name. */
export function writePayload(outDir: string, payload: KnowledgePayload): { file: string; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify(payload);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
  const file = `admissions-chat.kb.${hash}.json`;
  writeFileSync(join(outDir, file), json);
  const manifest: KnowledgeManifest = { format: PAYLOAD_FORMAT, file, entries: payload.entries.length };
  // Write-then-rename: a server never reads a half-written manifest.
  writeFileSync(join(outDir, `${MANIFEST_FILE}.tmp`), JSON.stringify(manifest));
  renameSync(join(outDir, `${MANIFEST_FILE}.tmp`), join(outDir, MANIFEST_FILE));
  // Only now is the old payload unreferenced: a failed write above leaves the previous build whole.
  for (const old of readdirSync(outDir)) if (PAYLOAD.test(old) && old !== file) rmSync(join(outDir, old));
  return { file, bytes: Buffer.byteLength(json) };
}

/** The built payload's JSON text, found through the manifest in an output folder. */
export function readPayloadText(outDir: string): string {
  const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')) as KnowledgeManifest;
  return readFileSync(join(outDir, manifest.file), 'utf8');
}

/** Loads the built knowledge base from an output folder, exactly as the widget would. */
export function readBuilt(outDir: string): Knowledge {
  return loadKnowledge(JSON.parse(readPayloadText(outDir)));
}
