/**
 * The knowledge base's share of a first answer, in Chromium at 4x CPU: the
 * engine alone (bundled here with vite, as the widget bundles it) loads the
 * built payload in a fresh page, cold, and answers. It separates what the
 * knowledge base costs the main thread from what the panel costs, and shows
 * the longest step of `loadKnowledgeInSteps` (what a caller that yields
 * between steps would see as its longest task). A plain lunr index of the
 * same knowledge base, loaded the same way, is the baseline.
 */
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { CPU_THROTTLING } from './chromium.js';
import type { Route } from './serve.js';

export interface EngineRun {
  /** import() of the engine module, fetched and compiled. */
  importMs: number;
  parseMs: number;
  /** All steps: what `loadKnowledge` takes as one task. */
  loadMs: number;
  longestStepMs: number;
  steps: number;
  firstAnswerMs: number;
  nextAnswerMs: number;
}

/** The same, for a plain lunr index: what loading cost before the engine had its own index. */
export interface LunrRun {
  importMs: number;
  /** JSON.parse + lunr.Index.load. */
  loadMs: number;
}

/** One entry module as one minified ES module, bundled by vite. */
async function bundle(entry: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2020',
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((o) => o.output).find((c) => c.type === 'chunk');
  if (!chunk?.code) throw new Error(`vite produced no chunk for ${entry}`);
  return chunk.code;
}

const JS = 'text/javascript; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Routes for the engine page: the engine and lunr bundles, our payload as
 * shipped and with the index packed in, and a plain lunr index of the same
 * knowledge base.
 */
export async function engineRoutes(payload: string, packed: string, lunrIndexJson: string): Promise<Map<string, Route>> {
  return new Map<string, Route>([
    ['/engine/page.html', { body: '<!doctype html><html lang="en"><title>engine</title><body></body></html>', type: 'text/html; charset=utf-8' }],
    ['/engine/engine.js', { body: await bundle('src/engine/index.ts'), type: JS }],
    ['/engine/lunr.js', { body: await bundle('bench/lunr-entry.ts'), type: JS }],
    ['/engine/kb.json', { body: payload, type: JSON_TYPE }],
    ['/engine/kb-packed.json', { body: packed, type: JSON_TYPE }],
    ['/engine/lunr.json', { body: lunrIndexJson, type: JSON_TYPE }],
  ]);
}

const IN_PAGE = `async ([url, cold, warm]) => {
  const text = await (await fetch(url)).text();
  let t = performance.now();
  const engine = await import('/engine/engine.js');
  const importMs = performance.now() - t;
  const center = { center: 'Sunrise Recovery', phone: '(555) 010-0100' };
  t = performance.now();
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
  return { importMs, parseMs, loadMs, longestStepMs, steps: count, firstAnswerMs, nextAnswerMs };
}`;

const LUNR_IN_PAGE = `async () => {
  const text = await (await fetch('/engine/lunr.json')).text();
  let t = performance.now();
  const { default: lunr } = await import('/engine/lunr.js');
  const importMs = performance.now() - t;
  t = performance.now();
  lunr.Index.load(JSON.parse(text));
  return { importMs, loadMs: performance.now() - t };
}`;

/** Opens the engine page in a fresh, throttled context and runs `script` there. */
async function inFreshPage<T>(browser: Browser, origin: string, script: string): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await page.goto(`${origin}/engine/page.html`);
    return (await page.evaluate(script)) as T;
  } finally {
    await context.close();
  }
}

/** One cold run of a plain lunr index in a fresh context. */
export function measureLunr(browser: Browser, origin: string): Promise<LunrRun> {
  return inFreshPage(browser, origin, `(${LUNR_IN_PAGE})()`);
}

/**
 * One cold run in a fresh context.
 *
 * @param packed load the payload with the index packed in instead of the one shipped
 */
export function measureEngine(browser: Browser, origin: string, questions: [string, string], packed = false): Promise<EngineRun> {
  const url = packed ? '/engine/kb-packed.json' : '/engine/kb.json';
  return inFreshPage(browser, origin, `(${IN_PAGE})(${JSON.stringify([url, ...questions])})`);
}
