/**
 * Fetches the knowledge base. The loader starts the index the moment a
 * visitor shows intent, in parallel with the app chunk, so this carries none
 * of the engine; the app loads what arrives (knowledge.ts) and fetches each
 * answers file when an answer first needs it. A failure is forgotten, so the
 * next try fetches again.
 */
import { MANIFEST_FILE, type KnowledgeManifest } from '../engine/manifest.js';

/** Something that resolves once and is fetched again after a failure. */
export type Once<T> = () => Promise<T>;

/** Remembers `make`'s promise; a rejected one is forgotten, so the next call starts again. */
export function once<T>(make: () => Promise<T>): Once<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= make().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { credentials: 'omit', ...init });
  if (!response.ok) throw new Error(`admissions-chat: ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The parsed payload for the widget at `base` (the script's folder URL): the
 * small manifest fresh (it names the current build), then the
 * content-hashed payload, which the browser may cache for a year.
 */
export function payloadOf(base: string): Once<unknown> {
  return once(async () => {
    const manifest = await fetchJson<KnowledgeManifest>(new URL(MANIFEST_FILE, base).href, { cache: 'no-cache' });
    return fetchJson<unknown>(new URL(manifest.file, base).href);
  });
}

/** Fetches the knowledge base's answers files next to the script, each once (they are content-hashed). */
export function answersOf(base: string): (file: string) => Promise<unknown> {
  const files = new Map<string, Once<unknown>>();
  return (file) => {
    let get = files.get(file);
    if (!get) files.set(file, (get = once(() => fetchJson<unknown>(new URL(file, base).href))));
    return get();
  };
}
