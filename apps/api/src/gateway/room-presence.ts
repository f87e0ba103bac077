import type { Socket } from 'socket.io';
import type { TjServer } from './typed-server';
import { type Actor, channels } from '@tiaojie/core';
import type { PresenceUser } from '@tiaojie/core';

type ActorSocket = Pick<Socket, 'id'> & { data: { actor: Actor } };

/**
 * Who is online in a room, across every api instance: socket.io `fetchSockets()` asks all instances through
 * the adapter (the PostgreSQL adapter when DATABASE_URL is set).
 */
export class RoomPresence {
  constructor(private readonly server: TjServer) {}

  /** `partial`: another instance did not answer in time (e.g. it just died), so only this instance's sockets are listed. */
  async list(roomId: string): Promise<{ users: PresenceUser[]; partial: boolean }> {
    let partial = false;
    const sockets = await this.server
      .in(channels.room(roomId))
      .fetchSockets()
      .catch(() => {
        partial = true;
        return this.server.local.in(channels.room(roomId)).fetchSockets();
      });
    const users = new Map<string, PresenceUser>();
    for (const s of sockets) {
      const a = (s.data as { actor?: Actor }).actor;
      if (a?.id && !users.has(a.id)) users.set(a.id, { userId: a.id, name: a.name, role: a.role });
    }
    return { users: [...users.values()], partial };
  }

  /** Tells the others in the room that this user is here (idempotent for clients: they keep a set by userId). */
  joined(client: Socket, roomId: string): void {
    const a = (client.data as { actor: Actor }).actor;
    client
      .to(channels.room(roomId))
      .emit('presence:changed', { roomId, userId: a.id, name: a.name, role: a.role, online: true });
  }

  /** After a socket left these rooms (or is disconnecting): offline unless another socket of the same user is still in. */
  async left(client: ActorSocket, roomIds: string[]): Promise<void> {
    const a = client.data.actor;
    if (!a?.id || roomIds.length === 0) return;
    const mine = await this.server.in(channels.user(a.id)).fetchSockets();
    for (const roomId of roomIds) {
      const still = mine.some((s) => s.id !== client.id && s.rooms.has(channels.room(roomId)));
      if (!still)
        this.server
          .to(channels.room(roomId))
          .emit('presence:changed', { roomId, userId: a.id, name: a.name, role: a.role, online: false });
    }
  }
}
