import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { Executor, Statement, resultRows, schema } from '@tiaojie/db';

export type AuditRow = typeof schema.auditLog.$inferSelect;
export type NewAuditRow = typeof schema.auditLog.$inferInsert;
export interface ChainHead {
  id: number;
  seq: number;
  hash: string;
}
export interface SealedLink {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
}

@Injectable()
export class AuditRepository {
  /** One sealer at a time across every process; false when another holds it (it will seal these rows). */
  async tryLockChain(tx: Executor): Promise<boolean> {
    const r = await tx.execute(sql`select pg_try_advisory_xact_lock(7405112002) as locked`);
    return Boolean(resultRows<{ locked: boolean }>(r)[0]?.locked);
  }

  async insert(tx: Executor, row: NewAuditRow): Promise<void> {
    await tx.insert(schema.auditLog).values(row);
  }

  /** The same insert for several rows, as a statement to run with others (runAsOne); rows keep their order. */
  insertStatement(db: Executor, rows: NewAuditRow[]): Statement {
    return db.insert(schema.auditLog).values(rows).getSQL();
  }

  /** Many rows as one JSON parameter (bulk imports): cheaper to build than a multi-row VALUES list. */
  async insertMany(tx: Executor, rows: NewAuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(
      rows.map((r) => ({
        at: r.at,
        actor_id: r.actorId ?? null,
        actor_role: r.actorRole,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        data: r.data ?? null,
      })),
    );
    await tx.execute(sql`insert into audit_log (at, actor_id, actor_role, action, entity_type, entity_id, data)
      select at, actor_id, actor_role, action, entity_type, entity_id, data
      from rows from (jsonb_to_recordset(${json}::jsonb) as (at timestamptz, actor_id uuid, actor_role text, action text,
        entity_type text, entity_id text, data jsonb)) with ordinality as x(at, actor_id, actor_role, action, entity_type, entity_id, data, n)
      order by n`);
  }

  /**
   * Committed rows not yet in the chain, oldest id first; with `afterId`, only those above it (the partial index is
   * entered there, past the entries its sealed rows left behind until a vacuum removes them).
   */
  unsealed(tx: Executor, limit: number, afterId = 0): Promise<AuditRow[]> {
    const where =
      afterId > 0
        ? and(isNull(schema.auditLog.hash), gt(schema.auditLog.id, afterId))
        : isNull(schema.auditLog.hash);
    return tx.select().from(schema.auditLog).where(where).orderBy(asc(schema.auditLog.id)).limit(limit);
  }

  async countUnsealed(tx: Executor): Promise<number> {
    const r = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.auditLog)
      .where(isNull(schema.auditLog.hash));
    return Number(r[0]?.n ?? 0);
  }

  /** Writes chain positions and hashes in one statement; only rows still unsealed change. */
  async seal(tx: Executor, links: SealedLink[]): Promise<void> {
    if (links.length === 0) return;
    const json = JSON.stringify(
      links.map((l) => ({ id: l.id, seq: l.seq, prev_hash: l.prevHash, hash: l.hash })),
    );
    await tx.execute(sql`update audit_log a set seq = x.seq, prev_hash = x.prev_hash, hash = x.hash
      from jsonb_to_recordset(${json}::jsonb) as x(id bigint, seq bigint, prev_hash text, hash text)
      where a.id = x.id and a.hash is null`);
  }

  /** The chain head (last sealed row, position and hash), kept in `meta` so cutting off the newest rows is detectable. */
  async setHead(tx: Executor, head: ChainHead): Promise<void> {
    await tx
      .insert(schema.meta)
      .values({ key: 'audit_head', value: head })
      .onConflictDoUpdate({ target: schema.meta.key, set: { value: head } });
  }

  async head(tx: Executor): Promise<ChainHead | null> {
    const rows = await tx.select().from(schema.meta).where(eq(schema.meta.key, 'audit_head')).limit(1);
    const v = rows[0]?.value as Partial<ChainHead> | undefined;
    return v && typeof v.hash === 'string'
      ? { id: Number(v.id), seq: Number(v.seq ?? 0), hash: v.hash }
      : null;
  }

  /** Sealed rows in chain order after position `afterSeq`. */
  pageByChain(tx: Executor, afterSeq: number, limit: number): Promise<AuditRow[]> {
    return tx
      .select()
      .from(schema.auditLog)
      .where(gt(schema.auditLog.seq, afterSeq))
      .orderBy(asc(schema.auditLog.seq))
      .limit(limit);
  }

  forEntity(tx: Executor, entityType: string, entityId: string): Promise<AuditRow[]> {
    return tx
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, entityType), eq(schema.auditLog.entityId, entityId)))
      .orderBy(asc(schema.auditLog.id));
  }
}
