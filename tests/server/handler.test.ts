/** POST /api/callbacks and static files, against the real server and a real SQLite file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postCallback, startTestServer, storedRequestIds, tempDir, validRequest, type TestServer } from './helpers.js';

let server: TestServer;
let site: string;

beforeAll(async () => {
  site = tempDir('ac-site-');
  mkdirSync(join(site, 'sub'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(site, 'sub', 'index.html'), 'sub');
  writeFileSync(join(site, 'admissions-chat.kb.0123456789.json'), '{}');
  server = await startTestServer({ staticDirs: [site], allowedOrigins: ['https://www.sunrise.example'] });
});
afterAll(() => server.cleanup());

const post = (body: unknown, headers?: Record<string, string>) => postCallback(server.url, body, headers);

async function details(res: Response): Promise<Record<string, string>> {
  const body = (await res.json()) as { error: string; details?: Record<string, string> };
  expect(body.error).toEqual(expect.any(String));
  return body.details ?? {};
}

/** Every bad request must leave the server answering the next good one. */
async function stillServing(): Promise<void> {
  expect((await post(validRequest())).status).toBe(201);
}

describe('POST /api/callbacks', { timeout: 60_000 }, () => {
  it('stores a valid request with every field and answers 201 with its id', async () => {
    const request = validRequest({ insurance: 'tricare', state: 'tx', language: 'english', note: 'Ask for Sam', center: 'Sunrise', page: '/contact' });
    const res = await post(request);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number; requestId: string; status: string };
    expect(body).toEqual({ id: expect.any(Number), requestId: request.requestId, status: 'new' });
    const stored = server.store.list().find((r) => r.id === body.id);
    expect(stored).toMatchObject({ phone: '+15552345678', voicemail: true, insurance: 'tricare', state: 'TX', language: 'english', note: 'Ask for Sam', page: '/contact' });
  });

  it('stores a request retried five times once: 201 first, then 200 with the same id', async () => {
    const request = validRequest();
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(request);
      answers.push({ status: res.status, id: ((await res.json()) as { id: number }).id });
    }
    expect(answers.map((a) => a.status)).toEqual([201, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(storedRequestIds(server.dataDir).filter((id) => id === request.requestId)).toHaveLength(1);
  });

  it('stores 500 concurrent submissions exactly once each', async () => {
    const before = storedRequestIds(server.dataDir).length;
    const requests = Array.from({ length: 500 }, () => validRequest());
    // Each one twice, at the same time: a retry racing its original.
    const answers = await Promise.all([...requests, ...requests].map((r) => post(r).then((res) => res.status)));
    expect(answers.filter((s) => s === 201)).toHaveLength(500);
    expect(answers.filter((s) => s === 200)).toHaveLength(500);
    const ids = storedRequestIds(server.dataDir);
    expect(ids.length - before).toBe(500);
    const sent = new Set(requests.map((r) => r.requestId as string));
    expect(ids.filter((id) => sent.has(id))).toHaveLength(500);
  }, 120_000);

  it('rejects wrong types with 422 and one message per field', async () => {
    const res = await post(validRequest({ phone: 12345, bestTime: 'midnight', voicemail: 'yes', consent: { calls: false, texts: 'no', text: 'x', at: 'later' } }));
    expect(res.status).toBe(422);
    const fields = await details(res);
    expect(Object.keys(fields).sort()).toEqual(['bestTime', 'consent.at', 'consent.calls', 'consent.texts', 'phone', 'voicemail']);
    expect(fields.phone).toMatch(/US phone number/);
    await stillServing();
  });

  it('rejects a request without consent to be called', async () => {
    const res = await post(validRequest({ consent: undefined }));
    expect(res.status).toBe(422);
    expect((await details(res)).consent).toMatch(/Consent/);
    await stillServing();
  });

  it('rejects script tags and markup in text fields', async () => {
    const res = await post(validRequest({ firstName: '<script>alert(1)</script>', note: '<b>hi</b>' }));
    expect(res.status).toBe(422);
    const fields = await details(res);
    expect(fields.firstName).toMatch(/not allowed/);
    expect(fields.note).toMatch(/not allowed/);
    expect(server.store.list().some((r) => r.firstName.includes('script'))).toBe(false);
    await stillServing();
  });

  it('rejects fields the schema does not have, such as health details', async () => {
    const res = await post(validRequest({ diagnosis: 'x', substance: 'y' }));
    expect(res.status).toBe(422);
    expect(Object.keys(await details(res)).sort()).toEqual(['diagnosis', 'substance']);
    await stillServing();
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await post('{"firstName": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not valid JSON/);
    await stillServing();
  });

  it('rejects a body that is not JSON with 415', async () => {
    const res = await post('firstName=Sam', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(await details(res)).toHaveProperty('content-type');
    await stillServing();
  });

  it('rejects a body over 8 KB with 413, declared or streamed', async () => {
    const res = await post(validRequest({ firstName: 'x'.repeat(9000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/at most 8192 bytes/);
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(' '.repeat(1000)));
        c.close();
      },
    });
    const streamed = await fetch(`${server.url}/api/callbacks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    await stillServing();
  });

  it('rejects other methods with 405', async () => {
    const res = await fetch(`${server.url}/api/callbacks`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('keeps serving after every kind of bad input in a row', async () => {
    await post('{');
    await post('x'.repeat(20_000));
    await post([1, 2, 3]);
    await post('null');
    await post('"\u0000"');
    await stillServing();
  });
});

describe('origins', { timeout: 60_000 }, () => {
  const from = (origin: string) => ({ 'content-type': 'application/json', origin });

  it('accepts a request without Origin or from its own pages, with no CORS headers', async () => {
    for (const headers of [undefined, from(server.url)]) {
      const res = await post(validRequest(), headers);
      expect(res.status).toBe(201);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers an allowed origin with CORS headers, errors included', async () => {
    const ok = await post(validRequest(), from('https://www.sunrise.example'));
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.sunrise.example');
    expect(ok.headers.get('vary')).toBe('Origin');
    const bad = await post(validRequest({ phone: 'x' }), from('https://www.sunrise.example'));
    expect(bad.status).toBe(422);
    expect(bad.headers.get('access-control-allow-origin')).toBe('https://www.sunrise.example');
  });

  it('answers a preflight from an allowed origin', async () => {
    const res = await fetch(`${server.url}/api/callbacks`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.sunrise.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.sunrise.example');
    expect(res.headers.get('access-control-allow-methods')).toBe('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('refuses any other origin with 403, preflight or not, and stores nothing', async () => {
    const request = validRequest();
    for (const origin of ['https://evil.example', 'http://www.sunrise.example', 'null']) {
      const res = await post(request, from(origin));
      expect(res.status, origin).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(await details(res)).toHaveProperty('origin');
      const preflight = await fetch(`${server.url}/api/callbacks`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(403);
    }
    expect(storedRequestIds(server.dataDir)).not.toContain(request.requestId);
    await stillServing();
  });

  it('allows no other origin by default', async () => {
    const plain = await startTestServer();
    try {
      expect((await postCallback(plain.url, validRequest(), from('https://www.sunrise.example'))).status).toBe(403);
      expect((await postCallback(plain.url, validRequest(), from(plain.url))).status).toBe(201);
    } finally {
      await plain.cleanup();
    }
  });
});

describe('rate limit', { timeout: 60_000 }, () => {
  it('answers the N+1th request from one IP with 429 and Retry-After, and keeps serving others', async () => {
    const limited = await startTestServer({ rateLimitPerMinute: 3, trustProxy: true });
    const as = (ip: string) => ({ 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.9, ${ip}` });
    try {
      for (let i = 0; i < 3; i++) expect((await postCallback(limited.url, validRequest(), as('198.51.100.1'))).status).toBe(201);
      const res = await postCallback(limited.url, validRequest(), as('198.51.100.1'));
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await res.json()) as { error: string }).error).toMatch(/Too many/);
      expect((await postCallback(limited.url, validRequest(), as('198.51.100.2'))).status).toBe(201);
    } finally {
      await limited.cleanup();
    }
  });
});

describe('static files', { timeout: 60_000 }, () => {
  it('serves index.html for a folder and 404 for what is not there', async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>home</title>');
    expect(await (await fetch(`${server.url}/sub/`)).text()).toBe('sub');
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside its roots', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%00']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(404);
    }
  });

  it('caches content-hashed files for a year and revalidates the rest', async () => {
    const hashed = await fetch(`${server.url}/admissions-chat.kb.0123456789.json`);
    expect(hashed.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/`)).headers.get('cache-control')).toBe('no-cache');
  });
});
