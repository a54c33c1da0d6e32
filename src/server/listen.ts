/**
 * The Node edge: the only file that touches node:http. It turns a Node
 * request into a web Request (refusing bodies over the limit while they
 * stream in), and a web Response back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Handler } from './handler.js';

async function toRequest(req: IncomingMessage, base: string, maxBody: number): Promise<Request | 'too-large'> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const method = req.method ?? 'GET';
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) return 'too-large';
      chunks.push(chunk as Buffer);
    }
    body = Buffer.concat(chunks).toString('utf8');
  }
  return new Request(new URL(req.url ?? '/', base), { method, headers, body });
}

async function send(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  const body = head || !response.body ? null : Buffer.from(await response.arrayBuffer());
  res.end(body);
}

/**
 * Serves a web handler over HTTP.
 *
 * @param handler Request -> Response
 * @param maxBody bodies larger than this are refused with 413 without being read whole
 */
export function listen(
  handler: Handler,
  { port, host, maxBody }: { port: number; host: string; maxBody: number },
): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await toRequest(req, `http://${req.headers.host ?? `${host}:${port}`}`, maxBody);
        if (request === 'too-large') {
          res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
          res.end(JSON.stringify({ error: `The request body must be at most ${maxBody} bytes.` }));
          return;
        }
        await send(res, await handler(request, { ip: req.socket.remoteAddress ?? 'unknown' }), req.method === 'HEAD');
      } catch (error) {
        // A client that hung up mid-request is not a server fault.
        if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
        console.error('admissions-chat server:', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'Something went wrong on our side.' }));
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
