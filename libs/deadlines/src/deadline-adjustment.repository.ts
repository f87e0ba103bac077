import { Injectable } from '@nestjs/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type DeadlineAdjustmentRow = typeof schema.deadlineAdjustments.$inferSelect;

@Injectable()
export class DeadlineAdjustmentRepository {
  /** Serialises adjustments of one dispute for the rest of the transaction. */
  async lockDispute(tx: Executor, disputeId: string): Promise<void> {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('deadline_adjustments'), hashtext(${disputeId}))`,
    );
  }

  history(db: Executor, disputeId: string, regime: string): Promise<DeadlineAdjustmentRow[]> {
    return db
      .select()
      .from(schema.deadlineAdjustments)
      .where(
        and(
          eq(schema.deadlineAdjustments.disputeId, disputeId),
          eq(schema.deadlineAdjustments.regime, regime),
        ),
      )
      .orderBy(asc(schema.deadlineAdjustments.id));
  }

  async insert(
    tx: Executor,
    row: typeof schema.deadlineAdjustments.$inferInsert,
  ): Promise<DeadlineAdjustmentRow> {
    return (await tx.insert(schema.deadlineAdjustments).values(row).returning())[0];
  }
}
