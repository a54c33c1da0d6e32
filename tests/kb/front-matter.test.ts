import { describe, expect, it } from 'vitest';
import { parseFrontMatter, type FrontMatter, type Located } from '../../src/kb/front-matter.js';
import type { Problem } from '../../src/kb/problem.js';

/** Parses `lines` joined with `eol`; returns the front matter and the problems. */
function parse(lines: string[], eol = '\n'): { fm: FrontMatter | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const fm = parseFrontMatter('faq/x.md', lines.join(eol), problems);
  return { fm, problems };
}

function scalar(fm: FrontMatter | null, key: string): Located<string> | undefined {
  const field = fm?.fields.get(key);
  if (field && Array.isArray(field.value)) throw new Error(`${key} is a list`);
  return field as Located<string> | undefined;
}

function list(fm: FrontMatter | null, key: string): { line: number; items: Located<string>[] } | undefined {
  const field = fm?.fields.get(key);
  if (!field) return undefined;
  if (!Array.isArray(field.value)) throw new Error(`${key} is not a list`);
  return { line: field.line, items: field.value };
}

const ENTRY = [
  '---', //                                   1
  'id: what-is-iop', //                       2
  'question: What is IOP: and why?', //       3
  'alternates:', //                           4
  '  - what is iop', //                       5
  '', //                                      6
  '  # a comment inside the list', //        7
  '  - whats an iop', //                      8
  'tags: [basics, definition, outpatient]', // 9
  'related: []', //                          10
  '---', //                                  11
  'First line of the answer.', //            12
  '', //                                     13
  'Second paragraph.', //                    14
];

