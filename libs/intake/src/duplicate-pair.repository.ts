import { Injectable } from '@nestjs/common';
import { aliasedTable, and, desc, eq, or, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

const p = schema.intakeDuplicatePairs;
export type DuplicatePairRow = typeof p.$inferSelect;

@Injectable()
export class DuplicatePairRepository {
  /** Stores pairs once (a re-import finds the same pairs again); returns how many were new. */
  async insert(tx: Executor, rows: (typeof p.$inferInsert)[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const out = await tx
        .insert(p)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: p.id });
      added += out.length;
    }
    return added;
  }

  async byId(db: Executor, id: string, forUpdate = false): Promise<DuplicatePairRow | null> {
    const q = db.select().from(p).where(eq(p.id, id)).limit(1);
    return (await (forUpdate ? q.for('update') : q))[0] ?? null;
  }

  /** Pairs with both records' channel, source id, dispute and stored record (for display). */
  list(db: Executor, status: string | null, limit: number) {
    const a = aliasedTable(schema.intakeRecords, 'ra');
    const b = aliasedTable(schema.intakeRecords, 'rb');
    const q = db
      .select({
        pair: p,
        a: {
          id: a.id,
          channel: a.channel,
          sourceId: a.sourceId,
          disputeId: a.disputeId,
          acceptedAt: a.acceptedAt,
          street: a.street,
          category: a.category,
          record: a.record,
        },
        b: {
          id: b.id,
          channel: b.channel,
          sourceId: b.sourceId,
          disputeId: b.disputeId,
          acceptedAt: b.acceptedAt,
          street: b.street,
          category: b.category,
          record: b.record,
        },
      })
      .from(p)
      .innerJoin(a, eq(a.id, p.recordA))
      .innerJoin(b, eq(b.id, p.recordB));
    return (status ? q.where(eq(p.status, status)) : q)
      .orderBy(desc(p.score), desc(p.createdAt))
      .limit(limit);
  }

  async decide(
    tx: Executor,
    id: string,
    patch: Pick<DuplicatePairRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
  ): Promise<DuplicatePairRow | null> {
    return (
      (
        await tx
          .update(p)
          .set(patch)
          .where(and(eq(p.id, id), eq(p.status, 'pending')))
          .returning()
      )[0] ?? null
    );
  }

  pendingFor(tx: Executor, recordId: string): Promise<DuplicatePairRow[]> {
    return tx
      .select()
      .from(p)
      .where(and(eq(p.status, 'pending'), or(eq(p.recordA, recordId), eq(p.recordB, recordId))));
  }

  async countByStatus(db: Executor): Promise<Record<string, number>> {
    const rows = await db
      .select({ status: p.status, n: sql<number>`count(*)::int` })
      .from(p)
      .groupBy(p.status);
    return Object.fromEntries(rows.map((x) => [x.status, Number(x.n)]));
  }
}
