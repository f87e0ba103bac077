import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { Executor, Statement, schema } from '@tiaojie/db';

const w = schema.webhookDeliveries;
export type WebhookDeliveryRow = typeof w.$inferSelect;

@Injectable()
export class WebhookDeliveryRepository {
  /** Stores a delivery once per (source, idempotency key); null when that key was seen before. */
  async insertOnce(tx: Executor, row: typeof w.$inferInsert): Promise<WebhookDeliveryRow | null> {
    return (await tx.insert(w).values(row).onConflictDoNothing().returning())[0] ?? null;
  }

  /** The insert of a new delivery as a statement (runAsOne); fails on a key seen before (unique index). */
  insertStatement(db: Executor, row: typeof w.$inferInsert): Statement {
    return db.insert(w).values(row).returning({ id: w.id }).getSQL();
  }

  /** Deliveries never tried and received before `before`: their job may never have been queued. */
  async strandedIds(db: Executor, before: Date, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: w.id })
      .from(w)
      .where(and(eq(w.status, 'pending'), eq(w.attempts, 0), lt(w.receivedAt, before)))
      .orderBy(asc(w.receivedAt))
      .limit(limit);
    return rows.map((r) => r.id);
  }

  async byKey(db: Executor, source: string, key: string): Promise<WebhookDeliveryRow | null> {
    return (
      (
        await db
          .select()
          .from(w)
          .where(and(eq(w.source, source), eq(w.idempotencyKey, key)))
          .limit(1)
      )[0] ?? null
    );
  }

  /** Locks the deliveries (those that exist) for processing, in the order they arrived. */
  lock(tx: Executor, ids: string[]): Promise<WebhookDeliveryRow[]> {
    return tx.select().from(w).where(inArray(w.id, ids)).orderBy(asc(w.receivedAt), asc(w.id)).for('update');
  }

  async byId(db: Executor, id: string): Promise<WebhookDeliveryRow | null> {
    return (await db.select().from(w).where(eq(w.id, id)).limit(1))[0] ?? null;
  }

  async update(db: Executor, id: string, patch: Partial<typeof w.$inferInsert>): Promise<void> {
    await db.update(w).set(patch).where(eq(w.id, id));
  }

  /** Marks deliveries processed with their results, in one statement (one more attempt each). */
  async markProcessed(db: Executor, rows: { id: string; result: unknown }[], at: Date): Promise<void> {
    if (rows.length === 0) return;
    await db.execute(sql`update webhook_deliveries w set status = 'processed', attempts = w.attempts + 1, result = x.result, last_error = null, processed_at = ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, result jsonb) where w.id = x.id`);
  }
}
