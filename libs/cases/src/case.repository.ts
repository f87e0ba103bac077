import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { formatDisputeNumber } from '@tiaojie/core';
import { Executor, Read, Statement, readAsOne, rowOf, schema, tableRead } from '@tiaojie/db';

export type DisputeRow = typeof schema.disputes.$inferSelect;
export type PartyRow = typeof schema.disputeParties.$inferSelect;
export type TransitionRow = typeof schema.caseTransitions.$inferSelect;

const d = schema.disputes;
/** The columns a case list shows (CaseQueryService.summary): lists never read descriptions or routing explanations. */
export const SUMMARY_COLUMNS = {
  id: d.id,
  number: d.number,
  title: d.title,
  category: d.category,
  deadlineRegime: d.deadlineRegime,
  enterpriseRelated: d.enterpriseRelated,
  kind: d.kind,
  channel: d.channel,
  status: d.status,
  version: d.version,
  bodyId: d.bodyId,
  mediatorId: d.mediatorId,
  streetCode: d.streetCode,
  sessionMode: d.sessionMode,
  dueAt: d.dueAt,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  // what CaseAccessService.relationsOf reads (room lists check access from list rows)
  createdBy: d.createdBy,
  formerBodyIds: d.formerBodyIds,
};
export type DisputeSummaryRow = Pick<DisputeRow, keyof typeof SUMMARY_COLUMNS>;

export interface NewDisputeWrite {
  dispute: typeof schema.disputes.$inferInsert;
  parties: (typeof schema.disputeParties.$inferInsert)[];
  agents: (typeof schema.disputeAgents.$inferInsert)[];
  transitions: (typeof schema.caseTransitions.$inferInsert)[];
}

@Injectable()
export class CaseRepository {
  /** The next readable number for a dispute received in `year`, drawn from the shared sequence (formatDisputeNumber). */
  /** The next dispute number of `year` (drawn from the sequence: a number is never reused, even if the write fails). */
  nextNumberRead(year: number): Read<string> {
    return {
      sql: sql`select nextval('dispute_number_seq')::text as n`,
      map: (rows) => formatDisputeNumber(year, rows[0].n as string),
    };
  }

  async nextNumber(db: Executor, year: number): Promise<string> {
    return (await readAsOne(db, 'dispute_next_number_v2', [this.nextNumberRead(year)] as const))[0];
  }

  /**
   * A new dispute with its parties, agents and first timeline rows, as statements to run together (runAsOne); the
   * dispute's insert comes first and returns its row (`disputeFrom`).
   */
  newDisputeStatements(db: Executor, w: NewDisputeWrite): Statement[] {
    return [
      db.insert(schema.disputes).values(w.dispute).returning().getSQL(),
      db.insert(schema.disputeParties).values(w.parties).getSQL(),
      ...(w.agents.length > 0 ? [db.insert(schema.disputeAgents).values(w.agents).getSQL()] : []),
      db.insert(schema.caseTransitions).values(w.transitions).getSQL(),
    ];
  }

  disputeFrom(raw: Record<string, unknown>): DisputeRow {
    return rowOf(schema.disputes, raw);
  }

  async byClientKey(db: Executor, createdBy: string, clientKey: string): Promise<DisputeRow | null> {
    return (
      (
        await db
          .select()
          .from(schema.disputes)
          .where(and(eq(schema.disputes.createdBy, createdBy), eq(schema.disputes.clientKey, clientKey)))
          .limit(1)
      )[0] ?? null
    );
  }

  async byId(db: Executor, id: string): Promise<DisputeRow | null> {
    return (await db.select().from(schema.disputes).where(eq(schema.disputes.id, id)).limit(1))[0] ?? null;
  }

  parties(db: Executor, disputeId: string): Promise<PartyRow[]> {
    return db
      .select()
      .from(schema.disputeParties)
      .where(eq(schema.disputeParties.disputeId, disputeId))
      .orderBy(asc(schema.disputeParties.createdAt), asc(schema.disputeParties.role));
  }

