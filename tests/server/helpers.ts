/** A real receiver on a free port with a throwaway SQLite folder, and what tests send it. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type Running, type ServerSettings, type StartOptions } from '../../src/server/index.js';

export type TestServer = Running & { dataDir: string; cleanup(): Promise<void> };

export function tempDir(prefix = 'ac-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Rate limiting is off unless a test turns it on: most tests send many requests. */
export async function startTestServer(settings: Partial<ServerSettings> = {}, options: StartOptions = {}): Promise<TestServer> {
  const dataDir = settings.dataDir ?? tempDir();
  const running = await startServer(
    { port: 0, host: '127.0.0.1', staticDirs: [], rateLimitPerMinute: 0, admissionsToken: TOKEN, ...settings, dataDir },
    { log: () => {}, ...options },
  );
  return {
    ...running,
    dataDir,
    cleanup: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const TOKEN = 'test-token-0123456789abcdef';

/** A valid callback request body. */
export function validRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestId: crypto.randomUUID(),
    firstName: 'Sam',
    phone: '(555) 234-5678',
    forWhom: 'loved-one',
    bestTime: 'morning',
    voicemail: true,
    consent: { calls: true, texts: false, text: 'I agree that Sunrise Recovery may call me.', at: '2026-11-22T14:00:00.000Z' },
    ...overrides,
  };
}

/** POSTs a body (JSON unless it is a string) to /api/callbacks. */
export function postCallback(url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> {
  return fetch(`${url}/api/callbacks`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The requestIds in a data folder's database, read by a separate connection. */
export function storedRequestIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'callbacks.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { request_id: string }>('SELECT request_id FROM callback_requests').all().map((r) => r.request_id);
  } finally {
    db.close();
  }
}

/** Polls until `check` returns something truthy; fails after a generous timeout, never on speed. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
