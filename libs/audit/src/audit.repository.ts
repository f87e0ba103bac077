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

  /** Many rows as one JSON parameter (bulk imports): cheaper to build than a multi-row VALUES list. */
  async insertMany(tx: Executor, rows: NewAuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((r) => ({
      id: r.id, at: r.at, actor_id: r.actorId ?? null, actor_role: r.actorRole, action: r.action, entity_type: r.entityType,
      entity_id: r.entityId, data: r.data ?? null, prev_hash: r.prevHash, hash: r.hash,
    })));
    await tx.execute(sql`insert into audit_log (id, at, actor_id, actor_role, action, entity_type, entity_id, data, prev_hash, hash)
      select id, at, actor_id, actor_role, action, entity_type, entity_id, data, prev_hash, hash
      from jsonb_to_recordset(${json}::jsonb) as x(id bigint, at timestamptz, actor_id uuid, actor_role text, action text,
        entity_type text, entity_id text, data jsonb, prev_hash text, hash text)`);
  }

  /** The chain head (last id and hash), kept in `meta` so truncating the newest rows is detectable. */
  async setHead(tx: Executor, id: number, hash: string): Promise<void> {
    await tx.insert(schema.meta).values({ key: 'audit_head', value: { id, hash } })
      .onConflictDoUpdate({ target: schema.meta.key, set: { value: { id, hash } } });
  }

  async head(tx: Executor): Promise<{ id: number; hash: string } | null> {
    const rows = await tx.select().from(schema.meta).where(eq(schema.meta.key, 'audit_head')).limit(1);
    return (rows[0]?.value as { id: number; hash: string } | undefined) ?? null;
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
