import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, validRequest } from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let site: string;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'ac-site-'));
  mkdirSync(join(site, 'sub'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(site, 'sub', 'index.html'), 'sub');
  writeFileSync(join(site, 'admissions-chat.kb.0123456789.json'), '{}');
  server = await startTestServer([site]);
});
afterAll(() => server.cleanup());

function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${server.url}/api/callbacks`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('POST /api/callbacks', () => {
  it('stores a valid request and answers 201 with its id', async () => {
    const res = await post(validRequest());
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number };
    expect(body.id).toBeGreaterThan(0);
    expect(server.store.list().some((r) => r.id === body.id && r.phone === '+15552345678')).toBe(true);
  });

  it('stores the same requestId once, however often it is sent', async () => {
    const request = validRequest();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(((await (await post(request)).json()) as { id: number }).id);
    expect(new Set(ids).size).toBe(1);
    expect(server.store.list().filter((r) => r.requestId === request.requestId)).toHaveLength(1);
  });

  it('answers a retried request with 200, not a second 201', async () => {
    const request = validRequest();
    expect((await post(request)).status).toBe(201);
    expect((await post(request)).status).toBe(200);
  });

  it('rejects invalid fields with 422 and one message per field', async () => {
    const res = await post(validRequest({ phone: '12345', bestTime: 'midnight', consent: { calls: false, texts: false, text: 'x', at: 'later' } }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; details: Record<string, string> };
    expect(Object.keys(body.details).sort()).toEqual(['bestTime', 'consent.at', 'consent.calls', 'phone']);
    expect(body.details.phone).toMatch(/US phone number/);
  });

  it('rejects a request without consent to be called', async () => {
    const res = await post(validRequest({ consent: undefined }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { details: Record<string, string> }).details.consent).toMatch(/Consent/);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await post('{"firstName": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not valid JSON/);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const res = await post('firstName=Sam', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('rejects a body over 8 KB with 413', async () => {
    const res = await post(validRequest({ firstName: 'x'.repeat(9000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/at most 8192 bytes/);
  });

  it('rejects other methods with 405', async () => {
    expect((await fetch(`${server.url}/api/callbacks`)).status).toBe(405);
  });

  it('keeps serving after every kind of bad input', async () => {
    await post('{');
    await post('x'.repeat(20_000));
    await post([1, 2, 3]);
    expect((await post(validRequest())).status).toBe(201);
  });
});

describe('GET /admissions', () => {
  it('lists stored requests newest first, with names escaped', async () => {
    await post(validRequest({ firstName: 'Older' }));
    expect((await post(validRequest({ firstName: `Jo "Newest" O'Neil & co` }))).status).toBe(201);
    const html = await (await fetch(`${server.url}/admissions`)).text();
    expect(html).toContain('Jo &#34;Newest&#34; O&#39;Neil &#38; co');
    expect(html.indexOf('Newest')).toBeLessThan(html.indexOf('Older'));
  });
});

describe('static files', () => {
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
