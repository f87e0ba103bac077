import { Injectable } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type OrgRow = typeof schema.organizations.$inferSelect;
export type StreetRow = typeof schema.streets.$inferSelect;
export type CommunityRow = typeof schema.communities.$inferSelect;

@Injectable()
export class OrgRepository {
  async byId(db: Executor, id: string): Promise<OrgRow | null> {
    return (
      (await db.select().from(schema.organizations).where(eq(schema.organizations.id, id)).limit(1))[0] ??
      null
    );
  }

  async byCode(db: Executor, code: string): Promise<OrgRow | null> {
    return (
      (await db.select().from(schema.organizations).where(eq(schema.organizations.code, code)).limit(1))[0] ??
      null
    );
  }

  byIds(db: Executor, ids: string[]): Promise<OrgRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.select().from(schema.organizations).where(inArray(schema.organizations.id, ids));
  }

  listActive(db: Executor): Promise<OrgRow[]> {
    return db.select().from(schema.organizations).where(eq(schema.organizations.active, true));
  }

  listAll(db: Executor): Promise<OrgRow[]> {
    return db.select().from(schema.organizations);
  }

  streets(db: Executor): Promise<StreetRow[]> {
    return db.select().from(schema.streets);
  }

  communities(db: Executor): Promise<CommunityRow[]> {
    return db.select().from(schema.communities);
  }

  async street(db: Executor, code: string): Promise<StreetRow | null> {
    return (await db.select().from(schema.streets).where(eq(schema.streets.code, code)).limit(1))[0] ?? null;
  }

  async community(db: Executor, code: string, streetCode: string): Promise<CommunityRow | null> {
    return (
      (
        await db
          .select()
          .from(schema.communities)
          .where(and(eq(schema.communities.code, code), eq(schema.communities.streetCode, streetCode)))
          .limit(1)
      )[0] ?? null
    );
  }

  staffOf(db: Executor, orgId: string) {
    return db
      .select({
        id: schema.users.id,
        displayName: schema.users.displayName,
        role: schema.users.role,
        specialties: schema.users.specialties,
        active: schema.users.active,
      })
      .from(schema.users)
      .where(eq(schema.users.orgId, orgId));
  }

  async getMeta(db: Executor, key: string): Promise<unknown> {
    return (await db.select().from(schema.meta).where(eq(schema.meta.key, key)).limit(1))[0]?.value ?? null;
  }

  async setMeta(db: Executor, key: string, value: unknown): Promise<void> {
    await db
      .insert(schema.meta)
      .values({ key, value })
      .onConflictDoUpdate({ target: schema.meta.key, set: { value } });
  }

  async insertStreets(db: Executor, rows: (typeof schema.streets.$inferInsert)[]): Promise<void> {
    await db.insert(schema.streets).values(rows).onConflictDoNothing();
  }

  async insertCommunities(db: Executor, rows: (typeof schema.communities.$inferInsert)[]): Promise<void> {
    await db.insert(schema.communities).values(rows).onConflictDoNothing();
  }

  async insertOrgs(db: Executor, rows: (typeof schema.organizations.$inferInsert)[]): Promise<OrgRow[]> {
    await db.insert(schema.organizations).values(rows).onConflictDoNothing();
    return db
      .select()
      .from(schema.organizations)
      .where(
        inArray(
          schema.organizations.code,
          rows.map((r) => r.code),
        ),
      );
  }

  async existingUsernames(db: Executor, usernames: string[]): Promise<Set<string>> {
    const rows = await db
      .select({ username: schema.users.username })
      .from(schema.users)
      .where(inArray(schema.users.username, usernames));
    return new Set(rows.map((r) => r.username).filter((u): u is string => u !== null));
  }

  async insertUsers(db: Executor, rows: (typeof schema.users.$inferInsert)[]): Promise<void> {
    await db.insert(schema.users).values(rows).onConflictDoNothing();
  }
}
