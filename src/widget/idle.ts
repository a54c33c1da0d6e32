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
