/**
 * `npm run kb -- <command>`: build, check, ask and eval a knowledge folder.
 * The entry point of the kb room; the only file here that reads argv or
 * writes to the terminal.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { answer, type Center, type Reply } from '../engine/index.js';
import { DEMO_CENTER } from '../shared/index.js';
import { PACK_INDEX_FROM } from './build.js';
import { compileKnowledge } from './compile.js';
import { parseEvalFile, runEval, unknownExpectations } from './eval.js';
import { formatProblem, type Problem } from './problem.js';
import { readBuilt, writePayload } from './write.js';

const USAGE = `Usage: npm run kb -- <command> [options]

Commands:
  build [--knowledge DIR] [--out DIR] [--pack | --no-pack]
                                        check the knowledge folder and write the index into DIR;
                                        --pack ships the index packed (the default from ${PACK_INDEX_FROM} entries):
                                        bigger, but loading no longer grows with the knowledge base
  check [--knowledge DIR]               report every problem in the knowledge folder (file:line)
  ask [QUESTION] [--json] [--out DIR]   answer one question, or with --json one question a line from stdin
  eval FILE [--min PERCENT] [--out DIR] score test questions (\`question => entry-id|fallback|escalate|crisis\`)

Options:
  --knowledge DIR   knowledge folder (default: knowledge)
  --out DIR         where the built index lives (default: dist)
  --center NAME     center name for {{center}} (default: ${DEMO_CENTER.center})
  --phone NUMBER    phone for {{phone}} (default: ${DEMO_CENTER.phone})
`;

function fail(message: string): never {
  process.stderr.write(`kb: ${message}\n`);
  process.exit(2);
}

function reportProblems(problems: Problem[]): void {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.stderr.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written.\n`);
}

function json(question: string, reply: Reply): string {
  return JSON.stringify({ question, kind: reply.kind, id: reply.id, text: reply.text, confidence: reply.confidence });
}

function readable(reply: Reply): string {
  const head = `[${reply.kind}${reply.id ? ` ${reply.id}` : ''} · confidence ${reply.confidence}]`;
  const extra =
    reply.kind === 'fallback' && reply.suggestions.length
      ? `\n\nDid you mean:\n${reply.suggestions.map((s) => `  - ${s.question} (${s.id})`).join('\n')}`
      : reply.kind === 'crisis'
        ? `\n\n${reply.actions.map((a) => `  ${a.label}: ${a.href}`).join('\n')}`
        : '';
  return `${head}\n${reply.text}${extra}\n`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      knowledge: { type: 'string', default: 'knowledge' },
      out: { type: 'string', default: 'dist' },
      json: { type: 'boolean', default: false },
      pack: { type: 'boolean' },
      'no-pack': { type: 'boolean' },
      min: { type: 'string' },
      center: { type: 'string', default: DEMO_CENTER.center },
      phone: { type: 'string', default: DEMO_CENTER.phone },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const center: Center = { center: values.center!, phone: values.phone! };
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return;
  }
  if (command === 'build' || command === 'check') {
    const pack = values.pack ? true : values['no-pack'] ? false : undefined;
    const { payload, problems, entries } = compileKnowledge(values.knowledge!, pack);
    if (!payload) {
      reportProblems(problems);
      process.exit(1);
    }
    if (command === 'check') {
      process.stdout.write(`${values.knowledge}: ${entries} entries, no problems.\n`);
      return;
    }
    const { file, answers } = writePayload(values.out!, payload);
    const gz = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(join(values.out!, f)), { level: 9 }).length, 0) / 1000;
    process.stdout.write(
      `kb: ${entries} entries → ${values.out}/${file} (index, ${gz([file]).toFixed(1)} KB gzip) and ${answers.length} answers files (${gz(answers).toFixed(1)} KB gzip in all)\n`,
    );
    return;
  }
  const knowledge = (() => {
    try {
      return readBuilt(values.out!);
    } catch (error) {
      return fail(`cannot load the built index from ${values.out}: ${(error as Error).message}. Run \`npm run kb -- build\` first.`);
    }
  })();
  if (command === 'ask') {
    if (!values.json) {
      const question = rest.join(' ');
      if (!question) fail('ask needs a question, or --json to read questions from standard input.');
      process.stdout.write(readable(answer(knowledge, question, center)));
      return;
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) process.stdout.write(`${json(line, answer(knowledge, line, center))}\n`);
    return;
  }
  if (command === 'eval') {
    const [file] = rest;
    if (!file) fail('eval needs a file of test questions.');
    const problems: Problem[] = [];
    const cases = parseEvalFile(file, readFileSync(file, 'utf8'), problems);
    for (const c of unknownExpectations(knowledge, cases)) {
      problems.push({ file, line: c.line, message: `expected id \`${c.expect}\` is not an entry in the built index.` });
    }
    if (problems.length) {
      reportProblems(problems);
      process.exit(1);
    }
    const results = runEval(knowledge, cases, center);
    const passed = results.filter((r) => r.pass).length;
    const accuracy = cases.length ? (100 * passed) / cases.length : 0;
    for (const r of results.filter((x) => !x.pass)) {
      process.stdout.write(`${file}:${r.line}: "${r.question}" expected ${r.expect}, got ${r.reply.kind}${r.reply.id ? ` ${r.reply.id}` : ''}\n`);
    }
    process.stdout.write(`\n${passed}/${cases.length} correct (${accuracy.toFixed(1)}%)\n`);
    const min = values.min === undefined ? undefined : Number(values.min);
    if (min !== undefined && (Number.isNaN(min) || min < 0 || min > 100)) fail('--min takes a percentage between 0 and 100.');
    if (min !== undefined && accuracy < min) {
      process.stdout.write(`below the minimum of ${min}%\n`);
      process.exit(1);
    }
    return;
  }
  fail(`unknown command \`${command}\`.\n\n${USAGE}`);
}

main().catch((error: unknown) => fail((error as Error).stack ?? String(error)));
