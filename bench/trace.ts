/**
 * Where a widget's main-thread time on page load goes, read from a Chromium
 * trace of one cold load at 4x CPU: the tasks in which its own script ran
 * (the evaluation of its script, its idle callbacks, any other), and the
 * first frame after its evaluation, which lays out and paints its launcher.
 *
 * Apart from the other loads: tracing adds its own overhead to every task,
 * so these loads feed no other figure. Per-task durations are what the
 * trace records (`ThreadControllerImpl::RunTask` on the page's renderer main
 * thread, from the page's navigationStart to the settle).
 */
import type { Browser } from 'playwright-core';
import { loadSettled, throttledPage, type Variant } from './chromium.js';

/** One traced load. */
export interface LoadTrace {
  /** The task that evaluated the widget's script. */
  evaluateMs: number;
  /**
   * The first task after it with style, layout or paint: the launcher's frame.
   * When the script ran before the page's first paint, this frame is also the
   * page's own first layout and paint.
   */
  frameMs: number;
  /** Whether the page had painted before the widget's script ran. */
  afterFirstPaint: boolean;
  /** Idle callbacks in which the widget's script ran (its deferred work). */
  idleMs: number;
  /** Any other task in which the widget's script ran. */
  otherMs: number;
  /** Every task on the page's main thread. */
  allMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; documentLoaderURL?: string } };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'];
const TASK = 'ThreadControllerImpl::RunTask';
const FRAME_WORK = new Set(['UpdateLayoutTree', 'Layout', 'Paint']);

/** One cold load of `variant`, traced. `variant.scripts` tells the widget's own script. */
export async function traceLoad(browser: Browser, origin: string, variant: Variant): Promise<LoadTrace> {
  const { context, page } = await throttledPage(browser);
  try {
    await browser.startTracing(page, { categories: CATEGORIES });
    await loadSettled(page, origin, variant);
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    return readTrace(events, origin + variant.page, variant.scripts.map((s) => origin + s));
  } finally {
    await context.close();
  }
}

/** The figures of one load's trace; `own` are URL prefixes of the widget's scripts. */
function readTrace(events: readonly TraceEvent[], pageUrl: string, own: readonly string[]): LoadTrace {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl);
  if (!nav) throw new Error(`no navigationStart for ${pageUrl} in the trace`);
  const main = events.find((e) => e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= nav.ts && e.dur !== undefined)
    // A parent before its children when they start together.
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = onMain.filter((e) => e.name === TASK);
  // Events nest inside their task: each goes to the last task that started at or before it.
  const inTask = new Map<TraceEvent, TraceEvent[]>(tasks.map((task) => [task, []]));
  let current: TraceEvent | undefined;
  for (const e of onMain) {
    if (e.name === TASK) current = e;
    else if (current && e.ts < current.ts + current.dur!) inTask.get(current)!.push(e);
  }
  const ours = (e: TraceEvent) => own.some((prefix) => e.args?.data?.url?.startsWith(prefix));
  const has = (task: TraceEvent, test: (e: TraceEvent) => boolean) => inTask.get(task)!.some(test);
  const ms = (task: TraceEvent | undefined) => (task ? task.dur! / 1000 : NaN);

  const evaluate = tasks.find((task) => has(task, (e) => e.name === 'EvaluateScript' && ours(e)));
  const at = evaluate ? tasks.indexOf(evaluate) : -1;
  const frame = evaluate && tasks.slice(at + 1).find((task) => has(task, (e) => FRAME_WORK.has(e.name)));
  const ran = tasks.filter((task) => task !== evaluate && has(task, (e) => e.name === 'FunctionCall' && ours(e)));
  const idle = ran.filter((task) => has(task, (e) => e.name === 'FireIdleCallback'));
  const sum = (list: readonly TraceEvent[]) => list.reduce((s, task) => s + ms(task), 0);
  return {
    evaluateMs: ms(evaluate),
    frameMs: ms(frame),
    afterFirstPaint: evaluate !== undefined && tasks.slice(0, at).some((task) => has(task, (e) => e.name === 'Paint')),
    idleMs: sum(idle),
    otherMs: sum(ran.filter((task) => !idle.includes(task))),
    allMs: sum(tasks),
  };
}
