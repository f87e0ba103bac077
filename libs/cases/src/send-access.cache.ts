import { LRUCache } from 'lru-cache';

/**
 * Recent send authorisations, per actor and room, so a burst of messages does not re-run the authorisation query
 * for each one. Safe because every cached decision carries the case version it was made on and the durable write
 * checks that version under a lock (see RoomRepository.insertBatch): a send whose case changed is refused as stale
 * and authorised again. The time to live only bounds what the version does not capture (a party's phone linking).
 */
export class SendAccessCache<T extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, T>;

  constructor(ttlMs = 60_000, max = 20_000, now: () => number = Date.now) {
    this.entries = new LRUCache({ max, ttl: ttlMs, ttlResolution: 0, perf: { now } });
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets `key` only while it still holds `value` (a newer entry set meanwhile stays). */
  deleteIf(key: string, value: T): void {
    if (this.entries.peek(key) === value) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
