/**
 * Bytes of what a page loads: raw, gzip (level 9, as a static host would
 * precompress) and brotli (quality 11). Sizes come from the files on disk;
 * which files belong to which phase comes from what Chromium actually
 * requested (chromium.ts), or, without a browser, from the file names.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export function sizeOf(body: Buffer | string): Size {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function addSizes(sizes: readonly Size[]): Size {
  return sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/**
 * A private copy of the built widget, taken once: other builds on a shared
 * machine may rewrite `dist` while the bench runs, and sizes must be of the
 * files that were served. Throws when the copy is not one build (the loader
 * names an app chunk, the manifest a payload, that the copy lacks).
 */
export function snapshot(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'admissions-chat-dist-'));
  cpSync(dist, dir, { recursive: true });
  const files = readdirSync(dir);
  const loader = readFileSync(join(dir, 'admissions-chat.js'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(dir, 'admissions-chat.kb.json'), 'utf8')) as { file: string };
  const app = files.find((f) => /^admissions-chat\.app\..+\.js$/.test(f) && loader.includes(f));
  if (!app || !files.includes(manifest.file)) throw new Error(`${dist} changed while it was copied (another build?): run the bench again`);
  return dir;
}

/** When a widget file is needed. */
export type Phase = 'before interaction' | 'for the first answer' | 'later, on demand';

const ORDER: Phase[] = ['before interaction', 'for the first answer', 'later, on demand'];

export interface FileSize extends Size {
  file: string;
  phase: Phase;
}

/**
 * Without a browser: only the loader runs on page load; the app chunk,
 * manifest and index come with the first question (and one answers file,
 * which only a browser run can name); the callback form and the other
 * answers files later.
 */
export function phaseByName(file: string): Phase | null {
  if (file === 'admissions-chat.js') return 'before interaction';
  if (/^admissions-chat\.(?:callback-form\..+\.js|answers\..+\.json)$/.test(file)) return 'later, on demand';
  if (/^admissions-chat\..+\.(js|json|css)$/.test(file)) return 'for the first answer';
  return null;
}

/** Every widget file in `dist`, sized, with the phase the browser (or the name) says it belongs to; files neither phase fetched are 'later, on demand'. */
export function distSizes(dist: string, phases: ReadonlyMap<string, Phase> | null): FileSize[] {
  return readdirSync(dist)
    .filter((file) => phaseByName(file))
    .map((file) => ({ file, phase: (phases ? phases.get(file) ?? 'later, on demand' : phaseByName(file)) as Phase, ...sizeOf(readFileSync(join(dist, file))) }))
    .sort((a, b) => (a.phase === b.phase ? b.gzip - a.gzip : ORDER.indexOf(a.phase) - ORDER.indexOf(b.phase)));
}

