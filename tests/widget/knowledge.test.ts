import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, loadKnowledge } from '../../src/engine/index.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import { SLICE_MS } from '../../src/widget/idle.js';
import { knowledgeOf } from '../../src/widget/knowledge.js';
import { once } from '../../src/widget/payload.js';
import { CENTER } from '../engine/knowledge-fixture.js';

const { payload } = compileKnowledge('knowledge');
const json = JSON.stringify(payload);

afterEach(() => vi.restoreAllMocks());

/** A clock that moves `ms` every time it is read, as if each step took that long. */
function clockStepping(ms: number) {
  let t = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (t += ms));
  return () => t;
}

describe('knowledgeOf', () => {
  it('gives the page a turn whenever a slice has used its time, and loads what loadKnowledge loads', async () => {
    const clock = clockStepping(3);
    const slices: number[] = [];
    let start = 0;
    const load = knowledgeOf(
      once(async () => JSON.parse(json)),
      async () => {
        slices.push(clock() - start);
        start = clock();
      },
    );
    const k = await load();
    expect(slices.length).toBeGreaterThan(2);
    // A slice stops at the first step to end past the budget: never more than one step over.
    for (const ms of slices) expect(ms).toBeLessThanOrEqual(SLICE_MS + 3 + 3);
    const whole = loadKnowledge(JSON.parse(json));
    expect(k.index).toEqual(whole.index);
    expect(answer(k, 'what is iop', CENTER)).toEqual(answer(whole, 'what is iop', CENTER));
  });

  it('does not yield at all when the whole load fits in one slice', async () => {
    clockStepping(0);
    const yieldNow = vi.fn(async () => undefined);
    await knowledgeOf(once(async () => JSON.parse(json)), yieldNow)();
    expect(yieldNow).not.toHaveBeenCalled();
  });

  it('rejects with the engine\'s error for a payload it cannot read, and starts again on the next call', async () => {
    let calls = 0;
    const load = knowledgeOf(async () => (++calls === 1 ? { entries: 'nope' } : JSON.parse(json)));
    await expect(load()).rejects.toThrow(/not a knowledge payload/);
    expect((await load()).size).toBe(payload!.entries.length);
  });
});
