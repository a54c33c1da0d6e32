/**
 * The receiver as one function from Request to Response, over a store: easy
 * to test without a socket, and the only routing there is.
 */
import { validateCallbackRequest } from '../shared/index.js';
import { admissionsPage } from './admissions.js';
import { errorResponse, HttpError } from './errors.js';
import { serveStatic } from './static.js';
import type { Store } from './store.js';

/** Largest request body accepted, in bytes. */
export const MAX_BODY = 8 * 1024;

export interface HandlerOptions {
  store: Store;
  staticDirs: string[];
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send the callback request as application/json.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY) throw new HttpError(413, `The request body must be at most ${MAX_BODY} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY) throw new HttpError(413, `The request body must be at most ${MAX_BODY} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

async function postCallback(request: Request, store: Store): Promise<Response> {
  const result = validateCallbackRequest(await readJson(request));
  if (!result.ok) throw new HttpError(422, 'The callback request has invalid fields.', result.errors);
  const { stored, created } = store.insert(result.value);
  return Response.json({ id: stored.id, requestId: stored.requestId, status: stored.status }, { status: created ? 201 : 200 });
}

/** Makes the request handler. */
export function createHandler({ store, staticDirs }: HandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/callbacks') {
        if (request.method !== 'POST') throw new HttpError(405, 'Use POST to send a callback request.');
        return await postCallback(request, store);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Method not allowed.');
      if (pathname === '/admissions') {
        return new Response(admissionsPage(store.list()), {
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        });
      }
      const file = await serveStatic(staticDirs, pathname);
      if (file) return file;
      throw new HttpError(404, 'Not found.');
    } catch (error) {
      return errorResponse(error);
    }
  };
}
