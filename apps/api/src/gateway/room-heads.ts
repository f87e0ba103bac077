import { Logger } from '@nestjs/common';
import { channels, readEnv } from '@tiaojie/core';
import type { TjServer } from './typed-server';

export const ROOM_HEAD_INTERVAL = Symbol('ROOM_HEAD_INTERVAL');

/** ROOM_HEAD_INTERVAL_MS (default 15 s). */
export const loadRoomHeadInterval = (env: NodeJS.ProcessEnv = process.env) =>
  readEnv(env).ROOM_HEAD_INTERVAL_MS;

/** At most this many rooms per query. */
const CHUNK = 500;

/** What the cluster adapter (socket.io-adapter's ClusterAdapterWithHeartbeat) offers; absent on one instance. */
interface ClusterNodes {
  nodesMap?: Map<string, number>;
  removeNode?: (uid: string) => void;
}

/**
 * Tells this instance's sockets the latest seq of the rooms they joined (`room:head`). A broadcast that another
 * instance had committed but not yet relayed dies with it; a client in a room that then falls silent would never
 * see the hole. So: periodically, for rooms whose seq changed since this instance last told them (one indexed
 * query per tick over the rooms with local sockets), and at once for every such room when the adapter finds an
 * instance gone. Each instance tells only its own sockets, so nothing crosses the adapter.
 */
export class RoomHeads {
  private readonly logger = new Logger('RoomHeads');
  private readonly told = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly server: TjServer,
    private readonly heads: (roomIds: string[]) => Promise<Map<string, number>>,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.schedule(false), this.intervalMs);
    this.timer.unref();
    this.watchCluster();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends the heads that changed (all of them with `force`); resolves with how many rooms were told. */
  async tell(force: boolean): Promise<number> {
    const local = [...this.server.of('/').adapter.rooms.keys()]
      .filter((r) => r.startsWith('room:'))
      .map((r) => r.slice('room:'.length));
    const present = new Set(local);
    for (const id of this.told.keys()) if (!present.has(id)) this.told.delete(id);
    let told = 0;
    for (let i = 0; i < local.length; i += CHUNK) {
      const heads = await this.heads(local.slice(i, i + CHUNK));
      for (const [roomId, seq] of heads) {
        if (!force && this.told.get(roomId) === seq) continue;
        this.told.set(roomId, seq);
        this.server.local.to(channels.room(roomId)).emit('room:head', { roomId, seq });
        told += 1;
      }
    }
    return told;
  }

  private schedule(force: boolean): void {
    // one pass at a time; a loss noticed during a periodic pass gets its own forced pass right after
    const previous = this.running ?? Promise.resolve(0);
    const next = previous
      .catch(() => 0)
      .then(() => this.tell(force))
      .catch((err: Error) => {
        this.logger.warn(`room heads: ${err.message}`);
        return 0;
      });
    this.running = next;
    void next.then(() => {
      if (this.running === next) this.running = null;
    });
  }

  /** Hooks the adapter's removal of a node (no heartbeat within its timeout, or a clean close). */
  private watchCluster(): void {
    const adapter = this.server.of('/').adapter as unknown as ClusterNodes;
    const nodes = adapter.nodesMap;
    if (typeof adapter.removeNode !== 'function' || !(nodes instanceof Map)) return;
    const remove = adapter.removeNode.bind(adapter);
    adapter.removeNode = (uid: string) => {
      const known = nodes.has(uid);
      remove(uid);
      if (!known) return;
      this.logger.warn(`api instance ${uid} left the cluster: telling every joined room its latest seq`);
      this.schedule(true);
    };
  }
}
