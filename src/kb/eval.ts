/**
 * Scores the engine on a file of test questions, so a site owner can see how
 * well their own FAQ answers the way their visitors ask. One case a line:
 *
 *     how many hours a week is it => iop-schedule
 *     i want to talk to a person => escalate
 *
 * The right side is an entry id, or a reply kind (fallback, escalate, crisis).
 */
import { answer, type Center, type Knowledge, type Reply } from '../engine/index.js';
import type { Problem } from './problem.js';

const KINDS = new Set(['answer', 'fallback', 'escalate', 'crisis']);

/** One test question and what should come back. */
export interface EvalCase {
  question: string;
  expect: string;
  line: number;
}

/** The outcome of one case. */
export interface EvalResult extends EvalCase {
  pass: boolean;
  reply: Reply;
}

/** Parses `question => expected` lines; `#` comments and blank lines are skipped. */
export function parseEvalFile(file: string, text: string, problems: Problem[]): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const at = raw.lastIndexOf('=>');
    if (at < 0 || !raw.slice(at + 2).trim()) {
      problems.push({ file, line, message: 'expected `question => entry-id` or `question => fallback|escalate|crisis`.' });
      return;
    }
    cases.push({ question: raw.slice(0, at).trim(), expect: raw.slice(at + 2).trim(), line });
  });
  return cases;
}

/** True when the reply is what the case expects. */
export function matches(reply: Reply, expect: string): boolean {
  return KINDS.has(expect) ? reply.kind === expect : reply.kind === 'answer' && reply.id === expect;
}

/** Runs every case through the engine, each as the first question of a conversation. */
export function runEval(knowledge: Knowledge, cases: EvalCase[], center: Center): EvalResult[] {
  return cases.map((c) => {
    const reply = answer(knowledge, c.question, center);
    return { ...c, reply, pass: matches(reply, c.expect) };
  });
}

/** Expected ids that name no entry: a typo in the test file, not an engine miss. */
export function unknownExpectations(knowledge: Knowledge, cases: EvalCase[]): EvalCase[] {
  return cases.filter((c) => !KINDS.has(c.expect) && !knowledge.positions.has(c.expect));
}
