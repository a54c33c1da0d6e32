/**
 * The receiver as one function from Request to Response, over a store: easy
 * to test without a socket, and the only routing there is.
 */
import { auth } from './auth.js';
import { callbacks } from './callbacks.js';
import type { ServerConfig } from './config.js';
import { errorResponse, HttpError } from './errors.js';
import { inbox } from './inbox.js';
import { rateLimit } from './rate-limit.js';
import { serveStatic } from './static.js';
import type { Store } from './store.js';

/** Who sent the request, as the socket saw it. */
export interface Client {
  ip: string;
}

export type Handler = (request: Request, client?: Client) => Promise<Response>;

export interface HandlerOptions {
  store: Store;
  config: ServerConfig;
  /** The inbox's address as the team opens it, for notifications. */
  inboxUrl: string;
  /** Channels a new request is announced on. */
  channels: string[];
  /** Called after a new request was stored. */
  stored(): void;
}

// Behind a reverse proxy every socket is the proxy's; it appends the real
// client as the last X-Forwarded-For entry (earlier ones are the client's say).
function clientIp(request: Request, client: Client | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',').pop()?.trim() : undefined;
  return forwarded || client?.ip || 'unknown';
}

/** Makes the request handler. */
export function createHandler({ store, config, inboxUrl, channels, stored }: HandlerOptions): Handler {
  const callbackRoute = { store, config, limit: rateLimit(config.rateLimitPerMinute), channels, inboxUrl, stored };
  const inboxRoute = {
    store,
    auth: auth(config.admissionsToken, inboxUrl.startsWith('https:')),
    limit: rateLimit(config.rateLimitPerMinute),
    publicUrl: config.publicUrl,
  };
  return async (request, client) => {
    try {
      const { pathname } = new URL(request.url);
      const ip = clientIp(request, client, config.trustProxy);
      if (pathname === '/api/callbacks') return await callbacks(request, ip, callbackRoute);
      const page = await inbox(request, pathname, ip, inboxRoute);
      if (page) return page;
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Method not allowed.');
      const file = await serveStatic(config.staticDirs, pathname);
      if (file) return file;
      throw new HttpError(404, 'Not found.');
    } catch (error) {
      return errorResponse(error);
    }
  };
}
