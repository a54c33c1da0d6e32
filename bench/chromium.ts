/**
 * Cold page loads in headless Chromium at 4x CPU throttling (CDP
 * Emulation.setCPUThrottlingRate), each in a fresh browser context (empty
 * cache), measuring for one host page:
 *
 * - main-thread time: CDP Performance.getMetrics TaskDuration and
 *   ScriptDuration once the page has settled;
 * - long tasks (PerformanceObserver 'longtask', buffered), and which of them
 *   ran the widget's own script: a script the Long Animation Frames API
 *   attributes to the widget's files (it lists scripts over 5 ms) overlaps it;
 * - launcher time: from `performance.mark('bench:script-start')`, which the
 *   bench server puts at the start of the widget's script, to the first animation
 *   frame in which the launcher element is laid out with a size (looked for
 *   in each frame from that mark on);
 * - which files were requested on load;
 * - optionally the first answer on a cold open, two ways, each on its own
 *   cold page (nothing prefetched): as a visitor gets it (a mouse click on
 *   the launcher, the question typed into the box the moment it is there,
 *   Enter; timed from the Enter), and through the site's JS API
 *   (`AdmissionsChat.ask` opens and asks at once; timed from the call, so
 *   opening the panel is included); then a second answer once loaded. Each
 *   ends at the DOM mutation that shows the expected answer text; the files
 *   it needed are those requested in between (resource timing), not those
 *   the widget prefetches once the answer is shown.
 */
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { CHROME, launch } from '../tests/e2e/browser.js';

/** CPU slowdown the budgets are stated at. */
export const CPU_THROTTLING = 4;

/** How long a page is left after the network goes idle before its main-thread time is read. */
export const SETTLE_MS = 1000;

/** One page to measure. */
export interface Variant {
  name: string;
  /** Path of its host page on the bench server. */
  page: string;
  /** Source of a function that returns the launcher element, or null (the bare page). */
  launcher: string | null;
  /**
   * Paths its widget's scripts are served under, to tell its own long tasks.
   * A module graph's work is credited to the script that imports it, so a
   * peer's inline `<script type="module">` snippet counts as its own.
   */
  scripts: string[];
  /** Questions to ask after load (our widget only). */
  ask?: { cold: Question; warm: Question };
}

export interface Question {
  text: string;
  /** Text the answer shows, to know it is on screen. */
  expect: string;
}

/** One cold load. */
export interface Run {
  taskMs: number;
  scriptMs: number;
  /** Style recalculation and layout (CDP RecalcStyleDuration + LayoutDuration). */
  styleLayoutMs: number;
  launcherMs: number | null;
  longTasks: number[];
  /** Long tasks on load in which the variant's own script ran for over 5 ms. */
  ownLongTasks: number[];
  requested: string[];
  /** Requests to anywhere but the bench server (none expected: the machine is offline). */
  offOrigin: string[];
  answer?: { coldMs: number; warmMs: number; longTasks: number[]; requested: string[] };
  /** The visitor's way, on a page of its own: click → question box, click → Enter, Enter → answer; long tasks and files from the pointer's arrival on the launcher to the answer. */
  visit?: { boxMs: number; enterMs: number; answerMs: number; longTasks: number[]; requested: string[] };
}

/** Debian's Chromium, found and launched as the e2e tests do (offline flags included), or null when there is none. */
export async function launchBrowser(): Promise<Browser | null> {
  return CHROME ? launch() : null;
}

/** Runs in every page before its own scripts: long tasks and the launcher's first frame. */
function instrument(launcher: string | null): string {
  return `(() => {
    const bench = (window.__bench = { longTasks: [], scripts: [], launcher: null });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries()) {
        for (const s of frame.scripts) bench.scripts.push({ start: s.startTime, end: s.startTime + s.duration, url: s.sourceURL });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
    const find = ${launcher ?? 'null'};
    if (!find) return;
    const poll = () => {
      let el = null;
      try { el = find(); } catch {}
      const box = el && el.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) bench.launcher = performance.now();
      else requestAnimationFrame(poll);
    };
    // Started by the widget's script's first line (pages.ts), not here: no
    // frame before the script runs can hold its launcher, and polling in
    // each of them would be harness script counted against the widget.
    let started = false;
    window.__benchPoll = () => { if (!started) { started = true; requestAnimationFrame(poll); } };
  })();`;
}

