/** The question sets in tests/fixtures, read with the kb's own eval-file parser. */
import { readFileSync } from 'node:fs';
import { parseEvalFile, type EvalCase } from '../../src/kb/eval.js';

export type Case = EvalCase;

export function readCases(name: string): Case[] {
  const problems: unknown[] = [];
  const cases = parseEvalFile(`${name}.txt`, readFileSync(`tests/fixtures/${name}.txt`, 'utf8'), problems as never[]);
  if (problems.length) throw new Error(`tests/fixtures/${name}.txt is malformed: ${JSON.stringify(problems)}`);
  return cases;
}

/** Raw lines (hostile inputs have no expectation). */
export function readLines(name: string): string[] {
  return readFileSync(`tests/fixtures/${name}.txt`, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('#'));
}
