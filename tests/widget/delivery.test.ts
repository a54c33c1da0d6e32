/** Callback delivery: retries, Retry-After, the localStorage outbox and its flush. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deliver, flush, retryAfter } from '../../src/widget/delivery.js';
import { hasSaved, saved } from '../../src/widget/outbox.js';
import type { CallbackRequest } from '../../src/shared/index.js';

const URL_ = 'http://localhost/api/callbacks';
const request = (n = 1): CallbackRequest => ({
  requestId: `00000000-0000-4000-8000-00000000000${n}`,
  firstName: 'Ana',
  phone: '+15552345678',
  forWhom: 'self',
  bestTime: 'now',
  voicemail: false,
  consent: { calls: true, texts: false, text: 'I agree.', at: '2026-11-22T10:00:00.000Z' },
});

/** A receiver that answers each POST with the next response in the list (the last one repeats). */
function receiver(...answers: (() => Response)[]) {
  const bodies: { requestId: string }[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return answers[Math.min(bodies.length - 1, answers.length - 1)]();
  });
  return bodies;
}
const down = () => {
  throw new TypeError('Failed to fetch');
};
const status = (code: number, headers: Record<string, string> = {}) => () => Response.json({ error: `answered ${code}` }, { status: code, headers });
const created = (id: number) => () => Response.json({ id, status: 'new' }, { status: 201 });

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter('3')).toBe(3000);
    expect(retryAfter('Sun, 22 Nov 2026 10:00:05 GMT', Date.parse('2026-11-22T10:00:00Z'))).toBe(5000);
    expect(retryAfter(null)).toBeUndefined();
    expect(retryAfter('soon')).toBeUndefined();
  });
});

describe('deliver', () => {
  it('retries network errors, 429 and 5xx with growing waits that honour Retry-After, with one idempotency key', async () => {
    const bodies = receiver(down, status(503), status(429, { 'retry-after': '7' }), created(5));
    const waits: number[] = [];
    const result = await deliver(URL_, request(), { attempts: 5, baseMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(result).toEqual({ kind: 'sent', id: 5 });
    expect(waits).toEqual([100, 200, 7000]);
    expect(new Set(bodies.map((b) => b.requestId))).toEqual(new Set([request().requestId]));
    expect(hasSaved()).toBe(false);
  });

  it('does not retry a rejection, and keeps nothing', async () => {
    const bodies = receiver(() => Response.json({ error: 'Invalid.', details: { phone: 'Bad number.' } }, { status: 422 }));
    expect(await deliver(URL_, request(), { sleep: async () => undefined })).toEqual({ kind: 'rejected', message: 'Invalid.', fields: { phone: 'Bad number.' } });
    expect(bodies).toHaveLength(1);
    expect(hasSaved()).toBe(false);
  });

  it('keeps the request in localStorage when every attempt fails, or the wait asked for is too long', async () => {
    receiver(down);
    expect(await deliver(URL_, request(1), { attempts: 3, sleep: async () => undefined })).toEqual({ kind: 'saved' });
    receiver(status(429, { 'retry-after': '3600' }));
    expect(await deliver(URL_, request(2), { sleep: async () => undefined })).toEqual({ kind: 'saved' });
    expect(saved().map((s) => s.request.requestId)).toEqual([request(1).requestId, request(2).requestId]);
  });

  it('says so when this browser cannot keep it either', async () => {
    receiver(down);
    // As in a sandboxed frame or with storage blocked: touching localStorage throws.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(await deliver(URL_, request(), { attempts: 1 })).toEqual({ kind: 'unsaved' });
    vi.restoreAllMocks();
  });
});

describe('flush', () => {
  it('sends what was kept: delivered ones and refused ones leave, unreachable ones stay', async () => {
    receiver(down);
    for (const n of [1, 2, 3]) await deliver(URL_, request(n), { attempts: 1 });
    const bodies = receiver(created(11), status(422), status(502));
    expect(await flush()).toEqual([{ requestId: request(1).requestId, id: 11 }]);
    expect(bodies.map((b) => b.requestId)).toEqual([1, 2, 3].map((n) => request(n).requestId));
    expect(saved().map((s) => s.request.requestId)).toEqual([request(3).requestId]);
    receiver(created(12));
    expect(await flush()).toEqual([{ requestId: request(3).requestId, id: 12 }]);
    expect(hasSaved()).toBe(false);
  });

  it('drops requests kept for more than a month', async () => {
    receiver(down);
    await deliver(URL_, request(), { attempts: 1 });
    expect(saved(Date.now() + 31 * 24 * 3600 * 1000)).toEqual([]);
  });
});
