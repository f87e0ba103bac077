import { LRUCache } from 'lru-cache';

/** A few named values, each loaded on demand and kept for its time to live; concurrent misses share one load. */
export class TtlCache {
  // lru-cache's fetch shares concurrent loads and keeps no rejected load; the load is passed as fetch context
  private readonly entries: LRUCache<string, object, () => Promise<unknown>>;

  constructor(now: () => number = Date.now) {
    this.entries = new LRUCache({
      max: 100,
      ttlResolution: 0,
      perf: { now },
      fetchMethod: async (_key, _stale, { context }) => (await context()) as object,
    });
  }

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    return this.entries.fetch(key, { ttl: ttlMs, context: load }) as Promise<T>;
  }

  clear(key: string): void {
    this.entries.delete(key);
  }
}
