import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AuditService } from '@tiaojie/audit';
import { Actor, DomainError, ErrorCode, RealtimePublisher, UserActor, channels, isUuid } from '@tiaojie/core';
import { DbService, isUniqueViolation } from '@tiaojie/db';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentStorage } from './attachment.storage';
import { ACCEPTED_TYPES, SniffedType, sniffFileType } from './file-type.sniffer';
import { MessageService, MessageView, checkClientMsgId, toMessageView } from './message.service';

/** Rolls back an upload whose clientMsgId was stored meanwhile (the audit row goes with it). */
class DuplicateUpload extends Error {}

/** 10 MiB: enough for phone photos and scanned PDFs; larger evidence goes through the court's own channels. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_NAME = 200;

/** A file name safe to store and to put in Content-Disposition: no path, no control characters, the sniffed extension. */
export function safeFileName(raw: unknown, type: SniffedType): string {
  let name = typeof raw === 'string' ? raw : '';
  name = [...name.replace(/^.*[\\/]/, '')]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .trim();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const base = (dot > 0 ? name.slice(0, dot) : name).slice(0, MAX_FILE_NAME - 6) || '附件';
  const same = ext === type.ext || (type.ext === 'jpg' && ext === 'jpeg');
  return same ? `${base}.${ext}` : `${base}.${type.ext}`;
}

/** A resend is the same file under the same clientMsgId; another file (or a text message) is a reused key. */
function sameFile(stored: MessageView, sha256: string): MessageView {
  if (stored.kind !== 'attachment' || stored.attachment?.sha256 !== sha256)
    throw DomainError.idempotencyKeyReused('clientMsgId');
  return stored;
}

export interface UploadInput {
  clientMsgId: string;
  fileName: string;
  data: Buffer;
}

export interface OpenedAttachment {
  fileName: string;
  mime: string;
  size: number;
  stream: Readable;
}

/**
 * Evidence uploads: size limit, type found by magic bytes, bytes through the storage port, then one
 * transaction for the message (kind 'attachment'), the metadata row and the audit entry. Room access is the caller's.
 */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly db: DbService,
    private readonly repo: AttachmentRepository,
    private readonly storage: AttachmentStorage,
    private readonly messages: MessageService,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
  ) {}

  async upload(
    actor: UserActor,
    roomId: string,
    input: UploadInput,
  ): Promise<{ message: MessageView; duplicate: boolean }> {
    const clientMsgId = checkClientMsgId(input.clientMsgId);
    if (input.data.length === 0) throw DomainError.validation('文件为空', { field: 'file' });
    if (input.data.length > MAX_ATTACHMENT_BYTES) {
      throw new DomainError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
        { maxBytes: MAX_ATTACHMENT_BYTES },
      );
    }
    const type = sniffFileType(input.data);
    if (!type) {
      throw new DomainError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        '仅支持图片（JPEG/PNG/GIF/WebP）、PDF 和 Office 文档',
        {
          accepted: ACCEPTED_TYPES.map((t) => t.mime),
        },
      );
    }
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    const existing = await this.messages.byClientId(roomId, actor.id, clientMsgId);
    if (existing) return { message: sameFile(existing, sha256), duplicate: true };

    const fileName = safeFileName(input.fileName, type);
    const id = randomUUID();
    const storageKey = `${roomId}/${id}`;
    await this.storage.put(storageKey, input.data);
    let stored: MessageView;
    try {
      // audit first: every audited transaction takes the audit chain lock before any room row lock (no lock-order deadlock)
      stored = await this.db.transaction(async (tx) => {
        await this.audit.record(tx, actor, {
          action: 'room.attachment_upload',
          entityType: 'room',
          entityId: roomId,
          data: { attachmentId: id, clientMsgId, fileName, mime: type.mime, size: input.data.length, sha256 },
        });
        const r = await this.messages.appendInTx(tx, actor, roomId, {
          clientMsgId,
          body: fileName,
          kind: 'attachment',
        });
        if (!r.inserted) throw new DuplicateUpload();
        const a = await this.repo.insert(tx, {
          id,
          roomId,
          messageId: r.message.id,
          uploaderId: actor.id,
          fileName,
          mime: type.mime,
          size: input.data.length,
          sha256,
          storageKey,
        });
        return toMessageView(r.message, a);
      });
    } catch (err) {
      await this.storage.delete(storageKey);
      if (!(err instanceof DuplicateUpload) && !isUniqueViolation(err)) throw err;
      const winner = await this.messages.byClientId(roomId, actor.id, clientMsgId);
      if (!winner) throw err;
      return { message: sameFile(winner, sha256), duplicate: true };
    }
    this.publisher.publish([{ channel: channels.room(roomId), event: 'message:new', payload: stored }]);
    return { message: stored, duplicate: false };
  }

  /** Opens an attachment of this room (the caller has authorised the room); every download is audited. */
  async open(actor: Actor, roomId: string, attachmentId: string): Promise<OpenedAttachment> {
    const a = isUuid(attachmentId) ? await this.repo.byId(this.db.db, attachmentId) : null;
    if (!a || a.roomId !== roomId) throw DomainError.notFound('attachment', attachmentId);
    const stream = await this.storage.open(a.storageKey);
    if (!stream) throw DomainError.notFound('attachment', attachmentId);
    try {
      await this.db.transaction((tx) =>
        this.audit.record(tx, actor, {
          action: 'room.attachment_download',
          entityType: 'room',
          entityId: roomId,
          data: { attachmentId: a.id, fileName: a.fileName },
        }),
      );
    } catch (err) {
      stream.destroy();
      throw err;
    }
    return { fileName: a.fileName, mime: a.mime, size: a.size, stream };
  }
}
