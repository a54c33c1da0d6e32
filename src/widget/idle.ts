/** Runs `fn` once the page is idle (soon, where there is no requestIdleCallback); returns a cancel. */
export function whenIdle(fn: () => void, timeout = 2000): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
}
