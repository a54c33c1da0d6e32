/** A real receiver on a free port with a throwaway SQLite folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type Running } from '../../src/server/index.js';

export async function startTestServer(staticDirs: string[] = []): Promise<Running & { dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ac-server-'));
  const running = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDirs });
  return {
    ...running,
    dataDir,
    cleanup: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid callback request body. */
export function validRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestId: crypto.randomUUID(),
    firstName: 'Sam',
    phone: '(555) 234-5678',
    bestTime: 'morning',
    forWhom: 'loved-one',
    consent: { calls: true, texts: false, text: 'I agree that Sunrise Recovery may call me.', at: '2026-11-22T14:00:00.000Z' },
    ...overrides,
  };
}
