/**
 * Fetches the prebuilt knowledge base from next to the widget script: the
 * small manifest fresh (it names the current build), then the
 * content-hashed payload, which the browser may cache for a year. One
 * promise is shared by every caller; a failure is forgotten so the next
 * open tries again.
 */
import { loadKnowledge, MANIFEST_FILE, type Knowledge, type KnowledgeManifest } from '../engine/index.js';

// One fetch per widget folder; a page could, oddly, embed two builds.
const pending = new Map<string, Promise<Knowledge>>();

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { credentials: 'omit', ...init });
  if (!response.ok) throw new Error(`admissions-chat: ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The knowledge base for the widget at `base` (the script's folder URL). */
export function fetchKnowledge(base: string): Promise<Knowledge> {
  let knowledge = pending.get(base);
  if (!knowledge) {
    knowledge = (async () => {
      const manifest = await fetchJson<KnowledgeManifest>(new URL(MANIFEST_FILE, base).href, { cache: 'no-cache' });
      return loadKnowledge(await fetchJson(new URL(manifest.file, base).href));
    })().catch((error: unknown) => {
      pending.delete(base);
      throw error;
    });
    pending.set(base, knowledge);
  }
  return knowledge;
}
