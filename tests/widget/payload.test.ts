import { afterEach, describe, expect, it, vi } from 'vitest';
import { once, payloadOf } from '../../src/widget/payload.js';

afterEach(() => vi.unstubAllGlobals());

describe('once', () => {
  it('shares one promise, and forgets a failure so the next call starts again', async () => {
    let calls = 0;
    const get = once(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return calls;
    });
    await expect(get()).rejects.toThrow('offline');
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
    expect(calls).toBe(2);
  });
});

describe('payloadOf', () => {
  it('reads the manifest fresh, then the payload it names, next to the script', async () => {
    const seen: [string, RequestInit | undefined][] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      seen.push([url, init]);
      return new Response(url.endsWith('kb.json') ? '{"file":"admissions-chat.kb.abc.json"}' : '{"entries":[]}');
    });
    expect(await payloadOf('https://cdn.example/widget/')()).toEqual({ entries: [] });
    expect(seen.map(([u]) => u)).toEqual(['https://cdn.example/widget/admissions-chat.kb.json', 'https://cdn.example/widget/admissions-chat.kb.abc.json']);
    expect(seen[0][1]).toMatchObject({ cache: 'no-cache', credentials: 'omit' });
    expect(seen[1][1]).toMatchObject({ credentials: 'omit' });
  });

  it('fails on an error status, and fetches again on the next call', async () => {
    let status = 503;
    vi.stubGlobal('fetch', async (url: string) => (url.endsWith('kb.json') ? new Response('{"file":"p.json"}', { status }) : new Response('{"ok":1}')));
    const payload = payloadOf('https://cdn.example/');
    await expect(payload()).rejects.toThrow(/answered 503/);
    status = 200;
    expect(await payload()).toEqual({ ok: 1 });
  });
});
