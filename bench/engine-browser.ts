/**
 * The knowledge base's share of a first answer, in Chromium at 4x CPU: the
 * engine alone (bundled here with vite, as the widget bundles it) loads the
 * built payload in a fresh page, cold, and answers. It separates what the
 * knowledge base costs the main thread from what the panel costs, and shows
 * the longest step of `loadKnowledgeInSteps` (what a caller that yields
 * between steps would see as its longest task).
 */
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { CPU_THROTTLING } from './chromium.js';
import type { Route } from './serve.js';

export interface EngineRun {
  parseMs: number;
  /** All steps: what `loadKnowledge` takes as one task. */
  loadMs: number;
  longestStepMs: number;
  steps: number;
  firstAnswerMs: number;
  nextAnswerMs: number;
}

/** The engine as one minified ES module. */
export async function engineBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2020',
      lib: { entry: 'src/engine/index.ts', formats: ['es'], fileName: () => 'engine.js' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((o) => o.output).find((c) => c.type === 'chunk');
  if (!chunk?.code) throw new Error('vite produced no engine chunk');
  return chunk.code;
}

/** Routes for the engine page, the bundle and the payload. */
export function engineRoutes(bundle: string, payload: string): Map<string, Route> {
  return new Map<string, Route>([
    ['/engine/page.html', { body: '<!doctype html><html lang="en"><title>engine</title><body></body></html>', type: 'text/html; charset=utf-8' }],
    ['/engine/engine.js', { body: bundle, type: 'text/javascript; charset=utf-8' }],
    ['/engine/kb.json', { body: payload, type: 'application/json; charset=utf-8' }],
  ]);
}

const IN_PAGE = `async ([cold, warm]) => {
  const engine = await import('/engine/engine.js');
  const text = await (await fetch('/engine/kb.json')).text();
  const center = { center: 'Sunrise Recovery', phone: '(555) 010-0100' };
  let t = performance.now();
  const payload = JSON.parse(text);
  const parseMs = performance.now() - t;
  const steps = engine.loadKnowledgeInSteps(payload);
  let loadMs = 0, longestStepMs = 0, count = 0, step;
  do {
    t = performance.now();
    step = steps.next();
    const d = performance.now() - t;
    loadMs += d; longestStepMs = Math.max(longestStepMs, d); count++;
    await new Promise((r) => setTimeout(r, 0));
  } while (!step.done);
  t = performance.now();
  engine.answer(step.value, cold, center);
  const firstAnswerMs = performance.now() - t;
  t = performance.now();
  engine.answer(step.value, warm, center);
  const nextAnswerMs = performance.now() - t;
  return { parseMs, loadMs, longestStepMs, steps: count, firstAnswerMs, nextAnswerMs };
}`;

/** One cold run in a fresh context. */
export async function measureEngine(browser: Browser, origin: string, questions: [string, string]): Promise<EngineRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await page.goto(`${origin}/engine/page.html`);
    return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(questions)})`)) as EngineRun;
  } finally {
    await context.close();
  }
}
