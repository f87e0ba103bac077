import { ClientSocket, connect, emitAck } from '../../support/socket-client';

const GAP_WAIT_MS = 2_000;

function contiguousSeq(seqs: Iterable<number>): number {
  const have = new Set(seqs);
  let last = 0;
  while (have.has(last + 1)) last += 1;
  return last;
}

/**
 * A reader of rooms that behaves like the web client (apps/web/src/lib/use-chat-room.ts): keeps messages by seq,
 * joins from the last seq up to which it holds every message, re-joins when a hole stays open for a moment, and
 * re-joins when `room:head` (or a join's `head`) says the room is further than what it holds.
 */
export class RoomFollower {
  /** Messages held, per room, by seq. */
  readonly rooms = new Map<string, Map<number, any>>();
  /** Every `room:head` seq received, per room. */
  readonly heads = new Map<string, number[]>();
  /** Messages that arrived through a re-join caused by `room:head`, per room. */
  readonly filledByHead = new Map<string, number>();
  socket: ClientSocket | null = null;
  base: string | null = null;
  private readonly gapTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly name: string,
    private readonly token: string,
  ) {}

  /** Connects to an instance and (re)joins every room from what is held. */
  async connect(base: string, roomIds: string[]): Promise<void> {
    this.socket?.disconnect();
    const s = await connect(base, this.token);
    this.socket = s;
    this.base = base;
    s.on('message:new', (m: any) => this.merge(m.roomId, [m]));
    s.on('room:head', (h: { roomId: string; seq: number }) => {
      this.heads.set(h.roomId, [...(this.heads.get(h.roomId) ?? []), h.seq]);
      if (h.seq > this.contiguous(h.roomId))
        void this.join(h.roomId)
          .then((n) => this.filledByHead.set(h.roomId, (this.filledByHead.get(h.roomId) ?? 0) + n))
          .catch(() => undefined);
    });
    for (const id of roomIds) {
      if (!this.rooms.has(id)) this.rooms.set(id, new Map());
      await this.join(id);
    }
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  contiguous(roomId: string): number {
    return contiguousSeq(this.rooms.get(roomId)?.keys() ?? []);
  }

  /** Joins from the last contiguous seq until the replay is complete; resolves with how many messages were new. */
  async join(roomId: string): Promise<number> {
    let added = 0;
    for (;;) {
      const r = await emitAck(this.socket!, 'room:join', { roomId, lastSeq: this.contiguous(roomId) });
      if (!r.ok) throw new Error(`${this.name}: join ${roomId}: ${JSON.stringify(r.error)}`);
      added += this.merge(roomId, r.data.messages);
      if (!r.data.hasMore) return added;
    }
  }

  close(): void {
    for (const t of this.gapTimers.values()) clearTimeout(t);
    this.socket?.disconnect();
  }

  private merge(roomId: string, messages: any[]): number {
    const held = this.rooms.get(roomId);
    if (!held) return 0;
    let added = 0;
    for (const m of messages)
      if (!held.has(m.seq)) {
        held.set(m.seq, m);
        added += 1;
      }
    const hole = held.size > 0 && this.contiguous(roomId) < Math.max(...held.keys());
    if (hole && !this.gapTimers.has(roomId))
      this.gapTimers.set(
        roomId,
        setTimeout(() => {
          this.gapTimers.delete(roomId);
          if (this.connected) void this.join(roomId).catch(() => undefined);
        }, GAP_WAIT_MS),
      );
    return added;
  }
}
