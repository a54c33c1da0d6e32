/**
 * Loads the fetched payload (payload.ts) into the engine's `Knowledge`, a
 * few entries per task, yielding to the page between them. One promise,
 * forgotten on failure like the fetch.
 */
import { loadKnowledgeInSteps, type Knowledge } from '../engine/index.js';
import { once, type Once } from './payload.js';

/** Lets the page handle input and paint: deriving the index is never one long task. */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** The knowledge base loaded from a payload, a few entries per task. */
export function knowledgeOf(payload: Once<unknown>): Once<Knowledge> {
  return once(async () => {
    const steps = loadKnowledgeInSteps(await payload());
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await yieldToPage();
    }
  });
}
