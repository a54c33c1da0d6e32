/**
 * The bench's own static server (node:http, 127.0.0.1, a free port): the
 * host pages, our dist files, the peers' bundles and a stub backend for
 * them. Nothing in a bench run reaches past localhost.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one path answers with. */
export interface Route {
  body: Buffer | string;
  type: string;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Content type from a file name. */
export function typeOf(name: string): string {
  return TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** A running server and every request it answered, in order. */
export interface Served {
  origin: string;
  requests: { path: string; status: number; bytes: number }[];
  close(): Promise<void>;
}

/**
 * Serves the routes; any path under `stubPrefix` answers 404 JSON (what a
 * peer widget gets from a backend that has no bot for it).
 */
export async function serve(routes: Map<string, Route>, stubPrefix = '/stub/'): Promise<Served> {
  const requests: Served['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.get(path);
    const [status, body, type] = route
      ? [200, route.body, route.type]
      : [404, JSON.stringify({ error: path.startsWith(stubPrefix) ? 'no bot here: bench stub' : 'not found' }), TYPES.json];
    const bytes = Buffer.byteLength(body);
    requests.push({ path, status, bytes });
    // Cold loads are made by fresh browser contexts, not by cache headers.
    res.writeHead(status, { 'content-type': type, 'content-length': bytes, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
