import { Injectable, Logger } from '@nestjs/common';
import { RealtimeEvent, RealtimeEventOf, RealtimePublisher, channels } from '@tiaojie/core';
import { TjServer, emitEvent } from './typed-server';

/**
 * Delivers domain events to socket.io rooms named after their channels (through the adapter, to every instance).
 * `room:removed` is also a command: the channel's sockets (a user's) leave `room:<roomId>` first, on every
 * instance, so nothing more from that room reaches them; the room is told they went offline.
 *
 * Events are delivered at the end of the current turn of the event loop (`setImmediate`), in the order published,
 * not inside `publish`: the reply to the request that caused them (a `message:send` ack, an HTTP response) goes out
 * first. A group-committed batch of messages used to put every broadcast of the batch in front of every ack, so a
 * sender waited for the room's fan-out before it could send again (docs/decisions.md).
 */
type CaseChanged = RealtimeEventOf<'case:changed'>;

@Injectable()
export class SocketPublisher extends RealtimePublisher {
  private readonly logger = new Logger('SocketPublisher');
  private server: TjServer | null = null;
  private readonly caseListeners: ((disputeId: string) => void)[] = [];
  private audiences: ((ids: string[]) => Promise<Map<string, string[]>>) | null = null;
  private queue: RealtimeEvent[] = [];
  private scheduled = false;

  /** The socket.io server once the gateway is initialised (for metrics). */
  get io(): TjServer | null {
    return this.server;
  }

  attach(server: TjServer): void {
    this.server = server;
  }

  /**
   * Called after every `case:updated` published here (the gateway re-checks who may stay in the case's rooms),
   * except those marked `accessUnchanged`.
   */
  onCaseUpdated(listener: (disputeId: string) => void): void {
    this.caseListeners.push(listener);
  }

  /**
   * Who lists a case: `case:changed` notices are addressed to these rooms (one emit per case to the union, so a socket
   * in several of them gets the notice once). Without it a notice reaches the case's own channel only.
   */
  resolveCaseAudiences(fn: (ids: string[]) => Promise<Map<string, string[]>>): void {
    this.audiences = fn;
  }

  publish(events: RealtimeEvent[]): void {
    if (!this.server || events.length === 0) return;
    this.queue.push(...events);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const events = this.queue;
    this.queue = [];
    const changed = new Map<string, CaseChanged>();
    for (const e of events) {
      if (e.event === 'case:changed' && this.audiences) {
        // the latest notice per case in this turn: screens refetch anyway
        changed.set(e.payload.id, e);
        continue;
      }
      try {
        this.deliver(this.server!, e);
      } catch (err) {
        this.logger.error(`delivering ${e.event} to ${e.channel} failed: ${(err as Error).message}`);
      }
    }
    if (changed.size > 0) void this.deliverChanged(this.server!, [...changed.values()]);
  }

  private async deliverChanged(server: TjServer, events: CaseChanged[]): Promise<void> {
    let rooms: Map<string, string[]>;
    try {
      rooms = await this.audiences!(events.map((e) => e.payload.id));
    } catch (err) {
      this.logger.error(`resolving case audiences failed: ${(err as Error).message}`);
      rooms = new Map();
    }
    for (const e of events) {
      const to = rooms.get(e.payload.id) ?? [e.channel];
      emitEvent(server.to(to), e);
    }
  }

  private deliver(server: TjServer, e: RealtimeEvent): void {
    if (e.event === 'room:removed') {
      const roomId = e.payload.roomId;
      server.in(e.channel).socketsLeave(channels.room(roomId));
      server.to(e.channel).emit('room:removed', e.payload);
      if (e.channel.startsWith('user:'))
        server
          .to(channels.room(roomId))
          .emit('presence:changed', { roomId, userId: e.channel.slice(5), online: false });
      return;
    }
    emitEvent(server.to(e.channel), e);
    if (e.event === 'case:updated' && !e.accessUnchanged) {
      for (const l of this.caseListeners) l(e.payload.id);
    }
  }
}
