/**
 * POST /api/callbacks: the one door a visitor's words come in by. Checked
 * in order of cost: the page's origin, the client's rate, the media type,
 * the size, the JSON, the schema. Only then is the request stored, with its
 * notifications, and the 201 sent once it is on disk.
 */
import { validateCallbackRequest } from '../shared/index.js';
import type { ServerConfig } from './config.js';
import { errorResponse, HttpError } from './errors.js';
import { noticeText } from './notify.js';
import { corsHeaders } from './origin.js';
import type { RateLimit } from './rate-limit.js';
import type { Store } from './store.js';

/** Largest request body accepted, in bytes. */
export const MAX_BODY = 8 * 1024;

export interface CallbackRoute {
  store: Store;
  config: Pick<ServerConfig, 'allowedOrigins' | 'publicUrl'>;
  limit: RateLimit;
  /** Channels a new request is announced on. */
  channels: string[];
  inboxUrl: string;
  /** Called after a request was stored, to deliver its notifications now. */
  stored(): void;
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send the callback request as application/json.', { 'content-type': 'Expected application/json.' });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY) throw new HttpError(413, `The request body must be at most ${MAX_BODY} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY) throw new HttpError(413, `The request body must be at most ${MAX_BODY} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.', { body: 'Not valid JSON.' });
  }
}

async function post(request: Request, ip: string, route: CallbackRoute): Promise<Response> {
  const wait = route.limit.take(ip);
  if (wait) throw new HttpError(429, `Too many callback requests from here; try again in ${wait} s, or call us.`, undefined, { 'retry-after': String(wait) });
  const result = validateCallbackRequest(await readJson(request));
  if (!result.ok) throw new HttpError(422, 'The callback request has invalid fields.', result.errors);
  const text = noticeText(result.value, route.inboxUrl);
  const { stored, created } = route.store.insert(
    result.value,
    route.channels.map((channel) => ({ channel, text })),
  );
  if (created) route.stored();
  return Response.json({ id: stored.id, requestId: stored.requestId, status: stored.status }, { status: created ? 201 : 200 });
}

/** Answers a request to /api/callbacks, preflight included. */
export async function callbacks(request: Request, ip: string, route: CallbackRoute): Promise<Response> {
  const cors = corsHeaders(request, route.config.allowedOrigins, route.config.publicUrl);
  if (!cors) {
    return errorResponse(
      new HttpError(403, 'Callback requests are not accepted from this site.', { origin: 'This origin may not send callback requests here.' }),
    );
  }
  let response: Response;
  try {
    if (request.method === 'OPTIONS') response = new Response(null, { status: 204 });
    else if (request.method === 'POST') response = await post(request, ip, route);
    else throw new HttpError(405, 'Use POST to send a callback request.', undefined, { allow: 'POST, OPTIONS' });
  } catch (error) {
    response = errorResponse(error);
  }
  for (const [key, value] of Object.entries(cors)) response.headers.set(key, value);
  return response;
}