/** Read in the page once loaded: long tasks, those in which a script served under one of `own` ran, and the launcher time. */
const ON_LOAD = `(own) => {
  const bench = window.__bench;
  const start = performance.getEntriesByName('bench:script-start')[0]?.startTime;
  const mine = (url) => own.some((path) => url.startsWith(location.origin + path));
  const ran = (t) => bench.scripts.some((s) => mine(s.url) && s.start < t.start + t.duration && s.end > t.start);
  return {
    longTasks: bench.longTasks,
    own: bench.longTasks.filter(ran).map((t) => t.duration),
    launcherMs: bench.launcher !== null && start !== undefined ? bench.launcher - start : null,
  };
}`;

/**
 * Resolves with the time at which `test` holds for the widget's shadow root
 * with the text on screen. The panel is drawn inside an inert, invisible
 * container while it is first laid out and shown by lifting the inert, so
 * nothing counts while anything in the root is inert.
 */
const SEEN = `(root, test) => new Promise((resolve) => {
  const observer = new MutationObserver(() => !root.querySelector('[inert]') && test() && (observer.disconnect(), resolve(performance.now())));
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributeFilter: ['inert'] });
})`;

/** Asks in the page and resolves with ms from the ask to the answer's text on screen in the shadow root. */
const ASK = `async ({ text, expect }) => {
  const root = document.querySelector('[data-admissions-chat]').shadowRoot;
  const t0 = performance.now();
  const answered = (${SEEN})(root, () => root.textContent.includes(expect));
  window.AdmissionsChat.ask(text);
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 15 s: ' + text)), 15000)));
  try {
    return { ms: (await Promise.race([answered, late])) - t0, t0 };
  } finally {
    clearTimeout(timer);
  }
}`;

/** Installed before the visitor clicks: when the click lands, the question box appears, Enter goes down and the answer shows. */
const VISIT = `(launcher, expect) => {
  const root = launcher.getRootNode();
  const at = (window.__visit = {});
  // pointerover comes before the pointerenter the widget listens to.
  launcher.addEventListener('pointerover', () => (at.intent = performance.now()), { once: true });
  launcher.addEventListener('pointerdown', () => (at.click = performance.now()), { once: true });
  root.addEventListener('keydown', (e) => e.key === 'Enter' && (at.enter ??= performance.now()), { capture: true });
  at.box = (${SEEN})(root, () => root.querySelector('input'));
  at.answer = (${SEEN})(root, () => root.textContent.includes(expect));
}`;

/** Long tasks that overlap [from, to) in the page. */
const longTasksBetween = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([f, t]) =>
      (window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } }).__bench.longTasks
        .filter((x) => x.start + x.duration >= f && x.start < t)
        .map((x) => x.duration),
    [from, to],
  );

/** Paths the page requested from `from` to `to`: what an answer needed, not what is prefetched after it. */
const requestedBetween = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([f, t]) => performance.getEntriesByType('resource').filter((r) => r.startTime >= f && r.startTime <= t).map((r) => new URL(r.name).pathname),
    [from, to],
  );

/**
 * A visitor's first question on a cold page: the mouse clicks the launcher
 * (passing over it first, as a real pointer does), the question is typed into
 * the box as soon as it is there, and Enter sends it. Playwright's typing is
 * faster than any visitor's, so what the widget still has to load when the
 * Enter lands is more than a person would leave it.
 */
async function visit(page: Page, variant: Variant, question: Question): Promise<NonNullable<Run['visit']>> {
  await page.evaluate(`(${VISIT})((${variant.launcher})(), ${JSON.stringify(question.expect)})`);
  const launcher = (await page.evaluateHandle(`(${variant.launcher})()`)) as ElementHandle<HTMLElement>;
  const box = page.locator('[data-admissions-chat] input');
  // Playwright's first use of a locator compiles its own script in the page,
  // a task of 50-100 ms at 4x: done here, before the pointer arrives, so that
  // it is not counted among the widget's long tasks.
  await box.count();
  await launcher.click();
  await page.evaluate('window.__visit.box');
  await box.fill(question.text);
  await page.keyboard.press('Enter');
  const t = (await page.evaluate(`(async () => {
    const at = window.__visit;
    const [box, answer] = await Promise.all([at.box, at.answer]);
    return { intent: at.intent, click: at.click, box, enter: at.enter, answer };
  })()`)) as { intent: number; click: number; box: number; enter: number; answer: number };
  return {
    boxMs: t.box - t.click,
    enterMs: t.enter - t.click,
    answerMs: t.answer - t.enter,
    // From the pointer's arrival: passing over the launcher is the first intent, and starts the downloads.
    longTasks: await longTasksBetween(page, t.intent, t.answer),
    requested: await requestedBetween(page, t.intent, t.answer),
  };
}

