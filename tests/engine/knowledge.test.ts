import { describe, expect, it } from 'vitest';
import { answer, loadKnowledge, loadKnowledgeInSteps, PAYLOAD_FORMAT, type Knowledge } from '../../src/engine/index.js';
import { ENTRIES_PER_STEP } from '../../src/engine/knowledge.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import { CENTER } from './knowledge-fixture.js';

const { payload } = compileKnowledge('knowledge');
const json = JSON.stringify(payload);

describe('loadKnowledgeInSteps', () => {
  it('pauses every few entries and ends with what loadKnowledge loads', () => {
    const steps = loadKnowledgeInSteps(JSON.parse(json));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const size = payload!.entries.length;
    // One pause between each group of entries, one before finishing the index, one before the synonyms.
    expect(pauses).toBe(Math.ceil(size / ENTRIES_PER_STEP) + 1);
    const stepped: Knowledge = step.value;
    const once = loadKnowledge(JSON.parse(json));
    expect(stepped.index).toEqual(once.index);
    expect(stepped.phrasings).toEqual(once.phrasings);
    expect(stepped.synonyms).toEqual(once.synonyms);
    for (const q of ['what is iop', 'how much does it cost', 'insurnace', 'do you take medicaid']) {
      expect(answer(stepped, q, CENTER), q).toEqual(answer(once, q, CENTER));
    }
  });

  it('refuses a payload of another format on its first step', () => {
    const steps = loadKnowledgeInSteps({ ...JSON.parse(json), format: PAYLOAD_FORMAT + 1 });
    expect(() => steps.next()).toThrow(/payload format/);
  });
});
