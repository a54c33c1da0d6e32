/**
 * A problem in a knowledge folder, located at file:line and said in a plain
 * sentence a site owner can act on. Checks collect every problem before
 * anything is reported, so one run shows them all.
 */

/** One thing wrong in a knowledge file. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** `file:line: message`, the form editors and terminals link. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Thrown when a knowledge folder has problems; carries all of them. */
export class KnowledgeProblems extends Error {
  override name = 'KnowledgeProblems';
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the knowledge folder:\n${problems.map(formatProblem).join('\n')}`);
  }
}
