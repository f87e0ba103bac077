import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type SessionRow = typeof schema.mediationSessions.$inferSelect;
const s = schema.mediationSessions;

/** Mediation sessions (调解安排) and their records (笔录). */
@Injectable()
export class CaseSessionRepository {
  async byId(db: Executor, sessionId: string): Promise<SessionRow | null> {
    return (await db.select().from(s).where(eq(s.id, sessionId)))[0] ?? null;
  }

  ofCase(db: Executor, disputeId: string): Promise<SessionRow[]> {
    return db.select().from(s).where(eq(s.disputeId, disputeId));
  }

  async insert(db: Executor, row: typeof s.$inferInsert): Promise<SessionRow> {
    return (await db.insert(s).values(row).returning())[0];
  }

  async update(db: Executor, sessionId: string, patch: Partial<typeof s.$inferInsert>): Promise<SessionRow> {
    return (await db.update(s).set(patch).where(eq(s.id, sessionId)).returning())[0];
  }

  async delete(db: Executor, sessionId: string): Promise<void> {
    await db.delete(s).where(eq(s.id, sessionId));
  }
}