describe('parseFrontMatter', () => {
  it('reads a scalar with the line it is on, keeping colons after the first', () => {
    const { fm, problems } = parse(ENTRY);
    expect(problems).toEqual([]);
    expect(scalar(fm, 'id')).toEqual({ value: 'what-is-iop', line: 2 });
    expect(scalar(fm, 'question')).toEqual({ value: 'What is IOP: and why?', line: 3 });
  });

  it('reads a block list with the line of every item, skipping blank and comment lines', () => {
    const { fm } = parse(ENTRY);
    expect(list(fm, 'alternates')).toEqual({
      line: 4,
      items: [
        { value: 'what is iop', line: 5 },
        { value: 'whats an iop', line: 8 },
      ],
    });
  });

  it('reads a flow list `[a, b]` with every item on the key line', () => {
    const { fm } = parse(ENTRY);
    expect(list(fm, 'tags')).toEqual({
      line: 9,
      items: [
        { value: 'basics', line: 9 },
        { value: 'definition', line: 9 },
        { value: 'outpatient', line: 9 },
      ],
    });
  });

  it('reads an empty flow list `[]` as a list with no items', () => {
    const { fm } = parse(ENTRY);
    expect(list(fm, 'related')).toEqual({ line: 10, items: [] });
  });

  it('returns the body after the closing `---` and the line it starts on', () => {
    const { fm } = parse(ENTRY);
    expect(fm?.bodyLine).toBe(12);
    expect(fm?.body).toBe('First line of the answer.\n\nSecond paragraph.');
  });

  it('keeps the fields in the order they are written', () => {
    const { fm } = parse(ENTRY);
    expect([...(fm?.fields.keys() ?? [])]).toEqual(['id', 'question', 'alternates', 'tags', 'related']);
  });

  it('reads CRLF files with the same values and line numbers, and a body without carriage returns', () => {
    const lf = parse(ENTRY);
    const crlf = parse(ENTRY, '\r\n');
    expect(crlf.problems).toEqual([]);
    expect(crlf.fm).toEqual(lf.fm);
    expect(crlf.fm?.body).not.toContain('\r');
  });

  it('ignores a byte order mark before the opening `---`', () => {
    const problems: Problem[] = [];
    const fm = parseFrontMatter('faq/x.md', `\uFEFF${ENTRY.join('\r\n')}`, problems);
    expect(problems).toEqual([]);
    expect(scalar(fm, 'id')).toEqual({ value: 'what-is-iop', line: 2 });
    expect(fm?.bodyLine).toBe(12);
  });

  it('reads a file with front matter and no body as an empty body', () => {
    const { fm, problems } = parse(['---', 'id: a', '---']);
    expect(problems).toEqual([]);
    expect(fm?.body).toBe('');
    expect(fm?.bodyLine).toBe(4);
  });

  it('reads a key with nothing after it and no items as an empty list', () => {
    const { fm, problems } = parse(['---', 'alternates:', 'id: a', '---', 'x']);
    expect(problems).toEqual([]);
    expect(list(fm, 'alternates')).toEqual({ line: 2, items: [] });
  });

  it('reports a file that does not start with `---` as missing front matter on line 1', () => {
    const { fm, problems } = parse(['id: a', 'question: b', '', 'answer']);
    expect(fm).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'faq/x.md', line: 1 });
    expect(problems[0].message).toContain('front matter missing');
    expect(problems[0].message).toContain('`---`');
  });

  it('reports an empty file as missing front matter', () => {
    const { fm, problems } = parse(['']);
    expect(fm).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('front matter missing') })]);
  });

  it('reports front matter without a closing `---` on line 1', () => {
    const { fm, problems } = parse(['---', 'id: a', 'question: b', '', 'answer']);
    expect(fm).toBeNull();
    expect(problems).toEqual([{ file: 'faq/x.md', line: 1, message: expect.stringContaining('front matter is not closed') }]);
  });

  it('reports a line that is not `key: value` at its line, quoting it, and keeps reading', () => {
    const { fm, problems } = parse(['---', 'id: a', 'this line has no colon', 'question: b', '---', 'x']);
    expect(problems).toEqual([
      { file: 'faq/x.md', line: 3, message: 'malformed front matter line: expected `key: value`, found `this line has no colon`.' },
    ]);
    expect(scalar(fm, 'question')).toEqual({ value: 'b', line: 4 });
  });

  it('reports a key that does not start with a lowercase letter as malformed', () => {
    const { problems } = parse(['---', 'Question: b', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 2, message: expect.stringContaining('found `Question: b`') }]);
  });

  it('reports a key without a space after the colon as malformed', () => {
    const { problems } = parse(['---', 'question:b', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 2, message: expect.stringContaining('malformed front matter line') }]);
  });

  it('reports a list item that is not indented as malformed', () => {
    const { fm, problems } = parse(['---', 'alternates:', '- one', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 3, message: expect.stringContaining('found `- one`') }]);
    expect(list(fm, 'alternates')?.items).toEqual([]);
  });

  it('reports a list item under a scalar key as outside a list', () => {
    const { problems } = parse(['---', 'id: a', '  - orphan', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 3, message: expect.stringContaining('list item outside a list') }]);
  });

  it('reports list items after a malformed line as outside a list', () => {
    const { fm, problems } = parse(['---', 'alternates:', '  - a', 'bad line', '  - b', '---', 'x']);
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [4, 'malformed front matter line'],
      [5, 'list item outside a list'],
    ]);
    expect(list(fm, 'alternates')?.items).toEqual([{ value: 'a', line: 3 }]);
  });

  it('reports an empty block list item at its line', () => {
    const { fm, problems } = parse(['---', 'alternates:', '  - one', '  -', '  - two', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 4, message: 'empty list item.' }]);
    expect(list(fm, 'alternates')?.items.map((i) => i.value)).toEqual(['one', 'two']);
  });

  it('reports an empty flow list item at its line', () => {
    const { problems } = parse(['---', 'tags: [a, , b,]', '---', 'x']);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.line === 2)).toBe(true);
  });

  it('reports a flow list without `]` at its line and drops the field', () => {
    const { fm, problems } = parse(['---', 'id: a', 'tags: [a, b', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 3, message: expect.stringContaining('`tags` list is not closed') }]);
    expect(fm?.fields.has('tags')).toBe(false);
  });

  it('reports a key given twice at the second line', () => {
    const { problems } = parse(['---', 'id: a', 'question: q', 'id: b', '---', 'x']);
    expect(problems).toEqual([{ file: 'faq/x.md', line: 4, message: '`id` is given twice.' }]);
  });

  it('reports every problem of a file in one pass, in line order', () => {
    const { problems } = parse(['---', 'id: a', '  - orphan', 'nonsense', 'id: b', 'tags: [x', '---', 'x']);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
  });

  it('counts line numbers in the whole file, so a CRLF file reports the same lines', () => {
    const lines = ['---', 'id: a', '', 'broken', '---', 'x'];
    expect(parse(lines, '\r\n').problems).toEqual(parse(lines).problems);
    expect(parse(lines, '\r\n').problems[0].line).toBe(4);
  });
});
