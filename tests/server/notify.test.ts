/**
 * Notifications through the outbox: a real webhook receiver and a real SMTP
 * server, both started here. Backoff is shortened through the server's
 * configuration; every wait is a generous poll, never a timing assertion.
 */
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, postCallback, startTestServer, tempDir, validRequest, type TestServer } from './helpers.js';

const FAST = { retryBaseMs: 20, retryMaxMs: 200 };
const HEALTH = { insurance: 'medicaid', note: 'secret-note-words', state: 'OH', language: 'spanish', firstName: 'Marisol', phone: '(555) 876-5432' };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function started(settings: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(settings);
  cleanups.push(() => server.stop().catch(() => {}));
  return server;
}

/** A webhook receiver that fails the first `failures` deliveries with 503. */
async function webhookReceiver(failures: number): Promise<{ url: string; attempts: () => number; bodies: unknown[]; fail(n: number): void }> {
  let attempts = 0;
  let failUntil = failures;
  const bodies: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c));
    req.on('end', () => {
      attempts += 1;
      if (attempts <= failUntil) {
        res.writeHead(503).end('down');
        return;
      }
      bodies.push({ contentType: req.headers['content-type'], body: JSON.parse(data) as unknown });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    attempts: () => attempts,
    bodies,
    fail: (n) => (failUntil = attempts + n),
  };
}

/** The delivered outbox rows, or null while there are none. */
function delivered(dataDir: string) {
  const rows = readOutbox(dataDir).filter((r) => r.delivered_at);
  return rows.length ? rows : null;
}

/** The outbox rows, read by a separate connection. */
function readOutbox(dataDir: string) {
  const db = new Database(join(dataDir, 'callbacks.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { channel: string; attempts: number; delivered_at: string | null; last_error: string | null }>('SELECT * FROM outbox ORDER BY id').all();
  } finally {
    db.close();
  }
}

describe('webhook notifications', { timeout: 60_000 }, () => {
  it('are retried with backoff until the receiver takes one: 3 failures, delivered on the 4th try', async () => {
    const hook = await webhookReceiver(3);
    const server = await started({ notify: { webhookUrl: hook.url, ...FAST } });
    expect((await postCallback(server.url, validRequest({ bestTime: 'now', ...HEALTH }))).status).toBe(201);

    await eventually(() => hook.bodies.length === 1);
    expect(hook.attempts()).toBe(4);
    const [{ contentType, body }] = hook.bodies as { contentType: string; body: { text: string } }[];
    expect(contentType).toBe('application/json');
    expect(body).toEqual({ text: `New callback request — best time: as soon as possible — open the inbox: ${server.url}/admissions` });
    const [row] = await eventually(() => delivered(server.dataDir));
    expect(row).toMatchObject({ channel: 'webhook', attempts: 4, delivered_at: expect.any(String), last_error: null });
  });

  it('are sent once per request, not per retry of it', async () => {
    const hook = await webhookReceiver(0);
    const server = await started({ notify: { webhookUrl: hook.url, ...FAST } });
    const request = validRequest();
    for (let i = 0; i < 3; i++) await postCallback(server.url, request);
    await eventually(() => hook.bodies.length === 1);
    expect(readOutbox(server.dataDir)).toHaveLength(1);
  });

  it('survive an outage across a restart: stored with the request, delivered by the next process', async () => {
    const hook = await webhookReceiver(1_000_000);
    const dataDir = tempDir();
    const first = await started({ dataDir, notify: { webhookUrl: hook.url, ...FAST } });
    expect((await postCallback(first.url, validRequest())).status).toBe(201);
    await eventually(() => hook.attempts() >= 2);
    await first.stop();
    expect(readOutbox(dataDir)[0].delivered_at).toBeNull();

    hook.fail(0);
    const second = await started({ dataDir, publicUrl: 'https://intake.example.org', notify: { webhookUrl: hook.url, ...FAST } });
    await eventually(() => hook.bodies.length === 1);
    // The text was fixed when the request was stored.
    expect((hook.bodies[0] as { body: { text: string } }).body.text).toContain(`${first.url}/admissions`);
    await eventually(() => readOutbox(second.dataDir)[0].delivered_at);
  });

  it('link to PUBLIC_URL when it is set', async () => {
    const hook = await webhookReceiver(0);
    const server = await started({ publicUrl: 'https://intake.example.org', notify: { webhookUrl: hook.url, ...FAST } });
    await postCallback(server.url, validRequest({ bestTime: 'evening' }));
    await eventually(() => hook.bodies.length === 1);
    expect((hook.bodies[0] as { body: { text: string } }).body.text).toBe('New callback request — best time: evening — open the inbox: https://intake.example.org/admissions');
  });
});

describe('email notifications', { timeout: 60_000 }, () => {
  it('reach the SMTP server with the inbox link and no health details', async () => {
    const messages: string[] = [];
    let sessions = 0;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          sessions += 1;
          // The first delivery is refused, as a full mailbox or a busy relay would.
          if (sessions === 1) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          messages.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => smtp.close(() => r())));
    const port = (smtp.server.address() as AddressInfo).port;

    const server = await started({
      notify: { smtpUrl: `smtp://127.0.0.1:${port}`, emailTo: 'admissions@sunrise.example', emailFrom: 'chat@sunrise.example', ...FAST },
    });
    expect((await postCallback(server.url, validRequest({ bestTime: 'afternoon', ...HEALTH }))).status).toBe(201);

    await eventually(() => messages.length === 1);
    const [mail] = messages;
    expect(mail).toMatch(/^To: admissions@sunrise\.example/m);
    expect(mail).toMatch(/^From: chat@sunrise\.example/m);
    expect(mail).toMatch(/^Subject: New callback request/m);
    // The text after the headers, soft line breaks undone.
    const body = mail.slice(mail.search(/\r?\n\r?\n/)).replace(/=\r?\n/g, '');
    expect(body).toContain('best time: afternoon');
    expect(body).toContain(`${server.url}/admissions`);
    // Without the link, whose random port may hold any digits (38761 holds 876).
    const text = body.replace(`${server.url}/admissions`, '');
    for (const detail of ['secret-note-words', 'medicaid', 'Medicaid', 'Marisol', '876', 'OH', 'Ohio', 'spanish', 'loved']) {
      expect(text, detail).not.toContain(detail);
    }
    expect((await eventually(() => delivered(server.dataDir)))[0]).toMatchObject({ channel: 'email', attempts: 2, delivered_at: expect.any(String) });
  });
});
