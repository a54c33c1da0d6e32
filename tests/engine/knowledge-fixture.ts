/** The default knowledge base, built in memory with the kb's own pipeline. */
import { loadKnowledge, type Knowledge } from '../../src/engine/index.js';
import { compileKnowledge } from '../../src/kb/compile.js';

let cached: Knowledge | null = null;

export function defaultKnowledge(): Knowledge {
  if (cached) return cached;
  const { payload, problems } = compileKnowledge('knowledge');
  if (!payload) throw new Error(`knowledge/ has problems: ${JSON.stringify(problems)}`);
  cached = loadKnowledge(JSON.parse(JSON.stringify(payload)));
  return cached;
}

export const CENTER = { center: 'Sunrise Recovery', phone: '(555) 010-0100' };
