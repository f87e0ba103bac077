import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainError,
  ErrorCode,
  RealtimePublisher,
  hasLoneSurrogate,
  isStorableText,
  channels,
} from '@tiaojie/core';
import { DbService, Executor, isUniqueViolation } from '@tiaojie/db';
import { AttachmentRepository, AttachmentRow } from './attachment.repository';
import { MessageRow, NewMessage, RoomRepository } from './room.repository';
import { RoomWriteQueue, WriteResult } from './room-write.queue';

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_PAGE = 200;
export const MAX_REPLAY = 1000;
export const MAX_CLIENT_MSG_ID = 64;

/** What a message links to when its kind is 'attachment' (download: GET /api/rooms/:roomId/attachments/:id). */
export interface AttachmentView {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface MessageView {
  id: string;
  roomId: string;
  seq: number;
  /** text | system | attachment | minutes */
  kind: string;
  senderId: string | null;
  senderName: string;
  senderRole: string;
  clientMsgId: string | null;
  /** Plain text, never HTML: clients must render it as text. */
  body: string;
  createdAt: string;
  attachment: AttachmentView | null;
}

export function toAttachmentView(a: AttachmentRow): AttachmentView {
  return { id: a.id, fileName: a.fileName, mime: a.mime, size: a.size, sha256: a.sha256 };
}

export function toMessageView(m: MessageRow, attachment: AttachmentRow | null = null): MessageView {
  return {
    id: m.id,
    roomId: m.roomId,
    seq: m.seq,
    kind: m.kind,
    senderId: m.senderId,
    senderName: m.senderName,
    senderRole: m.senderRole,
    clientMsgId: m.clientMsgId,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    attachment: attachment ? toAttachmentView(attachment) : null,
  };
}

/** Checks a text body: not blank, not too long, no NUL (PostgreSQL text cannot hold it). Stored exactly as sent. */
export function checkText(body: unknown, max = MAX_MESSAGE_LENGTH): string {
  if (typeof body !== 'string' || body.trim().length === 0)
    throw DomainError.validation('消息不能为空', { field: 'body' });
  if (body.length > max)
    throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `消息不能超过 ${max} 字`, {
      field: 'body',
      max,
    });
  if (body.includes('\u0000')) throw DomainError.validation('消息含有无效字符', { field: 'body' });
  if (hasLoneSurrogate(body))
    throw DomainError.validation('消息含有无效的 Unicode 字符', {
      field: 'body',
    });
  return body;
}

export function checkClientMsgId(id: unknown): string {
  if (typeof id !== 'string' || id.length < 1 || id.length > MAX_CLIENT_MSG_ID || !isStorableText(id)) {
    throw DomainError.validation(`消息编号须为 1-${MAX_CLIENT_MSG_ID} 个字符`, {
      field: 'clientMsgId',
    });
  }
  return id;
}

/**
 * Durable messages: stored with a gapless per-room sequence before anyone is told; a client message id
 * makes a resend idempotent. Access control is the caller's (CaseRoomService decides who may use a room).
 */
