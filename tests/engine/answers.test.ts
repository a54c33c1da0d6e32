import { describe, expect, it } from 'vitest';
import {
  addAnswers,
  answersFor,
  ANSWERS_PER_FILE,
  answer,
  joinAnswers,
  loadKnowledge,
  missingAnswers,
  pendingAnswers,
  splitAnswers,
  withAnswer,
  type KnowledgePayload,
} from '../../src/engine/index.js';
import { DEMO_CENTER } from '../../src/shared/index.js';
import { compileKnowledge } from '../../src/kb/compile.js';

const payload = compileKnowledge('knowledge').payload as KnowledgePayload;

/** The payload as the widget receives it: the index, then each answers file on request. */
function shipped() {
  const { index, files } = splitAnswers(payload);
  index.answers!.files = files.map((_, n) => `answers-${n}.json`);
  return { index, files, knowledge: loadKnowledge(index) };
}

describe('answers shipped apart', () => {
  it('splits every answer out of the index, in files of ANSWERS_PER_FILE, and joins them back exactly', () => {
    const { index, files } = shipped();
    expect(index.entries.every((e) => e[2] === '')).toBe(true);
    expect(files).toHaveLength(Math.ceil(payload.entries.length / ANSWERS_PER_FILE));
    expect(files.slice(0, -1).every((f) => f.length === ANSWERS_PER_FILE)).toBe(true);
    expect(joinAnswers(index, files)).toEqual(payload);
  });

  it('ranks from the index alone, then fills the answer in from the file it names', () => {
    const { files, knowledge } = shipped();
    const first = answer(knowledge, 'what is iop', DEMO_CENTER);
    expect(first).toMatchObject({ kind: 'answer', id: 'what-is-iop', html: '' });
    const file = missingAnswers(knowledge, first)!;
    expect(file).toMatch(/^answers-\d+\.json$/);
    addAnswers(knowledge, file, files[Number(/\d+/.exec(file)![0])]);
    expect(missingAnswers(knowledge, first)).toBeNull();
    const full = answer(loadKnowledge(payload), 'what is iop', DEMO_CENTER);
    expect(withAnswer(knowledge, first as Extract<typeof first, { kind: 'answer' }>, DEMO_CENTER)).toEqual(full);
    expect(pendingAnswers(knowledge)).toHaveLength(files.length - 1);
    expect(pendingAnswers(knowledge)).not.toContain(file);
  });

  it('needs no file for small talk, crisis or fallback replies, nor when the answers came with the payload', () => {
    const { knowledge } = shipped();
    for (const q of ['thanks', 'i want to kill myself', 'what is the capital of peru']) expect(missingAnswers(knowledge, answer(knowledge, q, DEMO_CENTER))).toBeNull();
    const whole = loadKnowledge(payload);
    expect(missingAnswers(whole, answer(whole, 'what is iop', DEMO_CENTER))).toBeNull();
    expect(pendingAnswers(whole)).toEqual([]);
  });

  it('refuses a file that is not this knowledge base\'s, or not an answers file, and stays usable', () => {
    const { files, knowledge } = shipped();
    expect(() => addAnswers(knowledge, 'other.json', files[0])).toThrow(expect.objectContaining({ name: 'KnowledgeError' }));
    expect(() => addAnswers(knowledge, 'answers-0.json', { html: 'x' })).toThrow(/not an answers file/);
    expect(() => addAnswers(knowledge, 'answers-0.json', files[0].slice(1))).toThrow(/rebuild/);
    expect(pendingAnswers(knowledge)).toHaveLength(files.length);
    addAnswers(knowledge, 'answers-0.json', files[0]);
    expect(knowledge.entries[0].html).toBe(payload.entries[0][2]);
  });

  it('refuses an index whose answers files do not fit its entries', () => {
    const { index } = shipped();
    expect(() => loadKnowledge({ ...index, answers: { files: index.answers!.files.slice(1), per: ANSWERS_PER_FILE } })).toThrow(/rebuild/);
    expect(() => loadKnowledge({ ...index, answers: { files: index.answers!.files, per: 0 } })).toThrow(/rebuild/);
    expect(() => joinAnswers(index, [])).toThrow(/rebuild/);
  });
});

describe('answersFor', () => {
  it('names each file holding the entries once, skipping files already added and ids that are not entries', () => {
    const { files, knowledge } = shipped();
    const ids = knowledge.entries.map((e) => e.id);
    expect(answersFor(knowledge, [ids[0], ids[1], 'smalltalk:thanks'])).toEqual(['answers-0.json']);
    expect(answersFor(knowledge, [ids[0], ids[ANSWERS_PER_FILE]])).toEqual(['answers-0.json', 'answers-1.json']);
    addAnswers(knowledge, 'answers-0.json', files[0]);
    expect(answersFor(knowledge, [ids[0], ids[ANSWERS_PER_FILE]])).toEqual(['answers-1.json']);
  });
});
