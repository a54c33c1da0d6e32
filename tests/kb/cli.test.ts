/**
 * The real CLI, spawned as `node --import tsx src/kb/cli.ts ...` from the
 * project root. Every build goes to a temporary --out folder, never to dist.
 * One build of the project knowledge is shared by the ask and eval tests.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_PER_FILE, MANIFEST_FILE as MANIFEST } from '../../src/engine/index.js';
import { readBuilt, readPayload } from '../../src/kb/write.js';
import { BROKEN, EXPECTED, isExpected } from './knowledge-broken.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRIES = readdirSync(join(ROOT, 'knowledge/faq')).filter((f) => f.endsWith('.md')).length;
const KINDS = ['answer', 'fallback', 'escalate', 'crisis'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the kb CLI with the arguments, feeding `input` on standard input. */
function kb(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/kb/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'kb-cli-'));
const out = join(tmp, 'built');
let build: Run;

beforeAll(async () => {
  build = await kb(['build', '--out', out]);
}, 30_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.concurrent('kb CLI', { timeout: 30_000 }, () => {
  describe('build', () => {
    it('writes the index, its answers files and the manifest into --out and says how big they are', ({ expect }) => {
      expect(build.stderr).toBe('');
      expect(build.code).toBe(0);
      const files = readdirSync(out).sort();
      expect(files).toContain(MANIFEST);
      const file = files.find((f) => /^admissions-chat\.kb\.[0-9a-f]{10}\.json$/.test(f))!;
      const answers = files.filter((f) => /^admissions-chat\.answers\.[0-9a-f]{10}\.json$/.test(f));
      expect(answers).toHaveLength(Math.ceil(ENTRIES / ANSWERS_PER_FILE));
      expect(files).toHaveLength(2 + answers.length);
      const size = /^kb: (\d+) entries → (.+) \(index, \d+\.\d KB gzip\) and (\d+) answers files \(\d+\.\d KB gzip in all\)\n$/.exec(build.stdout);
      expect(size?.slice(1)).toEqual([String(ENTRIES), `${out}/${file}`, String(answers.length)]);
      expect(readBuilt(out).entries).toHaveLength(ENTRIES);
    });

    it('packs the index into the payload with --pack, and the packed build answers as the default one does', async ({ expect }) => {
      const dir = join(tmp, 'packed');
      const run = await kb(['build', '--pack', '--out', dir]);
      expect(run.code).toBe(0);
      expect(readPayload(out)).not.toHaveProperty('index');
      expect(readPayload(dir)).toHaveProperty('index.postings');
      const questions = 'what is iop\nwhats an intensive outpatiant program\nhow much does it cost\nzzzz qqqq\n';
      const packed = await kb(['ask', '--json', '--out', dir], questions);
      const plain = await kb(['ask', '--json', '--out', out], questions);
      expect(packed.stdout).toBe(plain.stdout);
    });

    it('refuses a broken knowledge folder with exit code 1 and does not even create --out', async ({ expect }) => {
      const dir = join(tmp, 'broken-new', 'out');
      const run = await kb(['build', '--knowledge', BROKEN, '--out', dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${EXPECTED.length} problems; nothing was written.`);
      expect(existsSync(join(tmp, 'broken-new'))).toBe(false);
    });

    it('leaves an earlier build in --out untouched when the knowledge folder is broken', async ({ expect }) => {
      const dir = join(tmp, 'earlier');
      mkdirSync(dir);
      for (const f of readdirSync(out)) writeFileSync(join(dir, f), readFileSync(join(out, f)));
      const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
      const run = await kb(['build', '--knowledge', BROKEN, '--out', dir]);
      expect(run.code).toBe(1);
      expect(readdirSync(dir)).toHaveLength(before.length);
      expect(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])).toEqual(before);
    });
  });

  describe('check', () => {
    it('exits 0 on the project knowledge and prints the entry count', async ({ expect }) => {
      const run = await kb(['check']);
      expect(run).toEqual({ code: 0, stdout: `knowledge: ${ENTRIES} entries, no problems.\n`, stderr: '' });
    });

    it('exits 1 on a broken folder and prints every problem as file:line on stderr', async ({ expect }) => {
      const run = await kb(['check', '--knowledge', BROKEN]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines.slice(-2)).toEqual(['', `${EXPECTED.length} problems; nothing was written.`]);
      const problems = lines.slice(0, -2);
      expect(problems).toHaveLength(EXPECTED.length);
      for (const expected of EXPECTED) expect(problems.filter((p) => isExpected(p, expected)), expected.join(' ')).toHaveLength(1);
      for (const p of problems) expect(p).toMatch(/^tests\/fixtures\/knowledge-broken\/[\w./-]+:\d+: \S/);
    });

  });

  describe('ask', () => {
    const QUESTIONS = [
      '',
      'what is iop',
      'I want to kill myself',
      "PHP vs. IOP: what's the difference?",
      'constructor',
      '__proto__',
      '<script>alert(1)</script>',
      'hi',
      'can I talk to a person',
      'how much does it cost',
      '   ',
      'what is the weather in paris',
    ];

    it('--json prints exactly one JSON object per input line, in order', async ({ expect }) => {
      const run = await kb(['ask', '--json', '--out', out], `${QUESTIONS.join('\n')}\n`);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      const lines = run.stdout.slice(0, -1).split('\n');
      expect(lines).toHaveLength(QUESTIONS.length);
      lines.forEach((line, i) => {
        const reply = JSON.parse(line) as Record<string, unknown>;
        expect(Object.keys(reply)).toEqual(['question', 'kind', 'id', 'text', 'confidence']);
        expect(reply.question).toBe(QUESTIONS[i]);
        expect(KINDS).toContain(reply.kind);
        expect(typeof reply.text).toBe('string');
        expect((reply.text as string).length).toBeGreaterThan(0);
        expect(reply.confidence).toBeGreaterThanOrEqual(0);
        expect(reply.confidence).toBeLessThanOrEqual(1);
        expect(reply.id === null || typeof reply.id === 'string').toBe(true);
        expect(reply.text).not.toContain('{{');
      });
      const replies = lines.map((l) => JSON.parse(l) as { kind: string; id: string | null; text: string });
      const by = (q: string) => replies[QUESTIONS.indexOf(q)];
      expect(by('')).toMatchObject({ kind: 'fallback', id: null });
      expect(by('what is iop')).toMatchObject({ kind: 'answer', id: 'what-is-iop' });
      expect(by('I want to kill myself')).toMatchObject({ kind: 'crisis', id: null });
      expect(by('I want to kill myself').text).toContain('988');
      expect(by("PHP vs. IOP: what's the difference?")).toMatchObject({ kind: 'answer', id: 'iop-vs-php' });
      expect(by('can I talk to a person')).toMatchObject({ kind: 'escalate', id: null });
      expect(by('hi')).toMatchObject({ kind: 'answer', id: 'smalltalk:greeting' });
      // Object property names and markup are just text: any reply names a real entry or none.
      const ids = new Set(readBuilt(out).entries.map((e) => e.id));
      for (const q of ['constructor', '__proto__', '<script>alert(1)</script>']) {
        const { kind, id, text } = by(q);
        if (kind === 'answer') expect(ids.has(id!), `${q} answered with ${id}`).toBe(true);
        else expect(id, q).toBeNull();
        expect(text, q).not.toContain('<script');
      }
    });

    it('--json answers a last line without a newline and a CRLF line like the others', async ({ expect }) => {
      const run = await kb(['ask', '--json', '--out', out], 'what is iop\r\nhow much does it cost');
      const replies = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question: string; id: string });
      expect(replies.map((r) => [r.question, r.id])).toEqual([
        ['what is iop', 'what-is-iop'],
        ['how much does it cost', 'cost-of-iop'],
      ]);
    });

    it('--json fills --center and --phone into the text', async ({ expect }) => {
      const run = await kb(['ask', '--json', '--out', out, '--center', 'Test Center', '--phone', '555-0199'], 'zzzz qqqq\n');
      expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'fallback', text: expect.stringContaining('Test Center at 555-0199') });
    });

    it('prints a readable answer with its kind, id and confidence for a question on the command line', async ({ expect }) => {
      const run = await kb(['ask', 'what', 'is', 'iop', '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const [head, ...body] = run.stdout.split('\n');
      expect(head).toBe('[answer what-is-iop · confidence 1]');
      expect(body.join('\n')).toContain('intensive outpatient program (IOP)');
      expect(run.stdout).not.toMatch(/<\/?p>/);
    });

    it('prints the emergency numbers for a crisis', async ({ expect }) => {
      const run = await kb(['ask', 'I want to kill myself', '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe('[crisis · confidence 1]');
      expect(run.stdout).toContain('Call 988: tel:988');
    });

    it('exits 2 without a question', async ({ expect }) => {
      const run = await kb(['ask', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('ask needs a question');
    });

    it('exits 2 and says to build first when --out holds no index', async ({ expect }) => {
      const run = await kb(['ask', 'what is iop', '--out', join(tmp, 'empty-out')]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('cannot load the built index');
      expect(run.stderr).toContain('npm run kb -- build');
    });
  });

  describe('eval', () => {
    const CASES = [
      '# what admissions hears most', //                  1
      'what is iop => what-is-iop', //                      2
      'how much does it cost => cost-of-iop', //            3
      '', //                                                4
      'I want to kill myself => crisis', //                 5
      'can I talk to a person => escalate', //              6
      'what is the weather in paris => fallback', //        7
      'what is iop => iop-schedule', //                     8: fails
    ].join('\n');
    const casesFile = join(tmp, 'cases.txt');
    writeFileSync(casesFile, CASES);

    it('prints the failures as file:line and the score, and exits 0 above --min', async ({ expect }) => {
      const run = await kb(['eval', casesFile, '--min', '80', '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${casesFile}:8: "what is iop" expected iop-schedule, got answer what-is-iop\n\n5/6 correct (83.3%)\n`);
    });

    it('exits 1 below --min and says so', async ({ expect }) => {
      const run = await kb(['eval', casesFile, '--min', '90', '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`${casesFile}:8: "what is iop" expected iop-schedule`);
      expect(run.stdout).toContain('5/6 correct (83.3%)');
      expect(run.stdout).toContain('below the minimum of 90%');
    });

    it('reports an expected id that is not an entry, and a line without `=>`, as problems and runs nothing', async ({ expect }) => {
      const file = join(tmp, 'typos.txt');
      writeFileSync(file, 'what is iop => what-is-iop\nhow much => cost-of-iopp\nno arrow here\n');
      const run = await kb(['eval', file, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${file}:2: expected id \`cost-of-iopp\` is not an entry in the built index.`);
      expect(run.stderr).toContain(`${file}:3: expected \`question => entry-id\``);
      expect(run.stderr).toContain('2 problems; nothing was written.');
    });

    it('exits 2 for a --min that is not a percentage', async ({ expect }) => {
      const run = await kb(['eval', casesFile, '--min', 'lots', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--min takes a percentage between 0 and 100');
    });
  });

  describe('usage', () => {
    it('prints the usage with --help and exits 0', async ({ expect }) => {
      const run = await kb(['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: npm run kb -- <command>');
    });

    it('exits 2 on an unknown command', async ({ expect }) => {
      const run = await kb(['frobnicate', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unknown command `frobnicate`');
    });
  });
});
