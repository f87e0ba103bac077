import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, RealtimePublisher } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { MessageRow, RoomRepository } from './room.repository';

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_PAGE = 200;

export interface MessageView {
  id: string;
  roomId: string;
  seq: number;
  kind: string;
  senderId: string | null;
  senderName: string;
  senderRole: string;
  clientMsgId: string | null;
  body: string;
  createdAt: string;
}

export function toMessageView(m: MessageRow): MessageView {
  return {
    id: m.id, roomId: m.roomId, seq: m.seq, kind: m.kind, senderId: m.senderId, senderName: m.senderName,
    senderRole: m.senderRole, clientMsgId: m.clientMsgId, body: m.body, createdAt: m.createdAt.toISOString(),
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Durable messages: stored with a gapless per-room sequence before anyone is told; a client message id
 * makes a resend idempotent. Access control is the caller's (cases decide who may use a room).
 */
@Injectable()
export class MessageService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly db: DbService,
    private readonly clock: Clock,
    private readonly publisher: RealtimePublisher,
  ) {}

  async send(actor: Actor, roomId: string, input: { clientMsgId: string; body: string }): Promise<{ message: MessageView; duplicate: boolean }> {
    const body = input.body;
    if (typeof body !== 'string' || body.trim().length === 0) throw DomainError.validation('消息不能为空 (message is empty)', { field: 'body' });
    if (body.length > MAX_MESSAGE_LENGTH) throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `消息不能超过 ${MAX_MESSAGE_LENGTH} 字 (message too long)`);
    const attempt = () => this.db.transaction(async (tx) => {
      const existing = await this.rooms.byClientId(tx, roomId, actor.id!, input.clientMsgId);
      if (existing) return { message: existing, duplicate: true };
      const seq = await this.rooms.nextSeq(tx, roomId);
      if (seq === null) throw DomainError.notFound('room', roomId);
      const message = await this.rooms.insertMessage(tx, {
        roomId, seq, senderId: actor.id, senderName: actor.name, senderRole: actor.role, clientMsgId: input.clientMsgId, kind: 'text', body, createdAt: this.clock.now(),
      });
      return { message, duplicate: false };
    });
    let result: { message: MessageRow; duplicate: boolean };
    try {
      result = await attempt();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      result = await attempt();
    }
    const view = toMessageView(result.message);
    if (!result.duplicate) this.publisher.publish([{ channel: `room:${roomId}`, event: 'message:new', payload: view }]);
    return { message: view, duplicate: result.duplicate };
  }

  /** A system event in the room's timeline, written inside the caller's transaction; publish the result after commit. */
  async appendSystem(tx: Executor, roomId: string, body: string): Promise<MessageView> {
    const seq = await this.rooms.nextSeq(tx, roomId);
    if (seq === null) throw DomainError.notFound('room', roomId);
    const m = await this.rooms.insertMessage(tx, {
      roomId, seq, senderId: null, senderName: '系统', senderRole: 'system', kind: 'system', body, createdAt: this.clock.now(),
    });
    return toMessageView(m);
  }

  /** Messages after a sequence number: what a reconnecting client missed. */
  async after(roomId: string, afterSeq: number, limit = MAX_PAGE): Promise<MessageView[]> {
    const rows = await this.rooms.after(this.db.db, roomId, Math.max(0, afterSeq), Math.min(Math.max(1, limit), 1000));
    return rows.map(toMessageView);
  }

  /** History page, newest last; `beforeSeq` omitted means the latest page. */
  async history(roomId: string, beforeSeq: number | undefined, limit = 50): Promise<MessageView[]> {
    const rows = await this.rooms.before(this.db.db, roomId, beforeSeq ?? Number.MAX_SAFE_INTEGER, Math.min(Math.max(1, limit), MAX_PAGE));
    return rows.map(toMessageView);
  }
}
