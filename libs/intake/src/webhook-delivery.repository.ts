import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

const w = schema.webhookDeliveries;
export type WebhookDeliveryRow = typeof w.$inferSelect;

@Injectable()
export class WebhookDeliveryRepository {
  /** Stores a delivery once per (source, idempotency key); null when that key was seen before. */
  async insertOnce(tx: Executor, row: typeof w.$inferInsert): Promise<WebhookDeliveryRow | null> {
    return (await tx.insert(w).values(row).onConflictDoNothing().returning())[0] ?? null;
  }

  async byKey(db: Executor, source: string, key: string): Promise<WebhookDeliveryRow | null> {
    return (await db.select().from(w).where(and(eq(w.source, source), eq(w.idempotencyKey, key))).limit(1))[0] ?? null;
  }

  async lock(tx: Executor, id: string): Promise<WebhookDeliveryRow | null> {
    return (await tx.select().from(w).where(eq(w.id, id)).limit(1).for('update'))[0] ?? null;
  }

  async byId(db: Executor, id: string): Promise<WebhookDeliveryRow | null> {
    return (await db.select().from(w).where(eq(w.id, id)).limit(1))[0] ?? null;
  }

  async update(db: Executor, id: string, patch: Partial<typeof w.$inferInsert>): Promise<void> {
    await db.update(w).set(patch).where(eq(w.id, id));
  }
}
