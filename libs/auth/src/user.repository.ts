import { Injectable } from '@nestjs/common';
import { and, eq, gt, isNull, desc } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type UserRow = typeof schema.users.$inferSelect;

@Injectable()
export class UserRepository {
  async byUsername(db: Executor, username: string): Promise<UserRow | null> {
    return (await db.select().from(schema.users).where(eq(schema.users.username, username)).limit(1))[0] ?? null;
  }

  async byPhone(db: Executor, phone: string): Promise<UserRow | null> {
    return (await db.select().from(schema.users).where(eq(schema.users.phone, phone)).limit(1))[0] ?? null;
  }

  async byId(db: Executor, id: string): Promise<UserRow | null> {
    return (await db.select().from(schema.users).where(eq(schema.users.id, id)).limit(1))[0] ?? null;
  }

  async insert(db: Executor, row: typeof schema.users.$inferInsert): Promise<UserRow> {
    return (await db.insert(schema.users).values(row).returning())[0];
  }

  /** Creates the party account for a phone, or returns the existing one (safe under concurrent sign-ins). */
  async upsertParty(db: Executor, phone: string, displayName: string): Promise<UserRow> {
    await db.insert(schema.users).values({ phone, displayName, role: 'party' }).onConflictDoNothing({ target: schema.users.phone });
    return (await this.byPhone(db, phone))!;
  }

  async insertRefresh(db: Executor, row: typeof schema.refreshTokens.$inferInsert): Promise<void> {
    await db.insert(schema.refreshTokens).values(row);
  }

  async refreshByHash(db: Executor, tokenHash: string) {
    return (await db.select().from(schema.refreshTokens).where(eq(schema.refreshTokens.tokenHash, tokenHash)).limit(1))[0] ?? null;
  }

  /** Marks one token used; returns false when another request used it first. */
  async consumeRefresh(db: Executor, id: string, at: Date): Promise<boolean> {
    const r = await db.update(schema.refreshTokens).set({ revokedAt: at })
      .where(and(eq(schema.refreshTokens.id, id), isNull(schema.refreshTokens.revokedAt))).returning({ id: schema.refreshTokens.id });
    return r.length === 1;
  }

  async revokeFamily(db: Executor, familyId: string, at: Date): Promise<void> {
    await db.update(schema.refreshTokens).set({ revokedAt: at })
      .where(and(eq(schema.refreshTokens.familyId, familyId), isNull(schema.refreshTokens.revokedAt)));
  }

  async insertOtp(db: Executor, row: typeof schema.otpCodes.$inferInsert): Promise<void> {
    await db.insert(schema.otpCodes).values(row);
  }

  async latestOtp(db: Executor, phone: string, purpose: string) {
    return (await db.select().from(schema.otpCodes)
      .where(and(eq(schema.otpCodes.phone, phone), eq(schema.otpCodes.purpose, purpose)))
      .orderBy(desc(schema.otpCodes.createdAt)).limit(1))[0] ?? null;
  }

  async otpSentSince(db: Executor, phone: string, since: Date): Promise<number> {
    const rows = await db.select({ id: schema.otpCodes.id }).from(schema.otpCodes)
      .where(and(eq(schema.otpCodes.phone, phone), gt(schema.otpCodes.createdAt, since)));
    return rows.length;
  }

  async bumpOtpAttempts(db: Executor, id: string): Promise<void> {
    const row = (await db.select().from(schema.otpCodes).where(eq(schema.otpCodes.id, id)))[0];
    if (row) await db.update(schema.otpCodes).set({ attempts: row.attempts + 1 }).where(eq(schema.otpCodes.id, id));
  }

  async consumeOtp(db: Executor, id: string, at: Date): Promise<boolean> {
    const r = await db.update(schema.otpCodes).set({ consumedAt: at })
      .where(and(eq(schema.otpCodes.id, id), isNull(schema.otpCodes.consumedAt))).returning({ id: schema.otpCodes.id });
    return r.length === 1;
  }
}
