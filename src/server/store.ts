/**
 * Callback requests in SQLite. A request is stored once per requestId (the
 * widget's idempotency key), and `insert` returns only after the row is on
 * disk: WAL with synchronous=FULL, so a 201 is never sent for a request a
 * crash could lose.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CallbackRequest } from '../shared/index.js';

/** A stored callback request. */
export interface StoredRequest extends CallbackRequest {
  id: number;
  status: 'new' | 'called' | 'closed';
  createdAt: string;
}

/** The store's operations. */
export interface Store {
  /** Stores the request unless its requestId is known; returns the stored row either way. */
  insert(request: CallbackRequest, now?: Date): { stored: StoredRequest; created: boolean };
  /** Every request, newest first. */
  list(): StoredRequest[];
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS callback_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  phone TEXT NOT NULL,
  best_time TEXT NOT NULL,
  for_whom TEXT NOT NULL,
  consent_calls INTEGER NOT NULL,
  consent_texts INTEGER NOT NULL,
  consent_text TEXT NOT NULL,
  consent_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new',
  created_at TEXT NOT NULL
);`;

interface Row {
  id: number;
  request_id: string;
  first_name: string;
  phone: string;
  best_time: CallbackRequest['bestTime'];
  for_whom: CallbackRequest['forWhom'];
  consent_texts: number;
  consent_text: string;
  consent_at: string;
  status: StoredRequest['status'];
  created_at: string;
}

function fromRow(r: Row): StoredRequest {
  return {
    id: r.id,
    requestId: r.request_id,
    firstName: r.first_name,
    phone: r.phone,
    bestTime: r.best_time,
    forWhom: r.for_whom,
    consent: { calls: true, texts: r.consent_texts === 1, text: r.consent_text, at: r.consent_at },
    status: r.status,
    createdAt: r.created_at,
  };
}

/** Opens (and creates) the database file `callbacks.sqlite` in dataDir. */
export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'callbacks.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO callback_requests
    (request_id, first_name, phone, best_time, for_whom, consent_calls, consent_texts, consent_text, consent_at, created_at)
    VALUES (@requestId, @firstName, @phone, @bestTime, @forWhom, 1, @texts, @consentText, @consentAt, @createdAt)
    ON CONFLICT(request_id) DO NOTHING`);
  const byRequestId = db.prepare<[string], Row>('SELECT * FROM callback_requests WHERE request_id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM callback_requests ORDER BY id DESC');
  return {
    insert(request, now = new Date()) {
      const { changes } = insert.run({
        requestId: request.requestId,
        firstName: request.firstName,
        phone: request.phone,
        bestTime: request.bestTime,
        forWhom: request.forWhom,
        texts: request.consent.texts ? 1 : 0,
        consentText: request.consent.text,
        consentAt: request.consent.at,
        createdAt: now.toISOString(),
      });
      return { stored: fromRow(byRequestId.get(request.requestId)!), created: changes === 1 };
    },
    list: () => all.all().map(fromRow),
    close: () => db.close(),
  };
}