@Injectable()
export class MessageService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly attachments: AttachmentRepository,
    private readonly db: DbService,
    private readonly clock: Clock,
    private readonly publisher: RealtimePublisher,
  ) {}

  private readonly writes = new RoomWriteQueue((rows) => this.writeBatch(rows));

  async send(
    actor: Actor,
    roomId: string,
    input: { clientMsgId: string; body: string },
    kind = 'text',
  ): Promise<{ message: MessageView; duplicate: boolean }> {
    const sent = await this.store(actor, roomId, input, kind, null);
    if (!sent) throw DomainError.notFound('room', roomId);
    return sent;
  }

  /**
   * A send authorised against case version `caseVersion`: stored only if the case is still at that version when the
   * write takes its locks; otherwise nothing is stored and the answer is 'stale' (authorise again, then resend).
   */
  async sendAtVersion(
    actor: Actor,
    roomId: string,
    input: { clientMsgId: string; body: string },
    caseVersion: number,
  ): Promise<{ message: MessageView; duplicate: boolean } | 'stale'> {
    return (await this.store(actor, roomId, input, 'text', caseVersion)) ?? 'stale';
  }

  private async store(
    actor: Actor,
    roomId: string,
    input: { clientMsgId: string; body: string },
    kind: string,
    caseVersion: number | null,
  ) {
    const body = checkText(input.body);
    const clientMsgId = checkClientMsgId(input.clientMsgId);
    const result = await this.writes.enqueue({
      roomId,
      senderId: actor.id!,
      senderName: actor.name,
      senderRole: actor.role,
      clientMsgId,
      kind,
      body,
      createdAt: this.clock.now(),
      caseVersion,
    });
    if (!result) return null;
    if (!result.inserted && (result.message.body !== body || result.message.kind !== kind))
      throw DomainError.idempotencyKeyReused('clientMsgId');
    const attachment =
      result.message.kind === 'attachment'
        ? await this.attachments.byMessageId(this.db.db, result.message.id)
        : null;
    const view = toMessageView(result.message, attachment);
    if (result.inserted)
      this.publisher.publish([{ channel: channels.room(roomId), event: 'message:new', payload: view }]);
    return { message: view, duplicate: !result.inserted };
  }

  /** The queued sends of any rooms: one statement for all; on a repeated clientMsgId, one by one so each gets its own answer. */
  private async writeBatch(rows: NewMessage[]): Promise<WriteResult[]> {
    if (rows.length > 1) {
      try {
        const stored = await this.rooms.insertBatch(this.db.db, rows);
        return stored.map((m) => (m ? { message: m, inserted: true } : null));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const out: WriteResult[] = [];
    for (const row of rows) out.push(await this.writeOne(row));
    return out;
  }

  private async writeOne(row: NewMessage): Promise<WriteResult> {
    try {
      const inserted = await this.rooms.insertNew(this.db.db, row);
      return inserted ? { message: inserted, inserted: true } : null;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // a resend (or a concurrent first send) of this clientMsgId: the stored message is the answer
      const existing = await this.rooms.byClientId(this.db.db, row.roomId, row.senderId, row.clientMsgId);
      if (!existing) throw err;
      return { message: existing, inserted: false };
    }
  }

  /** An actor's message written inside the caller's transaction (attachments, minutes); publish after commit. */
  async appendInTx(
    tx: Executor,
    actor: Actor,
    roomId: string,
    input: { clientMsgId: string; body: string; kind: string },
  ) {
    const r = await this.rooms.insertIdempotent(tx, {
      roomId,
      senderId: actor.id!,
      senderName: actor.name,
      senderRole: actor.role,
      clientMsgId: input.clientMsgId,
      kind: input.kind,
      body: input.body,
      createdAt: this.clock.now(),
    });
    if (!r) throw DomainError.notFound('room', roomId);
    return r;
  }

  /** A system event in the room's timeline, written inside the caller's transaction; publish the result after commit. */
  async appendSystem(tx: Executor, roomId: string, body: string): Promise<MessageView> {
    const seq = await this.rooms.nextSeq(tx, roomId);
    if (seq === null) throw DomainError.notFound('room', roomId);
    const m = await this.rooms.insertMessage(tx, {
      roomId,
      seq,
      senderId: null,
      senderName: '系统',
      senderRole: 'system',
      kind: 'system',
      body,
      createdAt: this.clock.now(),
    });
    return toMessageView(m);
  }

  async byClientId(roomId: string, senderId: string, clientMsgId: string): Promise<MessageView | null> {
    const m = await this.rooms.byClientId(this.db.db, roomId, senderId, clientMsgId);
    return m ? (await this.views([m]))[0] : null;
  }

  /** Messages after a sequence number: what a reconnecting client missed, oldest first. */
  async after(roomId: string, afterSeq: number, limit = MAX_PAGE): Promise<MessageView[]> {
    const rows = await this.rooms.after(
      this.db.db,
      roomId,
      Math.max(0, afterSeq),
      Math.min(Math.max(1, limit), MAX_REPLAY),
    );
    return this.views(rows);
  }

  /** Replay for a (re)join: at most MAX_REPLAY messages after `afterSeq`; `hasMore` says to ask again from the last one. */
  async replay(roomId: string, afterSeq: number): Promise<{ messages: MessageView[]; hasMore: boolean }> {
    const rows = await this.rooms.after(this.db.db, roomId, Math.max(0, afterSeq), MAX_REPLAY + 1);
    const hasMore = rows.length > MAX_REPLAY;
    return { messages: await this.views(hasMore ? rows.slice(0, MAX_REPLAY) : rows), hasMore };
  }

  /** History page, oldest first: before `beforeSeq` (omitted: the latest page), or after `afterSeq`. */
  async history(
    roomId: string,
    beforeSeq: number | undefined,
    limit = 50,
    afterSeq?: number,
  ): Promise<MessageView[]> {
    const n = Math.min(Math.max(1, limit), afterSeq !== undefined ? MAX_REPLAY : MAX_PAGE);
    if (afterSeq !== undefined) return this.after(roomId, afterSeq, n);
    const rows = await this.rooms.before(this.db.db, roomId, beforeSeq ?? Number.MAX_SAFE_INTEGER, n);
    return this.views(rows);
  }

  async ofKind(roomId: string, kind: string): Promise<MessageView[]> {
    return this.views(await this.rooms.ofKind(this.db.db, roomId, kind));
  }

  /** Rows to views, with attachment metadata looked up only when the page holds attachment messages. */
  async views(rows: MessageRow[]): Promise<MessageView[]> {
    const ids = rows.filter((m) => m.kind === 'attachment').map((m) => m.id);
    const byMessage = new Map(
      (await this.attachments.byMessageIds(this.db.db, ids)).map((a) => [a.messageId, a]),
    );
    return rows.map((m) => toMessageView(m, byMessage.get(m.id) ?? null));
  }
}
