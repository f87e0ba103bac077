import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { RealtimeEvent, RealtimePublisher } from '@tiaojie/core';

/**
 * Delivers domain events to socket.io rooms named after their channels (through the adapter, to every instance).
 * `room:removed` is also a command: the channel's sockets (a user's) leave `room:<roomId>` first, on every
 * instance, so nothing more from that room reaches them; the room is told they went offline.
 */
@Injectable()
export class SocketPublisher extends RealtimePublisher {
  private server: Server | null = null;
  private readonly caseListeners: ((disputeId: string) => void)[] = [];

  /** The socket.io server once the gateway is initialised (for metrics). */
  get io(): Server | null {
    return this.server;
  }

  attach(server: Server): void {
    this.server = server;
  }

  /** Called after every `case:updated` published here (the gateway re-checks who may stay in the case's rooms). */
  onCaseUpdated(listener: (disputeId: string) => void): void {
    this.caseListeners.push(listener);
  }

  publish(events: RealtimeEvent[]): void {
    if (!this.server) return;
    for (const e of events) {
      if (e.event === 'room:removed') {
        const roomId = (e.payload as { roomId: string }).roomId;
        this.server.in(e.channel).socketsLeave(`room:${roomId}`);
        this.server.to(e.channel).emit(e.event, e.payload);
        if (e.channel.startsWith('user:')) this.server.to(`room:${roomId}`).emit('presence:changed', { roomId, userId: e.channel.slice(5), online: false });
        continue;
      }
      this.server.to(e.channel).emit(e.event, e.payload);
      if (e.event === 'case:updated') {
        const id = (e.payload as { id?: string })?.id;
        if (id) for (const l of this.caseListeners) l(id);
      }
    }
  }
}
