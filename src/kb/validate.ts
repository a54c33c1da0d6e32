/**
 * Everything that can be wrong with a knowledge folder's content, found in
 * one pass and reported together: a broken knowledge base must never produce
 * a half-built index, and a site owner should fix all of it in one go.
 */
import { basename } from 'node:path';
import { analyze, isStopWord, normalize, phraseKey, PLACEHOLDERS } from '../engine/index.js';
import type { Problem } from './problem.js';
import type { Source, SourceEntry } from './read.js';

/** Longest answer, in words: about one phone screen. */
export const MAX_ANSWER_WORDS = 120;
/** Fewest alternate phrasings; they are most of what the index matches on. */
export const MIN_ALTERNATES = 4;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SAFE_LINK = /^(?:https:\/\/|tel:|mailto:)/;

/** Each line of the answer with its line number in the file. */
function answerLines(entry: SourceEntry): Array<{ text: string; line: number }> {
  return entry.answer.split(/\r?\n/).map((text, i) => ({ text, line: entry.answerLine + i }));
}

function checkEntry(entry: SourceEntry, problems: Problem[]): void {
  const { file } = entry;
  const at = (line: number, message: string) => problems.push({ file, line, message });
  if (!entry.id?.value) at(1, 'missing `id`: give the entry a stable id such as `what-is-iop`.');
  else if (!ID.test(entry.id.value)) at(entry.id.line, `id \`${entry.id.value}\` must be lowercase words joined by hyphens.`);
  else if (basename(file) !== `${entry.id.value}.md`) at(entry.id.line, `id \`${entry.id.value}\` does not match the file name: name the file \`${entry.id.value}.md\`.`);
  if (!entry.question?.value) at(1, 'missing `question`: add the canonical question the entry answers.');
  if (entry.alternates.length < MIN_ALTERNATES) {
    at(1, `only ${entry.alternates.length} alternate phrasing${entry.alternates.length === 1 ? '' : 's'}: add at least ${MIN_ALTERNATES}, written the way visitors type.`);
  }
  const lines = answerLines(entry);
  const body = entry.answer.trim();
  if (!body) at(entry.answerLine, 'missing answer: write the answer below the closing `---`.');
  const words = body.split(/\s+/).filter(Boolean).length;
  if (words > MAX_ANSWER_WORDS) {
    at(entry.answerLine, `answer is ${words} words; keep it to ${MAX_ANSWER_WORDS} or fewer so it fits a phone screen.`);
  }
  const texts = [...(entry.question ? [{ text: entry.question.value, line: entry.question.line }] : []), ...lines];
  for (const { text, line } of texts) {
    for (const m of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1])) {
        at(line, `unknown placeholder \`{{${m[1]}}}\`: use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`);
      }
    }
  }
  for (const { text, line } of lines) {
    if (/<\/?[a-zA-Z!][^>]*>/.test(text)) at(line, 'raw HTML is not allowed in an answer: use markdown (**bold**, lists, [links](tel:{{phone}})).');
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)/g)) {
      if (!SAFE_LINK.test(m[1])) at(line, `link \`${m[1]}\` is not allowed: links must start with https://, tel: or mailto:.`);
    }
    if (/^\s*#{1,6}\s/.test(text)) at(line, 'headings are not allowed in an answer: it is shown inside a chat bubble.');
    if (/!\[[^\]]*\]\(/.test(text)) at(line, 'images are not allowed in an answer.');
  }
}

/**
 * Checks a read knowledge folder.
 *
 * @param source what readKnowledge returned
 * @param problems where problems are appended
 */
export function validate(source: Source, problems: Problem[]): void {
  if (source.entries.length === 0 && problems.length === 0) {
    problems.push({ file: source.dir, line: 0, message: 'no entries: add at least one `faq/*.md` file.' });
  }
  const ids = new Map<string, SourceEntry>();
  for (const entry of source.entries) {
    checkEntry(entry, problems);
    const id = entry.id?.value;
    if (!id) continue;
    const first = ids.get(id);
    if (first) problems.push({ file: entry.file, line: entry.id!.line, message: `duplicate id \`${id}\`: also used in ${first.file}:${first.id!.line}.` });
    else ids.set(id, entry);
  }
  const phrasings = new Map<string, { entry: SourceEntry; line: number }>();
  for (const entry of source.entries) {
    const own = new Set<string>();
    for (const p of [...(entry.question ? [entry.question] : []), ...entry.alternates]) {
      const key = phraseKey(analyze(p.value));
      if (!key) {
        problems.push({ file: entry.file, line: p.line, message: `phrasing "${p.value}" has no searchable words (only words like "what", "is", "it"): say what it is about.` });
        continue;
      }
      if (own.has(key)) continue;
      own.add(key);
      const other = phrasings.get(key);
      if (other && other.entry !== entry) {
        problems.push({
          file: entry.file,
          line: p.line,
          message: `phrasing "${p.value}" collides with ${other.entry.file}:${other.line}: to the search they are the same words ("${key}"), so they cannot point to two entries.`,
        });
      } else phrasings.set(key, { entry, line: p.line });
    }
    for (const r of entry.related) {
      if (!ids.has(r.value)) problems.push({ file: entry.file, line: r.line, message: `related id \`${r.value}\` does not exist.` });
      else if (r.value === entry.id?.value) problems.push({ file: entry.file, line: r.line, message: 'an entry cannot be related to itself.' });
    }
  }
  const words = new Map<string, number>();
  for (const rule of source.synonyms) {
    if (!/^[a-z0-9]+$/.test(normalize(rule.word)) || normalize(rule.word) !== rule.word.toLowerCase()) {
      problems.push({ file: rule.file, line: rule.line, message: `\`${rule.word}\` must be one word: put phrases on the right of \`=\`.` });
    } else if (isStopWord(normalize(rule.word))) {
      problems.push({ file: rule.file, line: rule.line, message: `\`${rule.word}\` is a stop word, dropped before search: this rule can never apply.` });
    }
    for (const expansion of rule.expansions) {
      if (analyze(expansion).length === 0) {
        problems.push({ file: rule.file, line: rule.line, message: `expansion "${expansion}" has only stop words: it can never match.` });
      }
    }
    const prev = words.get(rule.word.toLowerCase());
    if (prev) problems.push({ file: rule.file, line: rule.line, message: `\`${rule.word}\` is already defined on line ${prev}: merge the two rules.` });
    else words.set(rule.word.toLowerCase(), rule.line);
  }
}
