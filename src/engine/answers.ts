/**
 * Answers shipped apart from the index. The answers' HTML is nearly half of
 * a knowledge base's bytes, and a first answer needs one of them, so the kb
 * writes them in small files of a few entries each (in entry order, so an
 * entry's related questions are often in the same file) and the index file
 * names them. The widget fetches the file an answer needs, then the rest
 * while the visitor reads; Node loads them all at once (`joinAnswers`).
 */
import { entryById, KnowledgeError, type Knowledge, type KnowledgePayload } from './knowledge.js';
import { answerReply, type AnswerReply, type Reply } from './reply.js';
import type { Center } from './placeholders.js';

/** Entries per answers file: each is some 1-2 KB gzip for FAQ-length answers. */
export const ANSWERS_PER_FILE = 8;

/** Where a payload's answers are: files in entry order, `per` entries each. */
export interface AnswerFiles {
  files: string[];
  per: number;
}

/** An index payload without answers, and the answers' files' contents (each an array of HTML, in entry order). */
export function splitAnswers(payload: KnowledgePayload, per = ANSWERS_PER_FILE): { index: KnowledgePayload; files: string[][] } {
  const files: string[][] = [];
  payload.entries.forEach(([, , html], i) => (files[Math.floor(i / per)] ??= []).push(html));
  return {
    index: { ...payload, entries: payload.entries.map(([id, question, , ...rest]) => [id, question, '', ...rest]), answers: { files: [], per } },
    files,
  };
}

/** The payload with its answers back in, from the files' contents in order (what Node loads). */
export function joinAnswers(index: KnowledgePayload, files: readonly unknown[]): KnowledgePayload {
  const { answers, ...rest } = index;
  if (!answers) return index;
  const html = files.flatMap((f, n) => checked(f, answers.files[n] ?? `answers file ${n}`));
  if (html.length !== index.entries.length) throw new KnowledgeError(`the answers files hold ${html.length} answers for ${index.entries.length} entries: rebuild with \`npm run kb -- build\``);
  return { ...rest, entries: index.entries.map(([id, question, , ...more], i) => [id, question, html[i], ...more]) };
}

function checked(content: unknown, file: string): string[] {
  if (!Array.isArray(content) || !content.every((h) => typeof h === 'string')) {
    throw new KnowledgeError(`${file} is not an answers file: rebuild with \`npm run kb -- build\``);
  }
  return content as string[];
}

/** The answers files (not fetched yet) that hold these entries' answers, each once. */
export function answersFor(knowledge: Knowledge, ids: readonly string[]): string[] {
  const { answers } = knowledge;
  const out = new Set<string>();
  for (const id of ids) {
    const doc = knowledge.positions.get(id);
    if (!answers || doc === undefined) continue; // small talk, or every answer is in
    const n = Math.floor(doc / answers.per);
    if (!answers.loaded[n]) out.add(answers.files[n]);
  }
  return [...out];
}

/** The answers file a reply is waiting for (its entry's answer not fetched yet), or null. */
export function missingAnswers(knowledge: Knowledge, reply: Reply): string | null {
  return reply.kind === 'answer' ? (answersFor(knowledge, [reply.id])[0] ?? null) : null;
}

/** Answers files not fetched yet, in order. */
export function pendingAnswers(knowledge: Knowledge): string[] {
  const { answers } = knowledge;
  return answers ? answers.files.filter((_, n) => !answers.loaded[n]) : [];
}

/**
 * Adds a fetched answers file to the knowledge base.
 *
 * @throws KnowledgeError when the file is not one of this knowledge base's, or not an answers file
 */
export function addAnswers(knowledge: Knowledge, file: string, content: unknown): void {
  const { answers } = knowledge;
  const n = answers ? answers.files.indexOf(file) : -1;
  if (!answers || n < 0) throw new KnowledgeError(`${file} is not an answers file of this knowledge base`);
  const html = checked(content, file);
  const first = n * answers.per;
  const count = Math.min(answers.per, knowledge.size - first);
  if (html.length !== count) throw new KnowledgeError(`${file} holds ${html.length} answers where ${count} were expected: rebuild with \`npm run kb -- build\``);
  html.forEach((h, i) => (knowledge.entries[first + i].html = h));
  answers.loaded[n] = true;
}

/** The reply again, with its entry's answer now that it has been added. */
export function withAnswer(knowledge: Knowledge, reply: AnswerReply, center: Center): AnswerReply {
  const entry = entryById(knowledge, reply.id);
  return entry ? answerReply(entry, center, reply.confidence, reply.related) : reply;
}
