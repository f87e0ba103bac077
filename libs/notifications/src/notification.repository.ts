import { Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type NotificationRow = typeof schema.notifications.$inferSelect;
export type OutboxRow = typeof schema.outbox.$inferSelect;

@Injectable()
export class NotificationRepository {
  /** Inserts inbox rows; rows whose (user, dedupeKey) exists are skipped. Returns the rows actually inserted. */
  async insertInbox(db: Executor, rows: (typeof schema.notifications.$inferInsert)[]): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    return db.insert(schema.notifications).values(rows).onConflictDoNothing().returning();
  }

  async insertOutbox(db: Executor, rows: (typeof schema.outbox.$inferInsert)[]): Promise<OutboxRow[]> {
    if (rows.length === 0) return [];
    return db.insert(schema.outbox).values(rows).onConflictDoNothing().returning();
  }

  inbox(db: Executor, userId: string, limit: number): Promise<NotificationRow[]> {
    return db.select().from(schema.notifications).where(eq(schema.notifications.userId, userId)).orderBy(desc(schema.notifications.createdAt)).limit(limit);
  }

  async markRead(db: Executor, userId: string, id: string, at: Date): Promise<boolean> {
    const r = await db.update(schema.notifications).set({ readAt: at })
      .where(and(eq(schema.notifications.id, id), eq(schema.notifications.userId, userId), isNull(schema.notifications.readAt))).returning({ id: schema.notifications.id });
    return r.length === 1;
  }

  /** Locks one pending outbox row for delivery (SKIP LOCKED: concurrent workers never send it twice). */
  async lockPending(db: Executor, id: string): Promise<OutboxRow | null> {
    const r = await db.execute(sql`select * from outbox where id = ${id} and status = 'pending' for update skip locked`);
    const rows = (Array.isArray(r) ? r : (r as any).rows) as any[];
    if (!rows[0]) return null;
    return (await db.select().from(schema.outbox).where(eq(schema.outbox.id, id)))[0] ?? null;
  }

  async updateOutbox(db: Executor, id: string, patch: Partial<typeof schema.outbox.$inferInsert>): Promise<void> {
    await db.update(schema.outbox).set(patch).where(eq(schema.outbox.id, id));
  }

  byStatus(db: Executor, status: string, limit: number): Promise<OutboxRow[]> {
    return db.select().from(schema.outbox).where(eq(schema.outbox.status, status)).orderBy(desc(schema.outbox.createdAt)).limit(limit);
  }

  usersByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.select({ id: schema.users.id, phone: schema.users.phone, role: schema.users.role }).from(schema.users).where(inArray(schema.users.id, ids));
  }

  staffOf(db: Executor, orgId: string, roles: string[]) {
    return db.select({ id: schema.users.id }).from(schema.users)
      .where(and(eq(schema.users.orgId, orgId), inArray(schema.users.role, roles), eq(schema.users.active, true)));
  }

  usersWithRole(db: Executor, role: string) {
    return db.select({ id: schema.users.id }).from(schema.users).where(and(eq(schema.users.role, role), eq(schema.users.active, true)));
  }
}
