import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

/** The reads the case notices need beyond the case itself. */
@Injectable()
export class CaseNoticeRepository {
  /** Performance items of a case due on a day and not yet done or breached. */
  async pendingItemsDueOn(db: Executor, disputeId: string, dueOn: string): Promise<number> {
    const p = schema.performanceItems;
    const rows = await db
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.disputeId, disputeId), eq(p.dueOn, dueOn), eq(p.status, 'pending')));
    return rows.length;
  }
}
