import type { MessageRow, NewMessage } from './room.repository';

export type WriteResult = { message: MessageRow; inserted: boolean } | null;

interface Job {
  row: NewMessage;
  resolve: (r: WriteResult) => void;
  reject: (err: unknown) => void;
}

export const MAX_BATCH = 100;

/**
 * Group commit per room on this instance: while a write to a room is in flight, later sends to the same room
 * wait and then go together in one statement (one row lock, one commit). An idle room writes at once, so a lone
 * message waits for nothing; under a burst, N messages cost one round trip instead of N queued on the row lock.
 * Every caller still gets its answer only after its row is committed.
 */
export class RoomWriteQueue {
  private readonly queued = new Map<string, Job[]>();

  constructor(private readonly write: (roomId: string, rows: NewMessage[]) => Promise<WriteResult[]>) {}

  enqueue(row: NewMessage): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      const job = { row, resolve, reject };
      const waiting = this.queued.get(row.roomId);
      if (waiting) {
        waiting.push(job);
        return;
      }
      this.queued.set(row.roomId, []);
      void this.run(row.roomId, [job]);
    });
  }

  /**
   * Writes one batch, then starts the room's next batch before waking this batch's callers: their continuations
   * (broadcast to the room, acknowledge) run as promise jobs, and the pool hands out a connection on the next tick,
   * so waking them first would hold the next write behind all of that work. The callers are woken on the tick
   * after the connection hand-out (same turn of the event loop); the next write's seqs still follow this batch's,
   * because it starts only once this batch is committed.
   */
  private async run(roomId: string, batch: Job[]): Promise<void> {
    let settle: () => void;
    try {
      const results = await this.write(roomId, batch.map((j) => j.row));
      settle = () => batch.forEach((j, i) => j.resolve(results[i] ?? null));
    } catch (err) {
      settle = () => batch.forEach((j) => j.reject(err));
    }
    this.next(roomId);
    process.nextTick(settle);
  }

  private next(roomId: string): void {
    const waiting = this.queued.get(roomId) ?? [];
    if (waiting.length === 0) {
      this.queued.delete(roomId);
      return;
    }
    void this.run(roomId, waiting.splice(0, MAX_BATCH));
  }
}
