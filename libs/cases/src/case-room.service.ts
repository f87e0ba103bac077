import { Injectable } from '@nestjs/common';
import { Actor, DomainError, Role } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { MessageService, MessageView, RoomRepository, RoomRow } from '@tiaojie/rooms';
import { CaseAccessService } from './case-access.service';
import { canUseRoom } from './case-query.service';

/** Authorises every join, send and history read against the case and the member's relation to it. */
@Injectable()
export class CaseRoomService {
  constructor(
    private readonly db: DbService,
    private readonly rooms: RoomRepository,
    private readonly access: CaseAccessService,
    private readonly messages: MessageService,
  ) {}

  async authorize(actor: Actor, roomId: string): Promise<{ room: RoomRow; sessionMode: string }> {
    const room = /^[0-9a-f-]{36}$/i.test(roomId) ? await this.rooms.byId(this.db.db, roomId) : null;
    if (!room || !room.disputeId) throw DomainError.notFound('room', roomId);
    const ctx = await this.access.load(actor, room.disputeId).catch(() => { throw DomainError.notFound('room', roomId); });
    if (!canUseRoom(actor, ctx, room)) throw DomainError.notFound('room', roomId);
    return { room, sessionMode: ctx.dispute.sessionMode };
  }

  async join(actor: Actor, roomId: string, lastSeq: number) {
    const { room, sessionMode } = await this.authorize(actor, roomId);
    const missed = await this.messages.after(room.id, lastSeq, 1000);
    return { room: { id: room.id, kind: room.kind, title: room.title, disputeId: room.disputeId }, sessionMode, messages: missed };
  }

  async send(actor: Actor, roomId: string, input: { clientMsgId: string; body: string }): Promise<{ message: MessageView; duplicate: boolean }> {
    const { room, sessionMode } = await this.authorize(actor, roomId);
    if (actor.role === Role.Party && room.kind === 'joint' && sessionMode === 'caucus') {
      throw DomainError.forbidden('当前为背对背调解，请在您的背对背调解室发言 (joint room is paused during back-to-back)');
    }
    return this.messages.send(actor, room.id, input);
  }

  async history(actor: Actor, roomId: string, beforeSeq: number | undefined, limit: number | undefined) {
    const { room } = await this.authorize(actor, roomId);
    return this.messages.history(room.id, beforeSeq, limit);
  }
}
