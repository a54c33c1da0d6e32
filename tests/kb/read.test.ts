import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/kb/problem.js';
import { readEntry, readKnowledge, readSynonyms } from '../../src/kb/read.js';

function entry(lines: string[], eol = '\n') {
  const problems: Problem[] = [];
  const result = readEntry('faq/x.md', lines.join(eol), problems);
  return { entry: result, problems };
}

function synonyms(text: string) {
  const problems: Problem[] = [];
  const rules = readSynonyms('synonyms.txt', text, problems);
  return { rules, problems };
}

describe('readEntry', () => {
  it('reads every field of an entry with its line, and the answer with the line it starts on', () => {
    const { entry: e, problems } = entry([
      '---',
      'id: what-is-iop',
      'question: What is IOP?',
      'alternates:',
      '  - what is iop',
      '  - whats an iop',
      'tags: [basics, definition]',
      'related:',
      '  - iop-schedule',
      '---',
      'An answer.',
    ]);
    expect(problems).toEqual([]);
    expect(e).toEqual({
      file: 'faq/x.md',
      line: 1,
      id: { value: 'what-is-iop', line: 2 },
      question: { value: 'What is IOP?', line: 3 },
      alternates: [
        { value: 'what is iop', line: 5 },
        { value: 'whats an iop', line: 6 },
      ],
      tags: [
        { value: 'basics', line: 7 },
        { value: 'definition', line: 7 },
      ],
      related: [{ value: 'iop-schedule', line: 9 }],
      answer: 'An answer.',
      answerLine: 11,
    });
  });

  it('gives missing list fields as empty lists and leaves missing id and question undefined', () => {
    const { entry: e, problems } = entry(['---', '---', 'Only an answer.']);
    expect(problems).toEqual([]);
    expect(e).toMatchObject({ alternates: [], tags: [], related: [], answer: 'Only an answer.', answerLine: 3 });
    expect(e?.id).toBeUndefined();
    expect(e?.question).toBeUndefined();
  });

  it('reads a CRLF file with a BOM like an LF file', () => {
    const lines = ['---', 'id: a', 'question: Q?', 'alternates: [one, two]', '---', 'Answer', 'more'];
    const lf = entry(lines);
    const problems: Problem[] = [];
    const crlf = readEntry('faq/x.md', `\uFEFF${lines.join('\r\n')}`, problems);
    expect(problems).toEqual([]);
    expect(crlf).toEqual(lf.entry);
  });

  it('reports an unknown field at its line, naming the fields it knows', () => {
    const { entry: e, problems } = entry(['---', 'id: a', 'author: Jane', '---', 'x']);
    expect(problems).toEqual([
      { file: 'faq/x.md', line: 3, message: 'unknown field `author`: expected one of id, question, alternates, tags, related.' },
    ]);
    expect(e?.id).toEqual({ value: 'a', line: 2 });
  });

  it('reports a list given where one line of text is expected, and leaves the field unset', () => {
    const { entry: e, problems } = entry(['---', 'id: a', 'question:', '  - What is IOP?', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 3, message: '`question` must be one line of text.' }]);
    expect(e?.question).toBeUndefined();
  });

  it('reports a flow list given as the id', () => {
    const { problems } = entry(['---', 'id: [a, b]', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 2, message: '`id` must be one line of text.' }]);
  });

  it('reports text given where a list is expected, and keeps the list empty', () => {
    const { entry: e, problems } = entry(['---', 'id: a', 'tags: basics', 'alternates: what is iop', '---', 'x']);
    expect(problems).toEqual([
      { file: 'faq/x.md', line: 3, message: '`tags` must be a list.' },
      { file: 'faq/x.md', line: 4, message: '`alternates` must be a list.' },
    ]);
    expect(e?.tags).toEqual([]);
    expect(e?.alternates).toEqual([]);
  });

  it('returns null for a file without front matter, with the problem on line 1', () => {
    const { entry: e, problems } = entry(['Just an answer.']);
    expect(e).toBeNull();
    expect(problems).toEqual([{ file: 'faq/x.md', line: 1, message: expect.stringContaining('front matter missing') }]);
  });

  it('returns null for unclosed front matter, with the problem on line 1', () => {
    const { entry: e, problems } = entry(['---', 'id: a', 'Just an answer.']);
    expect(e).toBeNull();
    expect(problems).toEqual([{ file: 'faq/x.md', line: 1, message: expect.stringContaining('not closed') }]);
  });

  it('still returns the entry when a front matter line is malformed, so later checks see it', () => {
    const { entry: e, problems } = entry(['---', 'id: a', 'what is this', 'question: Q?', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 3, message: expect.stringContaining('malformed front matter line') }]);
    expect(e?.question).toEqual({ value: 'Q?', line: 4 });
  });
});

