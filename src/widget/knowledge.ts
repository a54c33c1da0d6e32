/**
 * Loads the fetched payload (payload.ts) into the engine's `Knowledge` in
 * slices of a few milliseconds, yielding to the page between them. One
 * promise, forgotten on failure like the fetch.
 */
import { loadKnowledgeInSteps, type Knowledge } from '../engine/index.js';
import { inSlices } from './idle.js';
import { once, type Once } from './payload.js';

/** The knowledge base loaded from a payload, a slice at a time (`inSlices`; `yieldNow` as there). */
export function knowledgeOf(payload: Once<unknown>, yieldNow?: () => Promise<void>): Once<Knowledge> {
  return once(async () => inSlices(loadKnowledgeInSteps(await payload()), yieldNow));
}
