import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type DeadlineCaseRow = typeof schema.disputes.$inferSelect;

/** What the deadline timers read about a case when they fire (the case's own lib writes it). */
@Injectable()
export class DeadlineCaseRepository {
  async byId(db: Executor, id: string): Promise<DeadlineCaseRow | null> {
    return (await db.select().from(schema.disputes).where(eq(schema.disputes.id, id)).limit(1))[0] ?? null;
  }

  /** When the case's current agreement (being signed or signed) took effect; null while unsigned. */
  async agreementSignedAt(db: Executor, disputeId: string): Promise<Date | null> {
    const a = schema.agreements;
    const rows = await db
      .select({ signedAt: a.signedAt })
      .from(a)
      .where(and(eq(a.disputeId, disputeId), inArray(a.status, ['signing', 'signed'])))
      .orderBy(desc(a.createdAt))
      .limit(1);
    return rows[0]?.signedAt ?? null;
  }

  /** The accounts of the case's parties (parties without an account are told by other means). */
  async partyUserIds(db: Executor, disputeId: string): Promise<string[]> {
    const p = schema.disputeParties;
    const rows = await db
      .select({ userId: p.userId })
      .from(p)
      .where(and(eq(p.disputeId, disputeId), isNotNull(p.userId)))
      .orderBy(asc(p.createdAt), asc(p.role));
    return rows.flatMap((r) => (r.userId ? [r.userId] : []));
  }
}
