/**
 * Delivers a callback request: the only network request the widget makes
 * with anything the visitor typed, and the one it must never lose.
 *
 * A send is retried with backoff on network errors, timeouts, 408, 429 and
 * 5xx (honouring Retry-After); one that still cannot get through is kept in
 * localStorage (outbox.ts) and re-sent on the next page load of the site,
 * until the receiver acknowledges it. The requestId made when the visitor pressed
 * send is the idempotency key, so a request sent twice is stored once.
 */
import type { CallbackRequest, FieldErrors } from '../shared/index.js';
import { forget, save, saved } from './outbox.js';

/** How one POST ended. */
export type Attempt =
  | { ok: true; id: number }
  | { ok: false; retry: boolean; status: number; message: string; fields?: FieldErrors; retryAfterMs?: number };

/** How a delivery ended, as the form shows it. */
export type Delivery =
  | { kind: 'sent'; id: number }
  | { kind: 'rejected'; message: string; fields?: FieldErrors }
  | { kind: 'saved' };

export interface DeliverOptions {
  /** POSTs before giving up for now (default 4). */
  attempts?: number;
  /** First wait; doubles each time (default 1 s). */
  baseMs?: number;
  /** Longest wait between attempts; a longer Retry-After means "keep it for later" (default 20 s). */
  maxWaitMs?: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  /** Told before each wait, with the attempt that just failed (1-based). */
  onRetry?(attempt: number, waitMs: number): void;
  sleep?(ms: number): Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date, in ms; undefined if absent or unreadable. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** One POST; never throws. */
export async function attempt(url: string, request: CallbackRequest, timeoutMs = 10_000): Promise<Attempt> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      credentials: 'omit',
      signal: abort.signal,
    });
    const body = (await response.json().catch(() => ({}))) as { id?: number; error?: string; details?: FieldErrors };
    if (response.ok && typeof body.id === 'number') return { ok: true, id: body.id };
    const retry = response.status === 408 || response.status === 429 || response.status >= 500 || response.ok;
    return {
      ok: false,
      retry,
      status: response.status,
      message: body.error ?? `The server answered ${response.status}.`,
      fields: body.details,
      retryAfterMs: retryAfter(response.headers.get('retry-after')),
    };
  } catch {
    return { ok: false, retry: true, status: 0, message: 'We could not reach our admissions team.' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends with retries; keeps the request for the next page load when the
 * receiver cannot be reached now. A rejection (400/422…) is final: the
 * form shows it next to the fields, nothing is saved.
 */
export async function deliver(url: string, request: CallbackRequest, options: DeliverOptions = {}): Promise<Delivery | { kind: 'unsaved' }> {
  const { attempts = 4, baseMs = 1000, maxWaitMs = 20_000, timeoutMs, onRetry, sleep = wait } = options;
  for (let n = 1; ; n++) {
    const r = await attempt(url, request, timeoutMs);
    if (r.ok) {
      forget(request.requestId);
      return { kind: 'sent', id: r.id };
    }
    if (!r.retry) return { kind: 'rejected', message: r.message, fields: r.fields };
    const pause = Math.max(r.retryAfterMs ?? 0, baseMs * 2 ** (n - 1));
    if (n >= attempts || pause > maxWaitMs) break;
    onRetry?.(n, pause);
    await sleep(pause);
  }
  return save(url, request) ? { kind: 'saved' } : { kind: 'unsaved' };
}

/**
 * Re-sends every saved request once. Acknowledged ones, and ones the
 * receiver rejects for good, are removed; the rest wait for the next time.
 * Returns the ones delivered now.
 */
export async function flush(timeoutMs?: number): Promise<{ requestId: string; id: number }[]> {
  const delivered: { requestId: string; id: number }[] = [];
  for (const s of saved()) {
    const r = await attempt(s.url, s.request, timeoutMs);
    if (r.ok) delivered.push({ requestId: s.request.requestId, id: r.id });
    else if (r.retry) continue;
    else console.warn(`admissions-chat: a saved callback request was refused (${r.status} ${r.message}); dropping it.`);
    forget(s.request.requestId);
  }
  return delivered;
}
