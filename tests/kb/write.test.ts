import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { answer, MANIFEST_FILE as MANIFEST, PAYLOAD_FORMAT, type KnowledgeManifest, type KnowledgePayload } from '../../src/engine/index.js';
import { DEMO_CENTER } from '../../src/shared/index.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import { readBuilt, writePayload } from '../../src/kb/write.js';

const PAYLOAD_FILE = /^admissions-chat\.kb\.[0-9a-f]{10}\.json$/;

const { payload: built } = compileKnowledge('knowledge');
if (!built) throw new Error('knowledge/ has problems: run `npm run kb -- check`');
const payload: KnowledgePayload = built;

/** The same payload with one answer changed: different content, different hash. */
function edited(): KnowledgePayload {
  const copy = JSON.parse(JSON.stringify(payload)) as KnowledgePayload;
  copy.entries[0][2] = `${copy.entries[0][2]}<p>Edited.</p>`;
  return copy;
}

const root = mkdtempSync(join(tmpdir(), 'kb-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
let out = '';
beforeEach(() => {
  out = join(root, `out-${n++}`);
});

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as KnowledgeManifest;

describe('writePayload', () => {
  it('writes admissions-chat.kb.<10 hex>.json and the manifest, creating the folder', () => {
    const { file, bytes } = writePayload(out, payload);
    expect(file).toMatch(PAYLOAD_FILE);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, file].sort());
    expect(MANIFEST).toBe('admissions-chat.kb.json');
    expect(bytes).toBe(Buffer.byteLength(readFileSync(join(out, file))));
  });

  it('writes the payload as its JSON, and a manifest naming the file, the format and the entry count', () => {
    const { file } = writePayload(out, payload);
    expect(readFileSync(join(out, file), 'utf8')).toBe(JSON.stringify(payload));
    expect(manifest(out)).toEqual({ format: PAYLOAD_FORMAT, file, entries: payload.entries.length });
  });

  it('names the file after a hash of its content', () => {
    const { file } = writePayload(out, payload);
    const hash = createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 10);
    expect(file).toBe(`admissions-chat.kb.${hash}.json`);
  });

  it('gives the same payload the same file name, in any folder and on a rewrite', () => {
    const first = writePayload(out, payload).file;
    expect(writePayload(out, payload).file).toBe(first);
    expect(writePayload(join(root, 'elsewhere'), JSON.parse(JSON.stringify(payload))).file).toBe(first);
    expect(readdirSync(out).filter((f) => PAYLOAD_FILE.test(f))).toEqual([first]);
  });

  it('gives different content a different file name, removes the old payload and points the manifest at the new one', () => {
    const old = writePayload(out, payload).file;
    const next = writePayload(out, edited()).file;
    expect(next).not.toBe(old);
    expect(existsSync(join(out, old))).toBe(false);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, next].sort());
    expect(manifest(out).file).toBe(next);
  });

  it('leaves other files in the folder alone, such as the widget script', () => {
    writePayload(out, payload);
    writeFileSync(join(out, 'admissions-chat.js'), '/* widget */');
    writeFileSync(join(out, 'admissions-chat.kb.notes.json'), '{}');
    writePayload(out, edited());
    expect(readFileSync(join(out, 'admissions-chat.js'), 'utf8')).toBe('/* widget */');
    expect(existsSync(join(out, 'admissions-chat.kb.notes.json'))).toBe(true);
  });

  it('leaves no temporary manifest behind', () => {
    writePayload(out, payload);
    writePayload(out, edited());
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('keeps the previous build loadable when writing the new payload fails', () => {
    const old = writePayload(out, payload).file;
    const next = edited();
    const hash = createHash('sha256').update(JSON.stringify(next)).digest('hex').slice(0, 10);
    mkdirSync(join(out, `admissions-chat.kb.${hash}.json`));
    expect(() => writePayload(out, next)).toThrow();
    expect(manifest(out).file).toBe(old);
    expect(() => readBuilt(out)).not.toThrow();
  });
});

describe('readBuilt', () => {
  it('loads the payload the manifest names and answers from it', () => {
    writePayload(out, payload);
    const knowledge = readBuilt(out);
    expect(knowledge.entries.map((e) => e.id)).toEqual(payload.entries.map((e) => e[0]));
    expect(answer(knowledge, 'what is iop', DEMO_CENTER)).toMatchObject({ kind: 'answer', id: 'what-is-iop' });
  });

  it('loads the newest build after a rebuild', () => {
    writePayload(out, payload);
    writePayload(out, edited());
    expect(readBuilt(out).entries[0].html).toContain('Edited.');
  });

  it('throws when the folder has no manifest', () => {
    expect(() => readBuilt(join(root, 'never-built'))).toThrow(/admissions-chat\.kb\.json/);
  });

  it('throws a KnowledgeError when the payload was built with another format', () => {
    const { file } = writePayload(out, payload);
    writeFileSync(join(out, file), JSON.stringify({ ...payload, format: PAYLOAD_FORMAT + 1 }));
    expect(() => readBuilt(out)).toThrow(expect.objectContaining({ name: 'KnowledgeError', message: expect.stringContaining('rebuild') }));
  });
});
