import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARM_UP } from '../../src/engine/answer.js';
import { answer, answerInSteps, loadKnowledge, warmUp } from '../../src/engine/index.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import { readCases } from './fixtures.js';
import { CENTER, defaultKnowledge, freshKnowledge } from './knowledge-fixture.js';

const ask = (q: unknown, unanswered = 0) => answer(defaultKnowledge(), q, { ...CENTER, unanswered });

describe('answer', () => {
  it('answers the canonical questions from the index', () => {
    expect(ask('what is iop')).toMatchObject({ kind: 'answer', id: 'what-is-iop' });
    expect(ask('PHP vs. IOP: what’s the difference?')).toMatchObject({ kind: 'answer', id: 'iop-vs-php' });
    expect(ask('how many hrs a week')).toMatchObject({ kind: 'answer', id: 'iop-schedule' });
  });

  it('fills the center and phone into the answer', () => {
    const reply = ask('does my insurance cover it');
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') {
      expect(reply.text).toContain('Sunrise Recovery');
      expect(reply.text).not.toContain('{{');
      expect(reply.related.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('puts a crisis first, whatever else the message asks', () => {
    const reply = ask('how much does iop cost, i want to kill myself');
    expect(reply.kind).toBe('crisis');
    if (reply.kind === 'crisis') expect(reply.actions[0].href).toBe('tel:988');
  });

  it('hands a visitor who asks for a person to the call and callback', () => {
    expect(ask('can i talk to a real person').kind).toBe('escalate');
    expect(ask('please call me back').kind).toBe('escalate');
  });

  it('answers small talk briefly instead of searching', () => {
    expect(ask('hello')).toMatchObject({ kind: 'answer', id: 'smalltalk:greeting' });
    expect(ask('thanks!')).toMatchObject({ kind: 'answer', id: 'smalltalk:thanks' });
  });

  it('says it is not sure when the FAQ does not cover the question', () => {
    expect(ask('what is the weather in boston tomorrow').kind).toBe('fallback');
    expect(ask('can i bring my dog').kind).toBe('fallback');
  });

  it('never answers with confidence from spelling guesses alone', () => {
    for (const q of ['__proto__', 'toString']) expect(ask(q).kind, q).toBe('fallback');
  });

  it('offers a person after a second unanswered question in a row', () => {
    expect(ask('who won the game last night', 1)).toMatchObject({ kind: 'escalate', reason: 'unanswered' });
  });

  it('never throws and never echoes markup, whatever it is given', () => {
    for (const q of ['', '   ', ':', '~', '^', '*', '+', '-', 'constructor', '__proto__', 'toString', '<img src=x onerror=alert(1)>', '\u202e\u200f', '🙂🙂', 'x'.repeat(10_000), null, undefined, 42, {}]) {
      const reply = ask(q);
      expect(['answer', 'fallback', 'escalate', 'crisis']).toContain(reply.kind);
      expect(reply.text).not.toMatch(/<img|onerror/);
    }
  });
});

describe('answerInSteps', () => {
  /** How many times the steps pause before the reply, and the reply. */
  function stepped(question: string) {
    const steps = answerInSteps(defaultKnowledge(), question, CENTER);
    let pauses = 0;
    for (let step = steps.next(); ; step = steps.next(), pauses++) if (step.done) return { pauses, reply: step.value };
  }

  it('decides a crisis in its first step, before anything else runs', () => {
    expect(stepped('I want to end my life')).toMatchObject({ pauses: 0, reply: { kind: 'crisis' } });
  });

  it('pauses after the rules, after analysis, and after the ranking', () => {
    expect(stepped('can i talk to a real person')).toMatchObject({ pauses: 1, reply: { kind: 'escalate' } });
    expect(stepped('what is iop')).toMatchObject({ pauses: 4, reply: { kind: 'answer', id: 'what-is-iop' } });
    expect(stepped('what is the weather in boston')).toMatchObject({ pauses: 4, reply: { kind: 'fallback' } });
  });
});

describe('warmUp', () => {
  it('asks questions that trip no rule, so that warming up goes through the index too', () => {
    const k = defaultKnowledge();
    for (const q of WARM_UP) expect(['answer', 'fallback']).toContain(answer(k, q, CENTER).kind);
  });

  it('changes no answer, with or without the knowledge base', () => {
    const k = defaultKnowledge();
    const questions = [...readCases('questions').slice(0, 40).map((c) => c.question), 'my son overdosed', 'can i talk to a real person', 'thanks'];
    const before = questions.map((q) => answer(k, q, CENTER));
    for (const _ of warmUp());
    for (const _ of warmUp(k));
    expect(questions.map((q) => answer(k, q, CENTER))).toEqual(before);
  });

  it('never builds the spelling vocabulary, even for a knowledge base that lacks its words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warm-up-'));
    try {
      mkdirSync(join(dir, 'faq'));
      writeFileSync(join(dir, 'faq', 'parking.md'), ['---', 'id: parking', 'question: Is there parking?', 'alternates:', '  - where do i leave my car', '  - garage nearby', '  - free lot', '  - parking spaces', '---', 'Behind the building.'].join('\n'));
      const { payload, problems } = compileKnowledge(dir);
      expect(problems).toEqual([]);
      for (const k of [loadKnowledge(payload), freshKnowledge()]) {
        for (const _ of warmUp(k));
        expect(k.vocabulary).toBeNull();
        answer(k, 'is there parkng', CENTER); // a misspelling does build it
        expect(k.vocabulary).not.toBeNull();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
