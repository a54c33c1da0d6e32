/**
 * Static files for the demo: the fictional center's pages and the built
 * widget. Content-hashed files are cached for a year; everything else is
 * revalidated, so a rebuilt manifest or loader is picked up at once.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const HASHED = /\.[0-9a-zA-Z_-]{8,}\.(?:js|json|css)$/;

/** Finds `pathname` in the first root that has it; null when none does. */
export async function serveStatic(roots: string[], pathname: string): Promise<Response | null> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) continue; // no ../ out of the root
    try {
      if (!(await stat(file)).isFile()) continue;
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      continue;
    }
  }
  return null;
}
