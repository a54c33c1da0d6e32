/** The default knowledge base, built in memory with the kb's own pipeline. */
import { loadKnowledge, type Knowledge } from '../../src/engine/index.js';
import { compileKnowledge } from '../../src/kb/compile.js';

let cached: Knowledge | null = null;

/** Shared by the tests that only read it. */
export function defaultKnowledge(): Knowledge {
  return (cached ??= freshKnowledge());
}

/** A copy of its own, for a test that watches what loading or asking leaves on it. */
export function freshKnowledge(): Knowledge {
  const { payload, problems } = compileKnowledge('knowledge');
  if (!payload) throw new Error(`knowledge/ has problems: ${JSON.stringify(problems)}`);
  return loadKnowledge(JSON.parse(JSON.stringify(payload)));
}

export const CENTER = { center: 'Sunrise Recovery', phone: '(555) 010-0100' };
