/** The question sets in tests/fixtures, in the `question => expected` format. */
import { readFileSync } from 'node:fs';

export interface Case {
  question: string;
  expect: string;
  line: number;
}

export function readCases(name: string): Case[] {
  return readFileSync(`tests/fixtures/${name}.txt`, 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() && !text.trim().startsWith('#') && text.includes('=>'))
    .map(({ text, line }) => {
      const at = text.lastIndexOf('=>');
      return { question: text.slice(0, at).trim(), expect: text.slice(at + 2).trim(), line };
    });
}

/** Raw lines (hostile inputs have no expectation). */
export function readLines(name: string): string[] {
  return readFileSync(`tests/fixtures/${name}.txt`, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('#'));
}
