/**
 * Recent send authorisations, per actor and room, so a burst of messages does not re-run the authorisation query
 * for each one. Safe because every cached decision carries the case version it was made on and the durable write
 * checks that version under a lock (see RoomRepository.insertBatch): a send whose case changed is refused as stale
 * and authorised again. The time to live only bounds what the version does not capture (a party's phone linking).
 */
export class SendAccessCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets `key` only while it still holds `value` (a newer entry set meanwhile stays). */
  deleteIf(key: string, value: T): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
