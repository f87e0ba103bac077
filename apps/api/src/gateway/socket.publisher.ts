import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { RealtimeEvent, RealtimePublisher } from '@tiaojie/core';

/** Delivers domain events to socket.io rooms named after their channels (through the adapter, to every instance). */
@Injectable()
export class SocketPublisher extends RealtimePublisher {
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  publish(events: RealtimeEvent[]): void {
    if (!this.server) return;
    for (const e of events) this.server.to(e.channel).emit(e.event, e.payload);
  }
}
