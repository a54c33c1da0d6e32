/**
 * When the widget's own work runs: in the page's idle moments, after a
 * paint, or a slice at a time with the page's turn between slices, so that
 * none of it is a long task on a slow phone.
 */
/** Runs `fn` once the page is idle (soon, where there is no requestIdleCallback); returns a cancel. */
export function whenIdle(fn: () => void, timeout = 2000): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
}

/**
 * Lets the page handle input and paint, then carries on: ahead of other
 * waiting tasks where the browser can (`scheduler.yield`), after them
 * elsewhere. Splits work that would otherwise be one long task.
 */
export function yieldToPage(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves once what is on screen now has been painted: a frame, then a yield. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => void yieldToPage().then(resolve)));
}

/**
 * Main-thread time a slice may take before the page gets a turn: a fifth of
 * a long task's 50 ms, leaving room for the one step that ends past it on a
 * slow phone, and few enough yields that their cost does not add up.
 */
export const SLICE_MS = 10;

/**
 * Runs a generator to its end, `SLICE_MS` of main thread at a time;
 * `yieldNow` gives the page its turn (a test counts the turns).
 */
export async function inSlices<T>(steps: Iterator<void, T, void>, yieldNow = yieldToPage): Promise<T> {
  for (let slice = performance.now(); ; ) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - slice >= SLICE_MS) {
      await yieldNow();
      slice = performance.now();
    }
  }
}
