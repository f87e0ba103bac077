import { Injectable } from '@nestjs/common';
import { and, eq, gt, isNull, desc, or, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type UserRow = typeof schema.users.$inferSelect;

@Injectable()
export class UserRepository {
  async byUsername(db: Executor, username: string): Promise<UserRow | null> {
    return (
      (await db.select().from(schema.users).where(eq(schema.users.username, username)).limit(1))[0] ?? null
    );
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
    await db
      .insert(schema.users)
      .values({ phone, displayName, role: 'party' })
      .onConflictDoNothing({ target: schema.users.phone });
    return (await this.byPhone(db, phone))!;
  }

  async recordAttempt(
    db: Executor,
    username: string,
    ip: string | null,
    ok: boolean,
    at: Date,
  ): Promise<void> {
    await db.insert(schema.signInAttempts).values({ username, ip, ok, at });
  }

  /** Failed attempts since a time, for this username or from this IP. */
  async failedAttempts(
    db: Executor,
    username: string,
    ip: string | null,
    since: Date,
  ): Promise<{ byUser: number; byIp: number }> {
    const r = await db
      .select({
        byUser: sql<number>`count(*) filter (where ${schema.signInAttempts.username} = ${username})::int`,
        byIp: sql<number>`count(*) filter (where ${schema.signInAttempts.ip} = ${ip ?? ''})::int`,
      })
      .from(schema.signInAttempts)
      .where(
        and(
          eq(schema.signInAttempts.ok, false),
          gt(schema.signInAttempts.at, since),
          or(eq(schema.signInAttempts.username, username), eq(schema.signInAttempts.ip, ip ?? '')),
        ),
      );
    return { byUser: Number(r[0]?.byUser ?? 0), byIp: Number(r[0]?.byIp ?? 0) };
  }

  async setPassword(db: Executor, userId: string, passwordHash: string): Promise<void> {
    await db.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId));
  }

  async revokeAllRefresh(db: Executor, userId: string, at: Date): Promise<void> {
    await db
      .update(schema.refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(schema.refreshTokens.userId, userId), isNull(schema.refreshTokens.revokedAt)));
  }

  async updateUser(
    db: Executor,
    id: string,
    patch: Partial<typeof schema.users.$inferInsert>,
  ): Promise<UserRow | null> {
    return (await db.update(schema.users).set(patch).where(eq(schema.users.id, id)).returning())[0] ?? null;
  }

  staff(db: Executor, orgId?: string) {
    const q = db
      .select({
        id: schema.users.id,
        username: schema.users.username,
        displayName: schema.users.displayName,
        role: schema.users.role,
        orgId: schema.users.orgId,
        specialties: schema.users.specialties,
        active: schema.users.active,
      })
      .from(schema.users);
    return orgId ? q.where(eq(schema.users.orgId, orgId)) : q.where(sql`${schema.users.role} <> 'party'`);
  }

  async insertRefresh(db: Executor, row: typeof schema.refreshTokens.$inferInsert): Promise<void> {
    await db.insert(schema.refreshTokens).values(row);
  }

  async refreshByHash(db: Executor, tokenHash: string) {
    return (
      (
        await db
          .select()
          .from(schema.refreshTokens)
          .where(eq(schema.refreshTokens.tokenHash, tokenHash))
          .limit(1)
      )[0] ?? null
    );
  }

  /** Marks one token used; returns false when another request used it first. */
  async consumeRefresh(db: Executor, id: string, at: Date): Promise<boolean> {
    const r = await db
      .update(schema.refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(schema.refreshTokens.id, id), isNull(schema.refreshTokens.revokedAt)))
      .returning({ id: schema.refreshTokens.id });
    return r.length === 1;
  }

  async revokeFamily(db: Executor, familyId: string, at: Date): Promise<void> {
    await db
      .update(schema.refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(schema.refreshTokens.familyId, familyId), isNull(schema.refreshTokens.revokedAt)));
  }

  async insertOtp(db: Executor, row: typeof schema.otpCodes.$inferInsert): Promise<void> {
    await db.insert(schema.otpCodes).values(row);
  }

  async latestOtp(db: Executor, phone: string, purpose: string) {
    return (
      (
        await db
          .select()
          .from(schema.otpCodes)
          .where(and(eq(schema.otpCodes.phone, phone), eq(schema.otpCodes.purpose, purpose)))
          .orderBy(desc(schema.otpCodes.createdAt))
          .limit(1)
      )[0] ?? null
    );
  }

  /** Codes sent to a phone for one purpose since a time: each purpose is its own rate-limit bucket. */
  async otpSentSince(db: Executor, phone: string, purpose: string, since: Date): Promise<number> {
    const rows = await db
      .select({ id: schema.otpCodes.id })
      .from(schema.otpCodes)
      .where(
        and(
          eq(schema.otpCodes.phone, phone),
          eq(schema.otpCodes.purpose, purpose),
          gt(schema.otpCodes.createdAt, since),
        ),
      );
    return rows.length;
  }

  async bumpOtpAttempts(db: Executor, id: string): Promise<void> {
    const row = (await db.select().from(schema.otpCodes).where(eq(schema.otpCodes.id, id)))[0];
    if (row)
      await db
        .update(schema.otpCodes)
        .set({ attempts: row.attempts + 1 })
        .where(eq(schema.otpCodes.id, id));
  }

  async consumeOtp(db: Executor, id: string, at: Date): Promise<boolean> {
    const r = await db
      .update(schema.otpCodes)
      .set({ consumedAt: at })
      .where(and(eq(schema.otpCodes.id, id), isNull(schema.otpCodes.consumedAt)))
      .returning({ id: schema.otpCodes.id });
    return r.length === 1;
  }
}