  /** Compare-and-set on the version the caller read: null means someone else changed the case first. */
  async updateIfVersion(
    db: Executor,
    id: string,
    version: number,
    patch: Partial<typeof schema.disputes.$inferInsert>,
  ): Promise<DisputeRow | null> {
    const r = await db
      .update(schema.disputes)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(schema.disputes.id, id), eq(schema.disputes.version, version)))
      .returning();
    return r[0] ?? null;
  }

  async insertTransition(db: Executor, row: typeof schema.caseTransitions.$inferInsert): Promise<void> {
    await db.insert(schema.caseTransitions).values(row);
  }

  transitions(db: Executor, disputeId: string): Promise<TransitionRow[]> {
    return db
      .select()
      .from(schema.caseTransitions)
      .where(eq(schema.caseTransitions.disputeId, disputeId))
      .orderBy(asc(schema.caseTransitions.id));
  }

  /** Links party records carrying this phone to the user who proved owning it. */
  async linkPartiesByPhone(db: Executor, phone: string, userId: string): Promise<void> {
    await db
      .update(schema.disputeParties)
      .set({ userId })
      .where(and(eq(schema.disputeParties.phone, phone), isNull(schema.disputeParties.userId)));
  }

  /** When each of these accounts last signed in (or refreshed its session): the newest refresh token it was issued. */
  async lastSignIns(db: Executor, userIds: string[]): Promise<Map<string, Date>> {
    if (userIds.length === 0) return new Map();
    const t = schema.refreshTokens;
    const rows = await db
      .select({ userId: t.userId, at: sql<Date>`max(${t.createdAt})`.mapWith(t.createdAt) })
      .from(t)
      .where(inArray(t.userId, userIds))
      .groupBy(t.userId);
    return new Map(rows.map((r) => [r.userId, r.at]));
  }

  async forParty(db: Executor, userId: string): Promise<DisputeSummaryRow[]> {
    const ids = db
      .select({ id: schema.disputeParties.disputeId })
      .from(schema.disputeParties)
      .where(eq(schema.disputeParties.userId, userId));
    const asAgent = db
      .select({ id: schema.disputeAgents.disputeId })
      .from(schema.disputeAgents)
      .where(eq(schema.disputeAgents.userId, userId));
    return db
      .select(SUMMARY_COLUMNS)
      .from(schema.disputes)
      .where(or(inArray(schema.disputes.id, ids), inArray(schema.disputes.id, asAgent)))
      .orderBy(desc(schema.disputes.createdAt));
  }

  forCreator(db: Executor, userId: string, limit: number): Promise<DisputeSummaryRow[]> {
    return db
      .select(SUMMARY_COLUMNS)
      .from(schema.disputes)
      .where(
        or(
          eq(schema.disputes.createdBy, userId),
          // registrations merged into a dispute someone else registered first
          sql`${schema.disputes.id} in (select r.dispute_id from intake_records r where r.registered_by = ${userId} and r.dispute_id is not null)`,
        ),
      )
      .orderBy(desc(schema.disputes.createdAt))
      .limit(limit);
  }

  async insertReferral(db: Executor, row: typeof schema.courtReferrals.$inferInsert): Promise<void> {
    await db.insert(schema.courtReferrals).values(row);
  }

  async insertConsent(db: Executor, row: typeof schema.partyConsents.$inferInsert): Promise<boolean> {
    const r = await db
      .insert(schema.partyConsents)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: schema.partyConsents.id });
    return r.length === 1;
  }

  consents(db: Executor, disputeId: string, kind: string) {
    return db
      .select()
      .from(schema.partyConsents)
      .where(and(eq(schema.partyConsents.disputeId, disputeId), eq(schema.partyConsents.kind, kind)));
  }

  /** Party accounts by phone number (phones are unique among users), for linking the parties of a new dispute. */
  partyUsersByPhoneRead(phones: string[]): Read<Map<string, string>> {
    return {
      sql: sql`select phone, id from users where phone = any(${sql.param([...new Set(phones)])}::text[]) and role = 'party'`,
      map: (rows) => new Map(rows.filter((r) => r.phone).map((r) => [r.phone as string, r.id as string])),
    };
  }

  async partyUsersByPhone(db: Executor, phones: string[]): Promise<Map<string, string>> {
    if (phones.length === 0) return new Map();
    return (await readAsOne(db, 'party_users_by_phone_v2', [this.partyUsersByPhoneRead(phones)] as const))[0];
  }

  /** A court's cases: those it referred, and confirmation and enforcement requests in its jurisdiction that no other court referred. */
  async forCourt(db: Executor, courtId: string, limit: number): Promise<DisputeSummaryRow[]> {
    const streets = await this.orgStreets(db, courtId);
    const ours = db
      .select({ id: schema.courtReferrals.disputeId })
      .from(schema.courtReferrals)
      .where(eq(schema.courtReferrals.courtId, courtId));
    const referred = db.select({ id: schema.courtReferrals.disputeId }).from(schema.courtReferrals);
    const confirmations =
      streets.length === 0
        ? sql`false`
        : and(
            inArray(schema.disputes.status, [
              'confirmation_requested',
              'enforcement_requested',
              'enforcement_received',
            ]),
            inArray(schema.disputes.streetCode, streets),
            sql`${schema.disputes.id} not in ${referred}`,
          );
    return db
      .select(SUMMARY_COLUMNS)
      .from(schema.disputes)
      .where(or(inArray(schema.disputes.id, ours), confirmations))
      .orderBy(desc(schema.disputes.createdAt))
      .limit(limit);
  }

  /**
   * Everything authorising an actor on a case reads, as one statement (readAsOne): the dispute, its parties, the court
   * referral, the agents, and the streets of the actor's organisation (for court staff; none without `orgId`). Every
   * case read, transition and send authorisation starts here; it was three to four round trips.
   */
  async accessReads(db: Executor, disputeId: string, orgId: string | null) {
    const [disputes, parties, referrals, agents, streets, registrants] = await readAsOne(
      db,
      'case_access_reads_v2',
      [
        tableRead(schema.disputes, eq(schema.disputes.id, disputeId)),
        tableRead(
          schema.disputeParties,
          eq(schema.disputeParties.disputeId, disputeId),
          sql`${schema.disputeParties.createdAt}, ${schema.disputeParties.role}`,
        ),
        tableRead(schema.courtReferrals, eq(schema.courtReferrals.disputeId, disputeId)),
        tableRead(schema.disputeAgents, eq(schema.disputeAgents.disputeId, disputeId)),
        {
          sql: sql`select street_codes from organizations where id = ${orgId}::uuid`,
          map: (rows) => (rows[0]?.street_codes as string[] | undefined) ?? [],
        },
        // staff whose live registrations were merged into the case (they follow it as its creator does)
        {
          sql: sql`select distinct registered_by from intake_records where dispute_id = ${disputeId}::uuid and registered_by is not null`,
          map: (rows) => rows.map((r) => r.registered_by as string),
        },
      ] as const,
    );
    return {
      dispute: disputes[0] ?? null,
      parties,
      referral: referrals[0] ?? null,
      agents,
      orgStreets: streets,
      registrants,
    };
  }

  async orgStreets(db: Executor, orgId: string): Promise<string[]> {
    return (
      (
        await db
          .select({ s: schema.organizations.streetCodes })
          .from(schema.organizations)
          .where(eq(schema.organizations.id, orgId))
          .limit(1)
      )[0]?.s ?? []
    );
  }

  async referral(db: Executor, disputeId: string) {
    return (
      (
        await db
          .select()
          .from(schema.courtReferrals)
          .where(eq(schema.courtReferrals.disputeId, disputeId))
          .limit(1)
      )[0] ?? null
    );
  }

  agents(db: Executor, disputeId: string) {
    return db.select().from(schema.disputeAgents).where(eq(schema.disputeAgents.disputeId, disputeId));
  }

  async linkAgentsByPhone(db: Executor, phone: string, userId: string): Promise<void> {
    await db
      .update(schema.disputeAgents)
      .set({ userId })
      .where(and(eq(schema.disputeAgents.phone, phone), isNull(schema.disputeAgents.userId)));
  }

  /** An account's phone (null when it has none, or no account is named). */
  userPhoneRead(userId: string | null): Read<string | null> {
    return {
      sql: sql`select phone from users where id = ${userId}::uuid`,
      map: (rows) => (rows[0]?.phone as string | null | undefined) ?? null,
    };
  }

  async userPhone(db: Executor, userId: string): Promise<string | null> {
    return (await readAsOne(db, 'user_phone_v2', [this.userPhoneRead(userId)] as const))[0];
  }

  async user(db: Executor, userId: string) {
    return (await db.select().from(schema.users).where(eq(schema.users.id, userId)).limit(1))[0] ?? null;
  }
}
