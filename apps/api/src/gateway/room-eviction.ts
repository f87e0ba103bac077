import { Logger } from '@nestjs/common';
import type { TjServer } from './typed-server';
import { type Actor, channels } from '@tiaojie/core';
import type { CaseRoomService } from '@tiaojie/cases';
import type { SocketPublisher } from './socket.publisher';

/**
 * When a case changes (mediator reassigned, case returned to another body, parties changed), the users
 * connected to its rooms are re-authorised through the domain; whoever may no longer use a room is removed
 * from it at once, on every instance (`room:removed` → socketsLeave, see SocketPublisher).
 */
export class RoomEvictor {
  private readonly logger = new Logger('RoomEvictor');

  constructor(
    private readonly server: TjServer,
    private readonly rooms: CaseRoomService,
    private readonly publisher: SocketPublisher,
  ) {}

  async sweepCase(disputeId: string): Promise<number> {
    const roomIds = await this.rooms.roomIdsOfCase(disputeId);
    if (roomIds.length === 0) return 0;
    const sockets = await this.server.in(roomIds.map((id) => channels.room(id))).fetchSockets();
    const actors = new Map<string, Actor>();
    const present = new Set<string>();
    for (const s of sockets) {
      const a = (s.data as { actor?: Actor }).actor;
      if (!a?.id) continue;
      actors.set(a.id, a);
      for (const id of roomIds) if (s.rooms.has(channels.room(id))) present.add(`${a.id}|${id}`);
    }
    const revoked = (await this.rooms.revoked(disputeId, [...actors.values()])).filter((r) =>
      present.has(`${r.userId}|${r.roomId}`),
    );
    this.publisher.publish(
      revoked.map((r) => ({
        channel: channels.user(r.userId),
        event: 'room:removed',
        payload: {
          roomId: r.roomId,
          reason: 'case_changed',
          message: '案件承办人员或当事人已变更，您已无权使用该调解室',
        },
      })),
    );
    return revoked.length;
  }

  /** Fire-and-forget from the publisher; failures are logged, never thrown into the request that changed the case. */
  schedule(disputeId: string): void {
    this.sweepCase(disputeId).catch((err: Error) =>
      this.logger.warn(`eviction sweep for case ${disputeId} failed: ${err.message}`),
    );
  }
}