describe('readSynonyms', () => {
  it('reads `word = expansion, expansion` rules with their lines, skipping comments and blank lines', () => {
    const { rules, problems } = synonyms('# comment\niop = intensive outpatient\n\n  php = partial hospitalization ,  day program  \n');
    expect(problems).toEqual([]);
    expect(rules).toEqual([
      { file: 'synonyms.txt', line: 2, word: 'iop', expansions: ['intensive outpatient'] },
      { file: 'synonyms.txt', line: 4, word: 'php', expansions: ['partial hospitalization', 'day program'] },
    ]);
  });

  it('reads CRLF line endings with the same lines', () => {
    expect(synonyms('# c\r\niop = intensive outpatient\r\n').rules).toEqual([
      { file: 'synonyms.txt', line: 2, word: 'iop', expansions: ['intensive outpatient'] },
    ]);
  });

  it('drops empty expansions between commas', () => {
    expect(synonyms('rehab = treatment, , recovery,').rules[0].expansions).toEqual(['treatment', 'recovery']);
  });

  it('reports a line without `=` at its line', () => {
    const { rules, problems } = synonyms('iop = intensive outpatient\nthis line has no equals sign\n');
    expect(rules).toHaveLength(1);
    expect(problems).toEqual([{ file: 'synonyms.txt', line: 2, message: 'expected `word = expansion, expansion`.' }]);
  });

  it('reports a rule without expansions and a rule without a word', () => {
    const { rules, problems } = synonyms('detox =\n = withdrawal\nmat = , ,\n');
    expect(rules).toEqual([]);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3]);
    for (const p of problems) expect(p.message).toContain('expected `word = expansion');
  });
});

describe('readKnowledge', () => {
  const root = mkdtempSync(join(tmpdir(), 'kb-read-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads the faq files in file-name order, naming them relative to the working folder', () => {
    const dir = join(root, 'ordered');
    mkdirSync(join(dir, 'faq'), { recursive: true });
    for (const name of ['b-entry', 'a-entry', 'c-entry']) writeFileSync(join(dir, 'faq', `${name}.md`), `---\nid: ${name}\n---\nx\n`);
    writeFileSync(join(dir, 'faq', 'notes.txt'), 'not an entry');
    writeFileSync(join(dir, 'synonyms.txt'), 'iop = intensive outpatient\n');
    const problems: Problem[] = [];
    const source = readKnowledge(dir, problems);
    expect(problems).toEqual([]);
    expect(source.dir).toBe(dir);
    expect(source.entries.map((e) => e.id?.value)).toEqual(['a-entry', 'b-entry', 'c-entry']);
    expect(source.entries[0].file).toBe(relative(process.cwd(), join(dir, 'faq', 'a-entry.md')));
    expect(source.synonyms).toEqual([{ file: relative(process.cwd(), join(dir, 'synonyms.txt')), line: 1, word: 'iop', expansions: ['intensive outpatient'] }]);
  });

  it('reads a folder without synonyms.txt as having no synonyms', () => {
    const dir = join(root, 'no-synonyms');
    mkdirSync(join(dir, 'faq'), { recursive: true });
    writeFileSync(join(dir, 'faq', 'a.md'), '---\nid: a\n---\nx\n');
    const problems: Problem[] = [];
    expect(readKnowledge(dir, problems).synonyms).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reports a folder without `faq` at line 0 of the faq path', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir, { recursive: true });
    const problems: Problem[] = [];
    const source = readKnowledge(dir, problems);
    expect(source.entries).toEqual([]);
    expect(problems).toEqual([
      { file: relative(process.cwd(), join(dir, 'faq')), line: 0, message: expect.stringContaining('no `faq` folder') },
    ]);
  });

  it('reports a `faq` that is a file, not a folder', () => {
    const dir = join(root, 'faq-is-a-file');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'faq'), 'oops');
    const problems: Problem[] = [];
    readKnowledge(dir, problems);
    expect(problems).toEqual([expect.objectContaining({ line: 0, message: expect.stringContaining('no `faq` folder') })]);
  });

  it('reads the project knowledge folder without a problem', () => {
    const problems: Problem[] = [];
    const source = readKnowledge('knowledge', problems);
    expect(problems).toEqual([]);
    expect(source.entries.length).toBeGreaterThan(0);
    expect(source.entries.every((e) => e.file.startsWith('knowledge/faq/') && e.id && e.question)).toBe(true);
    expect(source.synonyms.length).toBeGreaterThan(0);
  });
});
