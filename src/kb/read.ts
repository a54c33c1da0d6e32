/**
 * Reads a knowledge folder: one FAQ entry per `faq/*.md` file and the
 * domain vocabulary in `synonyms.txt`. Reading only parses; what is wrong
 * with the content is validate.ts's job.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontMatter, type Located } from './front-matter.js';
import type { Problem } from './problem.js';

/** One FAQ entry as written, every field located for error messages. */
export interface SourceEntry {
  file: string;
  line: number;
  id?: Located<string>;
  question?: Located<string>;
  alternates: Located<string>[];
  tags: Located<string>[];
  related: Located<string>[];
  answer: string;
  answerLine: number;
}

/** One rule of the domain vocabulary: a word and what it also means. */
export interface SynonymRule {
  file: string;
  line: number;
  word: string;
  expansions: string[];
}

/** Everything in a knowledge folder. */
export interface Source {
  dir: string;
  entries: SourceEntry[];
  synonyms: SynonymRule[];
}

const KNOWN_KEYS = new Set(['id', 'question', 'alternates', 'tags', 'related']);
const LIST_KEYS = new Set(['alternates', 'tags', 'related']);

/** Reads one entry file. */
export function readEntry(file: string, source: string, problems: Problem[]): SourceEntry | null {
  const fm = parseFrontMatter(file, source, problems);
  if (!fm) return null;
  const entry: SourceEntry = { file, line: 1, alternates: [], tags: [], related: [], answer: fm.body, answerLine: fm.bodyLine };
  for (const [key, field] of fm.fields) {
    if (!KNOWN_KEYS.has(key)) {
      problems.push({ file, line: field.line, message: `unknown field \`${key}\`: expected one of ${[...KNOWN_KEYS].join(', ')}.` });
      continue;
    }
    const isList = Array.isArray(field.value);
    if (LIST_KEYS.has(key) !== isList) {
      problems.push({ file, line: field.line, message: `\`${key}\` must be ${LIST_KEYS.has(key) ? 'a list' : 'one line of text'}.` });
      continue;
    }
    if (key === 'id' || key === 'question') entry[key] = field as Located<string>;
    else entry[key as 'alternates' | 'tags' | 'related'] = field.value as Located<string>[];
  }
  return entry;
}

/** Reads `word = expansion, expansion` rules. */
export function readSynonyms(file: string, source: string, problems: Problem[]): SynonymRule[] {
  const rules: SynonymRule[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    const t = text.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^([^=]+)=(.*)$/.exec(t);
    const expansions = m ? m[2].split(',').map((s) => s.trim()).filter(Boolean) : [];
    if (!m || !m[1].trim() || expansions.length === 0) {
      problems.push({ file, line, message: 'expected `word = expansion, expansion`.' });
      return;
    }
    rules.push({ file, line, word: m[1].trim(), expansions });
  });
  return rules;
}

/**
 * Reads a knowledge folder.
 *
 * @param dir the folder (holding `faq/` and optionally `synonyms.txt`)
 * @param problems where problems are appended
 */
export function readKnowledge(dir: string, problems: Problem[]): Source {
  const faqDir = join(dir, 'faq');
  const source: Source = { dir, entries: [], synonyms: [] };
  if (!existsSync(faqDir) || !statSync(faqDir).isDirectory()) {
    problems.push({ file: relative(process.cwd(), faqDir) || faqDir, line: 0, message: 'no `faq` folder: put one markdown file per entry in it.' });
    return source;
  }
  for (const name of readdirSync(faqDir).filter((n) => n.endsWith('.md')).sort()) {
    const path = join(faqDir, name);
    const entry = readEntry(relative(process.cwd(), path), readFileSync(path, 'utf8'), problems);
    if (entry) source.entries.push(entry);
  }
  const synonymsPath = join(dir, 'synonyms.txt');
  if (existsSync(synonymsPath)) {
    source.synonyms = readSynonyms(relative(process.cwd(), synonymsPath), readFileSync(synonymsPath, 'utf8'), problems);
  }
  return source;
}
