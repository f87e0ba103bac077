import { Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type AttachmentRow = typeof schema.attachments.$inferSelect;
export type ReadRow = { userId: string; name: string; lastReadSeq: number; updatedAt: Date };

/** Attachment metadata and read receipts. */
@Injectable()
export class AttachmentRepository {
  async insert(db: Executor, row: typeof schema.attachments.$inferInsert): Promise<AttachmentRow> {
    return (await db.insert(schema.attachments).values(row).returning())[0];
  }

  async byId(db: Executor, id: string): Promise<AttachmentRow | null> {
    return (
      (await db.select().from(schema.attachments).where(eq(schema.attachments.id, id)).limit(1))[0] ?? null
    );
  }

  async byMessageId(db: Executor, messageId: string): Promise<AttachmentRow | null> {
    return (
      (
        await db.select().from(schema.attachments).where(eq(schema.attachments.messageId, messageId)).limit(1)
      )[0] ?? null
    );
  }

  byMessageIds(db: Executor, messageIds: string[]): Promise<AttachmentRow[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return db.select().from(schema.attachments).where(inArray(schema.attachments.messageId, messageIds));
  }

  /** Moves a user's read mark forward only; true when it moved (false: already at or past `seq`). */
  async markRead(db: Executor, roomId: string, userId: string, seq: number, at: Date): Promise<boolean> {
    const r = await db
      .insert(schema.roomReads)
      .values({ roomId, userId, lastReadSeq: seq, updatedAt: at })
      .onConflictDoUpdate({
        target: [schema.roomReads.roomId, schema.roomReads.userId],
        set: { lastReadSeq: sql`excluded.last_read_seq`, updatedAt: at },
        setWhere: sql`${schema.roomReads.lastReadSeq} < excluded.last_read_seq`,
      })
      .returning({ seq: schema.roomReads.lastReadSeq });
    return r.length === 1;
  }

  reads(db: Executor, roomId: string): Promise<ReadRow[]> {
    return db
      .select({
        userId: schema.roomReads.userId,
        name: schema.users.displayName,
        lastReadSeq: schema.roomReads.lastReadSeq,
        updatedAt: schema.roomReads.updatedAt,
      })
      .from(schema.roomReads)
      .innerJoin(schema.users, eq(schema.users.id, schema.roomReads.userId))
      .where(eq(schema.roomReads.roomId, roomId));
  }

  async readsOf(db: Executor, userId: string, roomIds: string[]): Promise<Map<string, number>> {
    if (roomIds.length === 0) return new Map();
    const r = await db
      .select({ roomId: schema.roomReads.roomId, seq: schema.roomReads.lastReadSeq })
      .from(schema.roomReads)
      .where(and(eq(schema.roomReads.userId, userId), inArray(schema.roomReads.roomId, roomIds)));
    return new Map(r.map((x) => [x.roomId, Number(x.seq)]));
  }
}
