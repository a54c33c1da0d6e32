/** The admissions inbox: nothing without the token, everything escaped, status changes only from its own page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ago, displayPhone } from '../../src/server/admissions.js';
import { readConfig } from '../../src/server/index.js';
import { postCallback, startTestServer, TOKEN, validRequest, type TestServer } from './helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.cleanup());

const bearer = { authorization: `Bearer ${TOKEN}` };

function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

async function login(): Promise<string> {
  const res = await fetch(`${server.url}/admissions/login`, form({ token: TOKEN }, { origin: server.url }));
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  expect(cookie).not.toContain(TOKEN);
  return cookie.split(';')[0];
}

async function submit(overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await postCallback(server.url, validRequest(overrides));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe('without the token', { timeout: 60_000 }, () => {
  it('shows only a login prompt, with 401', async () => {
    await submit({ firstName: 'Hidden' });
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-0123456789' }, { cookie: 'ac_inbox=forged' }];
    for (const headers of attempts) {
      const res = await fetch(`${server.url}/admissions`, { headers });
      expect(res.status).toBe(401);
      const html = await res.text();
      expect(html).toContain('<form method="post" action="/admissions/login">');
      expect(html).not.toContain('Hidden');
    }
  });

  it('gives no JSON and changes nothing', async () => {
    expect((await fetch(`${server.url}/admissions.json`)).status).toBe(401);
    const id = await submit();
    const res = await fetch(`${server.url}/admissions/status`, form({ id: String(id), status: 'closed' }, { origin: server.url }));
    expect(res.status).toBe(401);
    expect(server.store.list().find((r) => r.id === id)!.status).toBe('new');
  });

  it('refuses a wrong token at the login form', async () => {
    const res = await fetch(`${server.url}/admissions/login`, form({ token: 'guess' }, { origin: server.url }));
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('not right');
  });
});

describe('with the token', { timeout: 60_000 }, () => {
  it('lists every field, newest first, escaped', async () => {
    await submit({ firstName: 'Older' });
    await submit({
      firstName: `Jo "Newest" O'Neil & co`,
      insurance: 'medicaid',
      state: 'NM',
      language: 'spanish',
      note: 'Ask for Jo & "only" after 5',
      center: 'Sunrise & Co',
      page: '/contact.html',
      voicemail: false,
    });
    const res = await fetch(`${server.url}/admissions`, { headers: bearer });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain('Jo &#34;Newest&#34; O&#39;Neil &#38; co');
    expect(html).toContain('Ask for Jo &#38; &#34;only&#34; after 5');
    for (const text of ['Medicaid', 'New Mexico (NM)', 'Español', 'Sunrise &#38; Co', '/contact.html', 'Do not leave a voicemail', '(555) 234-5678', 'Morning', 'Someone they care about']) {
      expect(html).toContain(text);
    }
    expect(html.indexOf('Newest')).toBeLessThan(html.indexOf('Older'));
  });

  it('logs in with the form and a cookie, and out again', async () => {
    const cookie = await login();
    expect((await fetch(`${server.url}/admissions`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${server.url}/admissions/logout`, form({}, { cookie, origin: server.url }));
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('marks a request called and closed from its own page', async () => {
    const cookie = await login();
    const id = await submit();
    for (const status of ['called', 'closed']) {
      const res = await fetch(`${server.url}/admissions/status`, form({ id: String(id), status }, { cookie, origin: server.url }));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/admissions#request-${id}`);
      expect(server.store.list().find((r) => r.id === id)!.status).toBe(status);
    }
  });

  it('refuses a status change from another site, or with no origin at all, when only the cookie vouches for it', async () => {
    const cookie = await login();
    const id = await submit();
    const forged: Record<string, string>[] = [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, {}, { origin: server.url, 'sec-fetch-site': 'cross-site' }];
    for (const headers of forged) {
      const res = await fetch(`${server.url}/admissions/status`, form({ id: String(id), status: 'closed' }, { cookie, ...headers }));
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect(server.store.list().find((r) => r.id === id)!.status).toBe('new');
  });

  it('accepts a status change with the bearer token and reports bad fields', async () => {
    const id = await submit();
    expect((await fetch(`${server.url}/admissions/status`, form({ id: String(id), status: 'called' }, bearer))).status).toBe(303);
    const bad = await fetch(`${server.url}/admissions/status`, form({ id: 'x', status: 'lost' }, bearer));
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as { details: object }).details).sort()).toEqual(['id', 'status']);
    expect((await fetch(`${server.url}/admissions/status`, form({ id: '999999', status: 'called' }, bearer))).status).toBe(404);
  });

  it('serves the same list as JSON', async () => {
    const id = await submit({ note: 'json' });
    const res = await fetch(`${server.url}/admissions.json`, { headers: bearer });
    expect(res.status).toBe(200);
    const { requests } = (await res.json()) as { requests: { id: number; note?: string; status: string }[] };
    expect(requests[0]).toMatchObject({ id, note: 'json', status: 'new' });
  });
});

describe('the token', () => {
  it('is made up at random when none is set, never a fixed default', () => {
    const a = readConfig({});
    const b = readConfig({});
    expect(a.admissionsTokenGenerated).toBe(true);
    expect(a.admissionsToken.length).toBeGreaterThanOrEqual(20);
    expect(a.admissionsToken).not.toBe(b.admissionsToken);
    expect(readConfig({ ADMISSIONS_TOKEN: TOKEN })).toMatchObject({ admissionsToken: TOKEN, admissionsTokenGenerated: false });
  });

  it('must be long enough when set', () => {
    expect(() => readConfig({ ADMISSIONS_TOKEN: 'secret' })).toThrow(/at least 16/);
  });
});

describe('formatting', () => {
  it('shows phone numbers and ages the way a person reads them', () => {
    expect(displayPhone('+15552345678')).toBe('(555) 234-5678');
    const now = new Date('2026-11-22T15:00:00Z');
    expect(ago('2026-11-22T14:59:50Z', now)).toBe('just now');
    expect(ago('2026-11-22T14:57:00Z', now)).toBe('3 min ago');
    expect(ago('2026-11-22T12:00:00Z', now)).toBe('3 h ago');
    expect(ago('2026-11-18T15:00:00Z', now)).toBe('4 days ago');
  });
});
