const started = new Map<string, Promise<unknown>>();

/**
 * Starts a page's first data load while its code is still arriving (an SMS link opens the tracker: its api calls
 * go out alongside the chunks, not after them). The page takes the result once; later loads fetch afresh.
 */
export function startEarly<T>(key: string, load: () => Promise<T>): void {
  if (started.has(key)) return;
  const p = load();
  p.catch(() => undefined); // a failure is reported when the page takes it
  started.set(key, p);
}

/** The load `startEarly` began under `key`, once; undefined if none is waiting. */
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const p = started.get(key) as Promise<T> | undefined;
  started.delete(key);
  return p;
}
