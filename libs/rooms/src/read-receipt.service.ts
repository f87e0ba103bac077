import { Injectable } from '@nestjs/common';
import { Clock, DomainError, RealtimePublisher, UserActor, channels } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AttachmentRepository } from './attachment.repository';
import { RoomRow } from './room.repository';

export interface ReadReceipt {
  userId: string;
  name: string;
  lastReadSeq: number;
  at: string;
}

/**
 * Read receipts: each user's highest read seq per room, only moving forward. Not audited: a receipt is
 * itself a timestamped record, and auditing every one would serialise all chat traffic on the audit chain.
 * Room access is the caller's.
 */
@Injectable()
export class ReadReceiptService {
  constructor(
    private readonly db: DbService,
    private readonly repo: AttachmentRepository,
    private readonly clock: Clock,
    private readonly publisher: RealtimePublisher,
  ) {}

  /** `advanced` false: the user's mark was already at or past `seq` (nothing is broadcast). */
  async markRead(actor: UserActor, room: RoomRow, seq: number): Promise<{ seq: number; advanced: boolean }> {
    if (!Number.isSafeInteger(seq) || seq < 1)
      throw DomainError.validation('消息序号须为正整数', { field: 'seq' });
    if (seq > room.lastSeq)
      throw DomainError.validation(`消息序号 ${seq} 超出了该调解室的最新消息`, {
        field: 'seq',
        lastSeq: room.lastSeq,
      });
    const at = this.clock.now();
    const advanced = await this.repo.markRead(this.db.db, room.id, actor.id, seq, at);
    if (advanced) {
      this.publisher.publish([
        {
          channel: channels.room(room.id),
          event: 'message:read',
          payload: {
            roomId: room.id,
            userId: actor.id,
            name: actor.name,
            lastReadSeq: seq,
            at: at.toISOString(),
          },
        },
      ]);
    }
    return { seq, advanced };
  }

  async reads(roomId: string): Promise<ReadReceipt[]> {
    const rows = await this.repo.reads(this.db.db, roomId);
    return rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      lastReadSeq: Number(r.lastReadSeq),
      at: r.updatedAt.toISOString(),
    }));
  }

  readsOf(userId: string, roomIds: string[]): Promise<Map<string, number>> {
    return this.repo.readsOf(this.db.db, userId, roomIds);
  }
}
