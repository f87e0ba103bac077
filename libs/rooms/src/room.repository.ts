import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type RoomRow = typeof schema.rooms.$inferSelect;
export type MessageRow = typeof schema.messages.$inferSelect;

@Injectable()
export class RoomRepository {
  async insertRooms(db: Executor, rows: (typeof schema.rooms.$inferInsert)[]): Promise<RoomRow[]> {
    if (rows.length === 0) return [];
    return db.insert(schema.rooms).values(rows).returning();
  }

  async byId(db: Executor, id: string): Promise<RoomRow | null> {
    return (await db.select().from(schema.rooms).where(eq(schema.rooms.id, id)).limit(1))[0] ?? null;
  }

  forDispute(db: Executor, disputeId: string): Promise<RoomRow[]> {
    return db.select().from(schema.rooms).where(eq(schema.rooms.disputeId, disputeId)).orderBy(asc(schema.rooms.createdAt));
  }

  /** Takes the room's row lock and the next sequence number; the lock serialises writers per room. */
  async nextSeq(db: Executor, roomId: string): Promise<number | null> {
    const r = await db.update(schema.rooms).set({ lastSeq: sql`${schema.rooms.lastSeq} + 1` })
      .where(eq(schema.rooms.id, roomId)).returning({ seq: schema.rooms.lastSeq });
    return r[0]?.seq ?? null;
  }

  async byClientId(db: Executor, roomId: string, senderId: string, clientMsgId: string): Promise<MessageRow | null> {
    return (await db.select().from(schema.messages).where(and(
      eq(schema.messages.roomId, roomId), eq(schema.messages.senderId, senderId), eq(schema.messages.clientMsgId, clientMsgId),
    )).limit(1))[0] ?? null;
  }

  async insertMessage(db: Executor, row: typeof schema.messages.$inferInsert): Promise<MessageRow> {
    return (await db.insert(schema.messages).values(row).returning())[0];
  }

  after(db: Executor, roomId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return db.select().from(schema.messages).where(and(eq(schema.messages.roomId, roomId), gt(schema.messages.seq, afterSeq)))
      .orderBy(asc(schema.messages.seq)).limit(limit);
  }

  async before(db: Executor, roomId: string, beforeSeq: number, limit: number): Promise<MessageRow[]> {
    const rows = await db.select().from(schema.messages).where(and(eq(schema.messages.roomId, roomId), lt(schema.messages.seq, beforeSeq)))
      .orderBy(desc(schema.messages.seq)).limit(limit);
    return rows.reverse();
  }
}
