import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { answer, ANSWERS_PER_FILE, MANIFEST_FILE as MANIFEST, PAYLOAD_FORMAT, type KnowledgeManifest, type KnowledgePayload } from '../../src/engine/index.js';
import { DEMO_CENTER } from '../../src/shared/index.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import { readBuilt, writePayload } from '../../src/kb/write.js';

const PAYLOAD_FILE = /^admissions-chat\.kb\.[0-9a-f]{10}\.json$/;
const ANSWERS_FILE = /^admissions-chat\.answers\.[0-9a-f]{10}\.json$/;
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);
const read = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

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
  it('writes the index, its answers files and the manifest, creating the folder', () => {
    const { file, answers } = writePayload(out, payload);
    expect(file).toMatch(PAYLOAD_FILE);
    expect(answers.length).toBe(Math.ceil(payload.entries.length / ANSWERS_PER_FILE));
    for (const a of answers) expect(a).toMatch(ANSWERS_FILE);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, file, ...answers].sort());
    expect(MANIFEST).toBe('admissions-chat.kb.json');
    expect(manifest(out)).toEqual({ format: PAYLOAD_FORMAT, file, entries: payload.entries.length });
  });

  it('ships no answer in the index, and every answer once in the answers files, in entry order', () => {
    const { file, answers } = writePayload(out, payload);
    const index = read(out, file) as KnowledgePayload;
    expect(index.entries.map((e) => e[2])).toEqual(payload.entries.map(() => ''));
    expect(index.entries.map(([id, question, , ...rest]) => [id, question, ...rest])).toEqual(payload.entries.map(([id, question, , ...rest]) => [id, question, ...rest]));
    expect(index.answers).toEqual({ files: answers, per: ANSWERS_PER_FILE });
    expect(answers.flatMap((a) => read(out, a) as string[])).toEqual(payload.entries.map((e) => e[2]));
  });

  it('names every file after a hash of its content', () => {
    const { file, answers } = writePayload(out, payload);
    for (const f of [file, ...answers]) expect(f).toContain(`.${hash(readFileSync(join(out, f), 'utf8'))}.json`);
  });

  it('gives the same payload the same file name, in any folder and on a rewrite', () => {
    const first = writePayload(out, payload).file;
    expect(writePayload(out, payload).file).toBe(first);
    expect(writePayload(join(root, 'elsewhere'), JSON.parse(JSON.stringify(payload))).file).toBe(first);
    expect(readdirSync(out).filter((f) => PAYLOAD_FILE.test(f))).toEqual([first]);
  });

  it('gives different content a different file name, removes the old payload and points the manifest at the new one', () => {
    const old = writePayload(out, payload).file;
    const { file: next, answers } = writePayload(out, edited());
    expect(next).not.toBe(old);
    expect(existsSync(join(out, old))).toBe(false);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, next, ...answers].sort()); // the old first answers file is gone too
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
    // The edited answer is in the first answers file, written before the index: make that write fail.
    const first = JSON.stringify(next.entries.slice(0, ANSWERS_PER_FILE).map((e) => e[2]));
    mkdirSync(join(out, `admissions-chat.answers.${hash(first)}.json`));
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
