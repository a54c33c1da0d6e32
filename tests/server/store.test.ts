import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/index.js';
import { tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openStore', () => {
  it('upgrades a database from the first version in place: old rows kept, read as "no voicemail"', () => {
    const dir = tempDir();
    dirs.push(dir);
    const old = new Database(join(dir, 'callbacks.sqlite'));
    old.exec(`CREATE TABLE callback_requests (
      id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL UNIQUE, first_name TEXT NOT NULL, phone TEXT NOT NULL,
      best_time TEXT NOT NULL, for_whom TEXT NOT NULL, consent_calls INTEGER NOT NULL, consent_texts INTEGER NOT NULL,
      consent_text TEXT NOT NULL, consent_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'new', created_at TEXT NOT NULL);
      INSERT INTO callback_requests (request_id, first_name, phone, best_time, for_whom, consent_calls, consent_texts, consent_text, consent_at, created_at)
      VALUES ('3b241101-e2bb-4255-8caf-4136c566a962', 'Ana', '+15552345678', 'now', 'self', 1, 0, 'I agree.', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');`);
    old.close();

    const store = openStore(dir);
    expect(store.list()).toEqual([
      expect.objectContaining({ id: 1, firstName: 'Ana', voicemail: false, status: 'new', consent: { calls: true, texts: false, text: 'I agree.', at: '2026-11-01T00:00:00.000Z' } }),
    ]);
    expect(store.list()[0]).not.toHaveProperty('insurance');
    store.close();
    // Opening again runs no step twice.
    openStore(dir).close();
  });

  it('writes the request and its notices together, and nothing for a repeat', () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openStore(dir);
    const request = {
      requestId: '3b241101-e2bb-4255-8caf-4136c566a962',
      firstName: 'Ana',
      phone: '+15552345678',
      forWhom: 'self' as const,
      bestTime: 'now' as const,
      voicemail: true,
      consent: { calls: true as const, texts: false, text: 'I agree.', at: '2026-11-01T00:00:00.000Z' },
    };
    const notices = [{ channel: 'webhook', text: 'New callback request' }, { channel: 'email', text: 'New callback request' }];
    const now = new Date('2026-11-22T12:00:00Z');
    expect(store.insert(request, notices, now).created).toBe(true);
    expect(store.insert(request, notices, now).created).toBe(false);
    expect(store.due(now, ['webhook', 'email'], 10)).toHaveLength(2);
    expect(store.due(now, ['webhook'], 10)).toHaveLength(1);
    const [first] = store.due(now, ['webhook'], 10);
    store.failed(first.id, 'down', new Date('2026-11-22T12:00:05Z'));
    expect(store.due(now, ['webhook'], 10)).toEqual([]);
    expect(store.nextDue(['webhook'])).toEqual(new Date('2026-11-22T12:00:05Z'));
    store.delivered(first.id, now);
    expect(store.nextDue(['webhook'])).toBeNull();
    store.close();
  });
});
