/**
 * Callback requests and their pending notifications in SQLite. A request is
 * stored once per requestId (the widget's idempotency key), together with
 * its notifications in the same transaction, so a notification can be late
 * but never lost. `insert` returns only after the row is on disk: WAL with
 * synchronous=FULL, so a 201 is never sent for a request a crash could lose.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CallbackRequest } from '../shared/index.js';

export const STATUSES = ['new', 'called', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** A stored callback request. */
export interface StoredRequest extends CallbackRequest {
  id: number;
  status: Status;
  createdAt: string;
}

/** A notification waiting to be delivered on one channel. */
export interface Notice {
  id: number;
  channel: string;
  /** What to send, fixed when the request was stored: no health details. */
  text: string;
  attempts: number;
}

/** The store's operations. */
export interface Store {
  /**
   * Stores the request unless its requestId is known, and with it one
   * notice per channel; returns the stored row either way.
   */
  insert(request: CallbackRequest, notices: { channel: string; text: string }[], now?: Date): { stored: StoredRequest; created: boolean };
  /** Every request, newest first. */
  list(): StoredRequest[];
  /** Sets a request's status; false when there is no such request. */
  setStatus(id: number, status: Status): boolean;
  /** Notices for these channels not yet delivered whose next attempt is due, oldest first. */
  due(now: Date, channels: string[], limit: number): Notice[];
  /** When the next undelivered notice for these channels is due, or null when none waits. */
  nextDue(channels: string[]): Date | null;
  delivered(id: number, now: Date): void;
  failed(id: number, error: string, next: Date): void;
  close(): void;
}

// Each step runs once, in order; PRAGMA user_version counts the steps done.
// Step 1 is the original table, so a database from an older version gains
// the new columns instead of failing.
const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS callback_requests (
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
  );`,
  // Older rows never asked about voicemail: 0, because "don't" is the safe guess.
  `ALTER TABLE callback_requests ADD COLUMN voicemail INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE callback_requests ADD COLUMN insurance TEXT;
  ALTER TABLE callback_requests ADD COLUMN state TEXT;
  ALTER TABLE callback_requests ADD COLUMN language TEXT;
  ALTER TABLE callback_requests ADD COLUMN note TEXT;
  ALTER TABLE callback_requests ADD COLUMN center TEXT;
  ALTER TABLE callback_requests ADD COLUMN page TEXT;
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    callback_id INTEGER NOT NULL REFERENCES callback_requests(id),
    channel TEXT NOT NULL,
    text TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    delivered_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;`,
];

interface Row {
  id: number;
  request_id: string;
  first_name: string;
  phone: string;
  best_time: CallbackRequest['bestTime'];
  for_whom: CallbackRequest['forWhom'];
  voicemail: number;
  insurance: CallbackRequest['insurance'] | null;
  state: CallbackRequest['state'] | null;
  language: CallbackRequest['language'] | null;
  note: string | null;
  center: string | null;
  page: string | null;
  consent_texts: number;
  consent_text: string;
  consent_at: string;
  status: Status;
  created_at: string;
}

function fromRow(r: Row): StoredRequest {
  const optional = { insurance: r.insurance, state: r.state, language: r.language, note: r.note, center: r.center, page: r.page };
  return {
    id: r.id,
    requestId: r.request_id,
    firstName: r.first_name,
    phone: r.phone,
    forWhom: r.for_whom,
    bestTime: r.best_time,
    voicemail: r.voicemail === 1,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
    consent: { calls: true, texts: r.consent_texts === 1, text: r.consent_text, at: r.consent_at },
    status: r.status,
    createdAt: r.created_at,
  };
}

function migrate(db: Database.Database): void {
  const done = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    MIGRATIONS.slice(done).forEach((step) => db.exec(step));
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

/** Opens (and creates) the database file `callbacks.sqlite` in dataDir. */
export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'callbacks.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const insertRequest = db.prepare(`INSERT INTO callback_requests
    (request_id, first_name, phone, best_time, for_whom, voicemail, insurance, state, language, note, center, page,
     consent_calls, consent_texts, consent_text, consent_at, created_at)
    VALUES (@requestId, @firstName, @phone, @bestTime, @forWhom, @voicemail, @insurance, @state, @language, @note, @center, @page,
     1, @texts, @consentText, @consentAt, @createdAt)
    ON CONFLICT(request_id) DO NOTHING`);
  const insertNotice = db.prepare(`INSERT INTO outbox (callback_id, channel, text, next_attempt_at, created_at)
    VALUES (?, ?, ?, ?, ?)`);
  const byRequestId = db.prepare<[string], Row>('SELECT * FROM callback_requests WHERE request_id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM callback_requests ORDER BY id DESC');
  const updateStatus = db.prepare('UPDATE callback_requests SET status = ? WHERE id = ?');
  const due = db.prepare<[string, string, number], Notice>(`SELECT id, channel, text, attempts FROM outbox
    WHERE delivered_at IS NULL AND next_attempt_at <= ? AND channel IN (SELECT value FROM json_each(?))
    ORDER BY next_attempt_at, id LIMIT ?`);
  const nextDue = db.prepare<[string], { at: string | null }>(`SELECT MIN(next_attempt_at) AS at FROM outbox
    WHERE delivered_at IS NULL AND channel IN (SELECT value FROM json_each(?))`);
  const delivered = db.prepare('UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?');
  const failed = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?');

  const insert = db.transaction((request: CallbackRequest, notices: { channel: string; text: string }[], now: Date) => {
    const createdAt = now.toISOString();
    const { changes } = insertRequest.run({
      requestId: request.requestId,
      firstName: request.firstName,
      phone: request.phone,
      bestTime: request.bestTime,
      forWhom: request.forWhom,
      voicemail: request.voicemail ? 1 : 0,
      insurance: request.insurance ?? null,
      state: request.state ?? null,
      language: request.language ?? null,
      note: request.note ?? null,
      center: request.center ?? null,
      page: request.page ?? null,
      texts: request.consent.texts ? 1 : 0,
      consentText: request.consent.text,
      consentAt: request.consent.at,
      createdAt,
    });
    const stored = fromRow(byRequestId.get(request.requestId)!);
    if (changes === 1) for (const n of notices) insertNotice.run(stored.id, n.channel, n.text, createdAt, createdAt);
    return { stored, created: changes === 1 };
  });

  return {
    insert: (request, notices, now = new Date()) => insert(request, notices, now),
    list: () => all.all().map(fromRow),
    setStatus: (id, status) => updateStatus.run(status, id).changes === 1,
    due: (now, channels, limit) => due.all(now.toISOString(), JSON.stringify(channels), limit),
    nextDue: (channels) => {
      const { at } = nextDue.get(JSON.stringify(channels))!;
      return at ? new Date(at) : null;
    },
    delivered: (id, now) => void delivered.run(now.toISOString(), id),
    failed: (id, error, next) => void failed.run(error.slice(0, 500), next.toISOString(), id),
    close: () => db.close(),
  };
}
