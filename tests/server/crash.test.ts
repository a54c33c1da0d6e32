/**
 * A 201 is a promise: the request is on disk. The server runs as its own
 * process (the real entry point), is killed with SIGKILL in the middle of a
 * stream of submissions, and started again on the same data folder; every
 * requestId that was answered 201 must be there, and sending everything
 * again stores nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { postCallback, storedRequestIds, tempDir, TOKEN, validRequest } from './helpers.js';

const dataDir = tempDir();
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts src/server/main.ts and resolves with its URL once it listens. */
function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  // node --import tsx rather than the tsx binary: the binary runs the server
  // in a second process, which SIGKILL on the first would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', STATIC_DIRS: '', RATE_LIMIT_PER_MINUTE: '0', ADMISSIONS_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /admissions-chat demo:\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
  });
}

describe('SIGKILL in the middle of submissions', () => {
  it('loses no request that was answered 201', async () => {
    const { child, url } = await startProcess();
    const acknowledged: string[] = [];
    const sent: Record<string, unknown>[] = [];
    let killed = false;

    // Eight senders in parallel until the kill; the kill comes after 150 acknowledgements.
    const sender = async () => {
      while (!killed) {
        const request = validRequest();
        sent.push(request);
        try {
          const res = await postCallback(url, request);
          if (res.status === 201) acknowledged.push(request.requestId as string);
        } catch {
          // the connection died with the server
        }
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    expect(child.signalCode).toBe('SIGKILL');

    const restarted = await startProcess();
    const stored = new Set(storedRequestIds(dataDir));
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    // The widget retries what it never heard back about: each is stored once.
    const statuses = await Promise.all(sent.map((r) => postCallback(restarted.url, r).then((res) => ({ id: r.requestId as string, status: res.status }))));
    for (const { id, status } of statuses) expect(status, id).toBe(stored.has(id) ? 200 : 201);
    const ids = storedRequestIds(dataDir);
    expect(ids).toHaveLength(sent.length);
    expect(new Set(ids).size).toBe(sent.length);
    console.log(`SIGKILL after ${acknowledged.length} acknowledged (${sent.length} sent): ${acknowledged.length} of ${acknowledged.length} found after restart; ${stored.size} rows before retries, ${ids.length} after`);
    restarted.child.kill('SIGTERM');
  }, 120_000);
});
