/**
 * Loads the fetched payload (payload.ts) into the engine's `Knowledge` in
 * slices of a few milliseconds, yielding to the page between them. One
 * promise, forgotten on failure like the fetch.
 */
import { loadKnowledgeInSteps, type Knowledge } from '../engine/index.js';
import { yieldToPage } from './idle.js';
import { once, type Once } from './payload.js';

/**
 * Main-thread time a slice may take before the page gets a turn: a fifth of
 * a long task's 50 ms, leaving room for the one step that ends past it on a
 * slow phone, and few enough yields that their cost does not add up.
 */
export const SLICE_MS = 10;

/**
 * The knowledge base loaded from a payload, `SLICE_MS` of main thread at a
 * time; `yieldNow` gives the page its turn (a test counts the turns).
 */
export function knowledgeOf(payload: Once<unknown>, yieldNow = yieldToPage): Once<Knowledge> {
  return once(async () => {
    const steps = loadKnowledgeInSteps(await payload());
    for (let slice = performance.now(); ; ) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - slice >= SLICE_MS) {
        await yieldNow();
        slice = performance.now();
      }
    }
  });
}
