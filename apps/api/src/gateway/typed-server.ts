import type { BroadcastOperator, Server } from 'socket.io';
import type { ClientToServerEvents, RealtimeEvent, ServerToClientEvents } from '@tiaojie/core';

/** The socket.io server typed by the event map in libs/core/src/socket-events.ts. */
export type TjServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Emits a domain event to a broadcast target. Each RealtimeEvent is checked by name where it is built; socket.io's
 * emit cannot relate a union's name to its payload, hence the one widening here.
 */
export function emitEvent(target: BroadcastOperator<ServerToClientEvents, unknown>, e: RealtimeEvent): void {
  (target.emit as (event: string, payload: unknown) => boolean)(e.event, e.payload);
}
