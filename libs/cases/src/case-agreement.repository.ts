import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type PerformanceItemRow = typeof schema.performanceItems.$inferSelect;
export type RatingRow = typeof schema.satisfactionRatings.$inferSelect;
const items = schema.performanceItems;
const applications = schema.confirmationApplications;

/** What follows an agreement: judicial-confirmation applications, performance items, satisfaction ratings. */
@Injectable()
export class CaseAgreementRepository {
  async applyForConfirmation(db: Executor, row: typeof applications.$inferInsert): Promise<void> {
    await db.insert(applications).values(row).onConflictDoNothing();
  }

  confirmationApplications(db: Executor, disputeId: string) {
    return db.select().from(applications).where(eq(applications.disputeId, disputeId));
  }

  async insertPerformanceItems(db: Executor, rows: (typeof items.$inferInsert)[]): Promise<void> {
    await db.insert(items).values(rows);
  }

  performanceItems(db: Executor, disputeId: string): Promise<PerformanceItemRow[]> {
    return db.select().from(items).where(eq(items.disputeId, disputeId));
  }

  async updatePerformanceItem(
    db: Executor,
    itemId: string,
    patch: Partial<typeof items.$inferInsert>,
  ): Promise<void> {
    await db.update(items).set(patch).where(eq(items.id, itemId));
  }

  /** The new rating, or null when this party has rated already (one rating per party). */
  async insertRating(
    db: Executor,
    row: typeof schema.satisfactionRatings.$inferInsert,
  ): Promise<RatingRow | null> {
    return (
      (await db.insert(schema.satisfactionRatings).values(row).onConflictDoNothing().returning())[0] ?? null
    );
  }

  /** A follow-up visit's rating: staff may visit more than once. */
  async insertFollowUp(db: Executor, row: typeof schema.satisfactionRatings.$inferInsert): Promise<void> {
    await db.insert(schema.satisfactionRatings).values(row);
  }
}
