import { Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type NotificationRow = typeof schema.notifications.$inferSelect;
export type OutboxRow = typeof schema.outbox.$inferSelect;

@Injectable()
export class NotificationRepository {
  /** Inserts inbox rows; rows whose (user, dedupeKey) exists are skipped. Returns the rows actually inserted. */
  async insertInbox(
    db: Executor,
    rows: (typeof schema.notifications.$inferInsert)[],
  ): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    return db.insert(schema.notifications).values(rows).onConflictDoNothing().returning();
  }

  async insertOutbox(db: Executor, rows: (typeof schema.outbox.$inferInsert)[]): Promise<OutboxRow[]> {
    if (rows.length === 0) return [];
    return db.insert(schema.outbox).values(rows).onConflictDoNothing().returning();
  }

  /** A user's inbox, newest first; `before` pages by creation time. */
  inbox(
    db: Executor,
    userId: string,
    opts: { limit: number; unreadOnly?: boolean; before?: Date },
  ): Promise<NotificationRow[]> {
    const n = schema.notifications;
    return db
      .select()
      .from(n)
      .where(
        and(
          eq(n.userId, userId),
          opts.unreadOnly ? isNull(n.readAt) : undefined,
          opts.before ? lt(n.createdAt, opts.before) : undefined,
        ),
      )
      .orderBy(desc(n.createdAt), desc(n.id))
      .limit(opts.limit);
  }

  async unreadCount(db: Executor, userId: string): Promise<number> {
    const n = schema.notifications;
    const r = await db
      .select({ c: sql<number>`count(*)::int` })
      .from(n)
      .where(and(eq(n.userId, userId), isNull(n.readAt)));
    return Number(r[0]?.c ?? 0);
  }

  /** Marks one of the user's own notifications read; false when it is not theirs or does not exist. */
  async markRead(db: Executor, userId: string, id: string, at: Date): Promise<boolean> {
    const n = schema.notifications;
    const mine = await db
      .select({ id: n.id, readAt: n.readAt })
      .from(n)
      .where(and(eq(n.id, id), eq(n.userId, userId)));
    if (mine.length === 0) return false;
    if (mine[0].readAt) return true;
    await db
      .update(n)
      .set({ readAt: at })
      .where(and(eq(n.id, id), eq(n.userId, userId), isNull(n.readAt)));
    return true;
  }

  async markAllRead(db: Executor, userId: string, at: Date): Promise<number> {
    const n = schema.notifications;
    const r = await db
      .update(n)
      .set({ readAt: at })
      .where(and(eq(n.userId, userId), isNull(n.readAt)))
      .returning({ id: n.id });
    return r.length;
  }

  /**
   * Claims an outbox row for one delivery attempt (pending → sending, attempts + 1). A row left 'sending'
   * by a worker that died mid-send is claimed again by the retried job (one job per row at a time).
   */
  async claim(db: Executor, id: string): Promise<OutboxRow | null> {
    const o = schema.outbox;
    const r = await db
      .update(o)
      .set({ status: 'sending', attempts: sql`${o.attempts} + 1` })
      .where(and(eq(o.id, id), inArray(o.status, ['pending', 'sending'])))
      .returning();
    return r[0] ?? null;
  }

  /** Finishes an attempt: only a row still 'sending' changes. */
  async finish(
    db: Executor,
    id: string,
    patch: Partial<typeof schema.outbox.$inferInsert>,
  ): Promise<boolean> {
    const o = schema.outbox;
    const r = await db
      .update(o)
      .set(patch)
      .where(and(eq(o.id, id), eq(o.status, 'sending')))
      .returning({ id: o.id });
    return r.length === 1;
  }

  /** Puts a dead row back to pending (compare-and-set: one retry per dead letter). */
  async revive(db: Executor, id: string): Promise<OutboxRow | null> {
    const o = schema.outbox;
    const r = await db
      .update(o)
      .set({ status: 'pending', attempts: 0 })
      .where(and(eq(o.id, id), eq(o.status, 'dead')))
      .returning();
    return r[0] ?? null;
  }

  async outboxById(db: Executor, id: string): Promise<OutboxRow | null> {
    return (await db.select().from(schema.outbox).where(eq(schema.outbox.id, id)))[0] ?? null;
  }

  byStatus(db: Executor, status: string, limit: number): Promise<OutboxRow[]> {
    return db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.status, status))
      .orderBy(desc(schema.outbox.createdAt))
      .limit(limit);
  }

  usersByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .select({ id: schema.users.id, phone: schema.users.phone, role: schema.users.role })
      .from(schema.users)
      .where(inArray(schema.users.id, ids));
  }

  staffOf(db: Executor, orgId: string, roles: string[]) {
    return db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(
        and(eq(schema.users.orgId, orgId), inArray(schema.users.role, roles), eq(schema.users.active, true)),
      );
  }

  usersWithRole(db: Executor, role: string) {
    return db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(and(eq(schema.users.role, role), eq(schema.users.active, true)));
  }
}
