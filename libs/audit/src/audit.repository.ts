import { Injectable } from '@nestjs/common';
import { asc, desc, eq, and, gt, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type AuditRow = typeof schema.auditLog.$inferSelect;
export type NewAuditRow = typeof schema.auditLog.$inferInsert;

@Injectable()
export class AuditRepository {
  /** Serialises appends so the hash chain never forks; held until the surrounding transaction ends. */
  async lockChain(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(7405112002)`);
  }

  async lastHash(tx: Executor): Promise<string | null> {
    const rows = await tx.select({ hash: schema.auditLog.hash }).from(schema.auditLog).orderBy(desc(schema.auditLog.id)).limit(1);
    return rows[0]?.hash ?? null;
  }

  async insert(tx: Executor, row: NewAuditRow): Promise<void> {
    await tx.insert(schema.auditLog).values(row);
  }

  page(tx: Executor, afterId: number, limit: number): Promise<AuditRow[]> {
    return tx.select().from(schema.auditLog).where(gt(schema.auditLog.id, afterId)).orderBy(asc(schema.auditLog.id)).limit(limit);
  }

  forEntity(tx: Executor, entityType: string, entityId: string): Promise<AuditRow[]> {
    return tx.select().from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, entityType), eq(schema.auditLog.entityId, entityId)))
      .orderBy(asc(schema.auditLog.id));
  }
}