/** A fresh browser context (empty cache) with one page, its CPU throttled. */
export async function throttledPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  return { context, page, cdp };
}

/** Loads the variant's host page and waits until it has settled. */
export async function loadSettled(page: Page, origin: string, variant: Variant): Promise<void> {
  await page.goto(origin + variant.page, { waitUntil: 'networkidle' });
  // Waited from Node, never by polling in the page: Playwright's waitForFunction
  // runs its own script in the page (some 250 ms of main thread at 4x), which
  // would be counted against the widget. The second is for work a widget
  // defers to idle time, which still counts as page load.
  await page.waitForTimeout(SETTLE_MS);
}

/** A fresh context with its page throttled and instrumented, the page loaded and settled. */
async function coldPage(browser: Browser, origin: string, variant: Variant) {
  const { context, page, cdp } = await throttledPage(browser);
  await cdp.send('Performance.enable');
  await page.addInitScript(instrument(variant.launcher));
  const offOrigin: string[] = [];
  page.on('request', (r) => void (r.url().startsWith(origin) || offOrigin.push(r.url())));
  await loadSettled(page, origin, variant);
  return { context, page, cdp, offOrigin };
}

/**
 * One cold load of a variant.
 *
 * @param requests the bench server's request log (to see what was fetched when)
 */
export async function measure(browser: Browser, origin: string, variant: Variant, requests: { path: string }[]): Promise<Run> {
  const before = requests.length;
  const { context, page, cdp, offOrigin } = await coldPage(browser, origin, variant);
  let run: Run;
  try {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const metric = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
    const onLoad = (await page.evaluate(`(${ON_LOAD})(${JSON.stringify(variant.scripts)})`)) as {
      longTasks: { start: number; duration: number }[];
      own: number[];
      launcherMs: number | null;
    };
    run = {
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      styleLayoutMs: metric('RecalcStyleDuration') + metric('LayoutDuration'),
      launcherMs: onLoad.launcherMs,
      longTasks: onLoad.longTasks.map((t) => t.duration),
      ownLongTasks: onLoad.own,
      requested: requests.slice(before).map((r) => r.path),
      offOrigin,
    };
    if (variant.ask) {
      const cold = await page.evaluate(`(${ASK})(${JSON.stringify(variant.ask.cold)})`) as { ms: number; t0: number };
      const requested = await requestedBetween(page, cold.t0, cold.t0 + cold.ms);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const warm = await page.evaluate(`(${ASK})(${JSON.stringify(variant.ask.warm)})`) as { ms: number; t0: number };
      // Long tasks from the ask until the second question: the first open, fetches and first answer.
      const longTasks = await longTasksBetween(page, cold.t0, warm.t0);
      run.answer = { coldMs: cold.ms, warmMs: warm.ms, longTasks, requested };
    }
  } finally {
    await context.close();
  }
  if (variant.ask) {
    const fresh = await coldPage(browser, origin, variant);
    try {
      run.visit = await visit(fresh.page, variant, variant.ask.cold);
    } finally {
      await fresh.context.close();
    }
  }
  return run;
}

/**
 * Page loads only (no questions), `runs` of each variant, interleaved: more
 * pairs of the bare page and ours for the added main-thread time, whose
 * spread on a shared machine is far wider than the 30 ms it is held to.
 */
export async function measureLoads(browser: Browser, origin: string, variants: readonly Variant[], runs: number, requests: { path: string }[]): Promise<Map<string, Run[]>> {
  return measureAll(browser, origin, variants.map(({ ask: _, ...v }) => v), runs, requests);
}

/** `runs` cold loads of every variant, interleaved so that machine noise spreads over all of them. */
export async function measureAll(browser: Browser, origin: string, variants: readonly Variant[], runs: number, requests: { path: string }[]): Promise<Map<string, Run[]>> {
  const out = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const v of variants) out.get(v.name)!.push(await measure(browser, origin, v, requests));
  }
  return out;
}
