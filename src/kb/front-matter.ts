/**
 * A strict reader for the front matter of a knowledge file: the small subset
 * of YAML our entries use (`key: value`, `key: [a, b]`, and block lists of
 * `  - item`), with the line of every value kept so that each problem can be
 * reported at file:line. Anything outside the subset is a problem, not a guess.
 */
import type { Problem } from './problem.js';

/** A value with the line it came from (1-based, in the whole file). */
export interface Located<T> {
  value: T;
  line: number;
}

/** Parsed front matter: scalars and lists, each located. */
export interface FrontMatter {
  fields: Map<string, Located<string> | Located<Located<string>[]>>;
  /** First line of the body (after the closing `---`). */
  bodyLine: number;
  body: string;
}

const KEY = /^([a-z][a-zA-Z0-9_-]*):(?:\s+(.*))?$/;

/** Splits `[a, b, c]` into located items; an empty item is a problem. */
function flowList(text: string, line: number, onEmpty: () => void): Located<string>[] {
  const inner = text.slice(1, -1).trim();
  if (!inner) return [];
  const items = inner.split(',').map((s) => ({ value: unquote(s.trim()), line }));
  if (items.some((i) => !i.value)) onEmpty();
  return items.filter((i) => i.value);
}

/** `"text"` or `'text'` -> text: quoting is optional, and the quotes are not part of the value. */
function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2] : value;
}

/**
 * Parses a knowledge file's front matter and body.
 *
 * @param file path used in problems
 * @param source the whole file
 * @param problems where problems are appended
 * @returns the parsed front matter, or null when there is none to read
 */
export function parseFrontMatter(file: string, source: string, problems: Problem[]): FrontMatter | null {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    problems.push({ file, line: 1, message: 'front matter missing: the file must start with a line `---`.' });
    return null;
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    problems.push({ file, line: 1, message: 'front matter is not closed: add a line `---` after the last field.' });
    return null;
  }
  const fields: FrontMatter['fields'] = new Map();
  let list: Located<string>[] | null = null;
  for (let i = 1; i < end; i++) {
    const line = i + 1;
    const text = lines[i];
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const item = /^\s+-\s*(.*)$/.exec(text);
    if (item) {
      if (!list) problems.push({ file, line, message: 'list item outside a list: put it under a key such as `alternates:`.' });
      else if (!item[1].trim()) problems.push({ file, line, message: 'empty list item.' });
      else list.push({ value: unquote(item[1].trim()), line });
      continue;
    }
    const m = KEY.exec(text);
    if (!m) {
      problems.push({ file, line, message: `malformed front matter line: expected \`key: value\`, found \`${text.trim().slice(0, 60)}\`.` });
      list = null;
      continue;
    }
    const [, key, rawValue] = m;
    if (fields.has(key)) problems.push({ file, line, message: `\`${key}\` is given twice.` });
    const value = (rawValue ?? '').trim();
    if (!value) {
      list = [];
      fields.set(key, { value: list, line });
    } else if (value.startsWith('[')) {
      list = null;
      if (!value.endsWith(']')) problems.push({ file, line, message: `\`${key}\` list is not closed: end it with \`]\`.` });
      else fields.set(key, { value: flowList(value, line, () => problems.push({ file, line, message: `\`${key}\` has an empty item: remove the extra comma.` })), line });
    } else {
      list = null;
      fields.set(key, { value: unquote(value), line });
    }
  }
  return { fields, bodyLine: end + 2, body: lines.slice(end + 1).join('\n') };
}
